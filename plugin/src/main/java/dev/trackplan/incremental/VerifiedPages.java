package dev.trackplan.incremental;

import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.verify.Verifier;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pages and examples need no verification again: a page whose HTML, URL, bundle, plan,
 * verification settings and plugin are exactly those of a page whose verification passed in an
 * earlier build (all in one key, {@code base} carrying the bundle, plan and settings), and an
 * example of an event (by its place in the event, {@link Verifier#exampleId}) under the same
 * bundle, plan, settings and plugin, and the same HTML of the page it runs on, if it names one.
 * The verification is the same then, so its outcome is too; everything else is verified.
 */
public final class VerifiedPages {
    private final BuildCache cache;
    private final String base;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Set<String> reused = ConcurrentHashMap.newKeySet();

    private final Map<String, String> fileHashes;

    public VerifiedPages(BuildCache cache, String base) {
        this(cache, base, Map.of());
    }

    /**
     * As above; {@code fileHashes}: the SHA-256 (hex) of each site file's bytes, already computed
     * to write the site, so a page's HTML (whose UTF-8 bytes are the file) is not hashed twice.
     */
    public VerifiedPages(BuildCache cache, String base, Map<String, String> fileHashes) {
        this.cache = cache;
        this.base = Canonical.hash(BuildIdentity.get(), base);
        this.fileHashes = fileHashes;
    }

    private String key(GeneratedSite.HtmlPage p) {
        return keys.computeIfAbsent(p.url(), u -> {
            String fileHash = fileHashes.get(p.file());
            // the digest as bytes: never the same canonical value as an HTML string
            return fileHash != null ? Canonical.hash(base, p.url(), java.util.HexFormat.of().parseHex(fileHash))
                    : Canonical.hash(base, p.url(), p.html());
        });
    }

    /** The pages verified before under the same key, each with the properties sent on it per event. */
    public Map<String, Map<String, Set<String>>> passed(GeneratedSite site) {
        return passed(site, null);
    }

    /**
     * The pages (by URL) and the examples of {@code plan}'s events (by {@link Verifier#exampleId})
     * verified before under the same key, each with the properties sent there per event.
     */
    public Map<String, Map<String, Set<String>>> passed(GeneratedSite site, TrackingPlan plan) {
        Map<String, Map<String, Set<String>>> out = new ConcurrentHashMap<>();
        site.pages().parallelStream().filter(p -> !p.url().endsWith(".html")).forEach(p -> {
            BuildCache.Verified v = cache.verified(p.url(), key(p));
            if (v != null) {
                out.put(p.url(), v.sent());
                reused.add(p.url());
            }
        });
        exampleKeys(site, plan).forEach((id, key) -> {
            BuildCache.Verified v = cache.verified(id, key);
            if (v != null) {
                out.put(id, v.sent());
                reused.add(id);
            }
        });
        return new HashMap<>(out);
    }

    /**
     * Whether the verification will run a scenario (and needs GraalJS): an example or a page an
     * event can fire on that did not pass before ({@code passed}). A hint to start GraalJS early;
     * the verifier asks for it itself when a scenario runs.
     */
    public boolean needsScenarios(GeneratedSite site, TrackingPlan plan, Map<String, Map<String, Set<String>>> passed) {
        for (EventSpec e : plan.events()) {
            if (!site.coverage().containsKey(e.name())) {
                return true; // the verifier parses the pages to find out
            }
            for (int i = 0; i < e.examples().size(); i++) {
                if (!passed.containsKey(Verifier.exampleId(e, i))) {
                    return true;
                }
            }
        }
        Set<String> withEvents = new HashSet<>();
        site.coverage().values().forEach(withEvents::addAll);
        return site.pages().stream().anyMatch(p -> !p.url().endsWith(".html") && withEvents.contains(p.url())
                && !passed.containsKey(p.url()));
    }

    /**
     * Whether every example of {@code plan}'s events has a passed verification recorded (under
     * whatever key): if not, one will surely run and GraalJS can start before the site is done.
     */
    public static boolean examplesRecorded(BuildCache cache, TrackingPlan plan) {
        for (EventSpec e : plan.events()) {
            for (int i = 0; i < e.examples().size(); i++) {
                if (!cache.hasVerified(Verifier.exampleId(e, i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each example's key: the base, the example's place and text, and the HTML of the page it names. */
    private Map<String, String> exampleKeys(GeneratedSite site, TrackingPlan plan) {
        Map<String, String> out = new HashMap<>();
        if (plan == null) {
            return out;
        }
        Map<String, GeneratedSite.HtmlPage> byUrl = new HashMap<>();
        site.pages().forEach(p -> byUrl.put(p.url(), p));
        for (EventSpec e : plan.events()) {
            for (int i = 0; i < e.examples().size(); i++) {
                Example x = e.examples().get(i);
                GeneratedSite.HtmlPage page = x.page() == null ? null : byUrl.get(x.page());
                // the example itself is part of the plan (and of base); its page's HTML is not
                out.put(Verifier.exampleId(e, i), Canonical.hash(base, "example", e.name(), i, x.page(),
                        page == null ? null : key(page)));
            }
        }
        return out;
    }

    /**
     * After the verification: with {@code sentByPage} (null when it found errors) every page it
     * verified is recorded as passed; pages no longer in the site are forgotten.
     */
    public void record(GeneratedSite site, Map<String, Map<String, Set<String>>> sentByPage) throws IOException {
        record(site, null, sentByPage);
    }

    /**
     * As above, with the examples of {@code plan}'s events: each one that ran in a verification
     * without errors is recorded as passed, with the properties its call carried ({@code sentByPage}
     * under its {@link Verifier#exampleId}).
     */
    public void record(GeneratedSite site, TrackingPlan plan, Map<String, Map<String, Set<String>>> sentByPage)
            throws IOException {
        Set<String> urls = new HashSet<>();
        exampleKeys(site, plan).forEach((id, key) -> {
            urls.add(id);
            if (sentByPage != null && sentByPage.containsKey(id) && !reused.contains(id)) {
                cache.passed(id, new BuildCache.Verified(key, sentByPage.getOrDefault(id, Map.of())));
            }
        });
        Set<String> withEvents = new HashSet<>();
        site.coverage().values().forEach(withEvents::addAll);
        List<GeneratedSite.HtmlPage> pages = site.pages().stream().filter(p -> !p.url().endsWith(".html")).toList();
        for (GeneratedSite.HtmlPage p : pages) {
            urls.add(p.url());
            // a page with events whose own calls were not recorded (verified as another page in the
            // same situation) is not vouched for: what it sends is not known for the never-sent check
            boolean known = !withEvents.contains(p.url()) || (sentByPage != null && sentByPage.containsKey(p.url()));
            if (sentByPage != null && known && !reused.contains(p.url())) {
                cache.passed(p.url(), new BuildCache.Verified(key(p), sentByPage.getOrDefault(p.url(), Map.of())));
            }
        }
        cache.retainVerified(urls);
        cache.saveVerified();
    }
}
