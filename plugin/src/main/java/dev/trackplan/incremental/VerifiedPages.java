package dev.trackplan.incremental;

import dev.trackplan.site.GeneratedSite;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which pages need no verification again: a page whose HTML, URL, bundle, plan, verification
 * settings and plugin are exactly those of a page whose verification passed in an earlier build
 * (all in one key, {@code base} carrying the bundle, plan and settings). The verification is the
 * same then, so its outcome is too; everything else is verified.
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
        Map<String, Map<String, Set<String>>> out = new ConcurrentHashMap<>();
        site.pages().parallelStream().filter(p -> !p.url().endsWith(".html")).forEach(p -> {
            BuildCache.Verified v = cache.verified(p.url(), key(p));
            if (v != null) {
                out.put(p.url(), v.sent());
                reused.add(p.url());
            }
        });
        return new HashMap<>(out);
    }

    /**
     * After the verification: with {@code sentByPage} (null when it found errors) every page it
     * verified is recorded as passed; pages no longer in the site are forgotten.
     */
    public void record(GeneratedSite site, Map<String, Map<String, Set<String>>> sentByPage) throws IOException {
        Set<String> urls = new HashSet<>();
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
