package dev.trackplan.incremental;

import dev.trackplan.site.ContentFacts;
import dev.trackplan.site.PageLink;
import dev.trackplan.site.PageText;
import dev.trackplan.site.RenderCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persistent build cache in {@code target/trackplan/incremental/}: what an earlier build
 * computed, by content hash, so that a build where one page changed redoes only what depends on
 * it, also after the JVM stopped. Three sections, each valid only for the {@link BuildIdentity}
 * (cache format, plugin code and default templates) that wrote it:
 * <ul>
 * <li>{@code facts}: each page's rendered Markdown by the hash of its body;</li>
 * <li>{@code pages}: each output page's final HTML, links and the events that can fire on it, by
 *     the hash of its layout's name and every value the layout sees, under one fingerprint of the
 *     layouts, partials and settings (a layout change empties it) and one of the plan;</li>
 * <li>{@code verified}: the pages whose verification passed, by the hash of the bundle, the plan,
 *     the verification settings and the page's HTML, with the properties each event sent there (for
 *     the never-sent check); and the examples that passed, by the same and the HTML of their page;</li>
 * <li>{@code syntax}: the key ({@link SyntaxChecks#key}) of the last snippets and bundle that
 *     GraalJS parsed without a problem.</li>
 * </ul>
 * A missing, foreign or damaged file is a miss. Nothing here decides what is valid: every key is
 * computed from the inputs by the stage that uses it.
 */
public final class BuildCache {
    private final Shards facts;
    private final Shards pages;
    private final Shards verified;
    private final Shards syntax;
    private final String layoutsKey;
    private final Map<String, ContentFacts> factsMap = new ConcurrentHashMap<>();
    private final Set<String> factsLoaded;

    /** One page's passed verification: its key and, per event, the properties sent on it. */
    public record Verified(String key, Map<String, Set<String>> sent) {}

    private BuildCache(Path dir, String layoutsKey) {
        String identity = BuildIdentity.get();
        this.layoutsKey = layoutsKey;
        this.facts = new Shards(dir, "facts", identity);
        this.pages = new Shards(dir, "pages", identity + "|" + layoutsKey);
        this.verified = new Shards(dir, "verified", identity);
        this.syntax = new Shards(dir, "syntax", identity);
        facts.all().entrySet().parallelStream().forEach(e -> {
            ContentFacts f = decodeFacts(e.getValue());
            if (f != null) {
                factsMap.put(e.getKey(), f);
            }
        });
        this.factsLoaded = new HashSet<>(factsMap.keySet());
    }

    /** Reads the cache under {@code dir}; the pages section only for layouts with the fingerprint {@code layoutsKey}. */
    public static BuildCache open(Path dir, String layoutsKey) {
        return new BuildCache(dir, layoutsKey);
    }

    /** Content facts by {@link ContentFacts#key}: read from and added to by the site stage. */
    public Map<String, ContentFacts> facts() {
        return factsMap;
    }

    /** Fills {@code cache} with the pages kept on disk (for the same layouts only). */
    public void restorePages(RenderCache cache) {
        Map<String, RenderCache.Entry> entries = new ConcurrentHashMap<>();
        pages.all().entrySet().parallelStream().forEach(e -> {
            RenderCache.Entry entry = decodePage(e.getValue());
            if (entry != null) {
                entries.put(e.getKey(), entry);
            }
        });
        cache.restore(layoutsKey, new HashMap<>(entries));
    }

    /** The page's passed verification under {@code key}, or null. */
    public Verified verified(String url, String key) {
        byte[] b = verified.get(url);
        Verified v = b == null ? null : decodeVerified(b);
        return v != null && v.key().equals(key) ? v : null;
    }

    /** Whether a passed verification is recorded for {@code url} (under any key). */
    public boolean hasVerified(String url) {
        return verified.get(url) != null;
    }

    /** Whether the snippets and bundle with this {@link SyntaxChecks#key} parsed without a problem before. */
    public boolean syntaxPassed(String key) {
        byte[] b = syntax.get("last");
        return b != null && new String(b, java.nio.charset.StandardCharsets.UTF_8).equals(key);
    }

    /** Records that the snippets and bundle with this key parsed without a problem (kept: the last one). */
    public void syntaxPassed(String key, boolean passed) {
        if (passed) {
            syntax.put("last", key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Records that the page's verification under {@code key} passed. */
    public void passed(String url, Verified v) {
        verified.put(url, encodeVerified(v));
    }

    /** Keeps only the verified pages in {@code urls}. */
    public void retainVerified(Set<String> urls) {
        verified.retain(urls);
    }

    /**
     * Writes what changed: the facts of {@code liveFacts} (others dropped), the pages of {@code
     * cache} when it was rendered with this cache's layouts, and the verified pages.
     */
    public void save(Set<String> liveFacts, RenderCache cache) throws IOException {
        facts.retain(liveFacts);
        // encoded and written one file at a time (see Shards#saveEach)
        facts.saveEach(liveFacts, k -> {
            ContentFacts f = factsMap.get(k);
            return f != null && !factsLoaded.contains(k) ? encodeFacts(f) : null;
        });
        syntax.save();
        if (cache != null && layoutsKey.equals(cache.layoutsKey())) {
            Map<String, RenderCache.Entry> entries = cache.entries();
            pages.retain(entries.keySet());
            // one file at a time: a clean build's pages are read back from the staging folder and
            // encoded just before their file is written, never all at once
            pages.saveEach(cache.fresh(), output -> {
                RenderCache.Entry e = entries.get(output);
                return e == null ? null : encodePage(e);
            });
            cache.saved();
        }
    }

    /** Writes the verified pages if they changed. */
    public void saveVerified() throws IOException {
        verified.save();
    }

    static byte[] encodeFacts(ContentFacts f) {
        return new Codec.Writer(f.html().length() + f.firstParagraph().length() + 64).string(f.html())
                .bool(f.ownH1()).string(f.firstParagraph()).bytes();
    }

    static ContentFacts decodeFacts(byte[] b) {
        try {
            Codec.Reader r = new Codec.Reader(b);
            ContentFacts f = new ContentFacts(r.string(), r.bool(), r.string());
            r.end();
            return f.html() == null || f.firstParagraph() == null ? null : f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A page as its UTF-8 bytes with their SHA-256: read back, it is neither decoded nor hashed again. */
    static byte[] encodePage(RenderCache.Entry e) {
        // a page of a clean build: read back from the staging folder, once; its hash is known
        byte[] html = e.page().bytes();
        Codec.Writer w = new Codec.Writer(html.length + 64 * e.links().size() + 256).string(e.key()).raw(html)
                .string(e.page().sha256())
                .count(e.links().size());
        for (PageLink l : e.links()) {
            w.string(l.tag()).string(l.ref()).string(l.text());
        }
        return w.string(e.planKey()).strings(e.events()).bytes();
    }

    static RenderCache.Entry decodePage(byte[] b) {
        try {
            Codec.Reader r = new Codec.Reader(b);
            String key = r.string();
            int[] html = r.rawSlice(); // the page's bytes stay where they are in the entry: not copied
            String sha256 = r.string();
            if (key == null || sha256 == null) {
                return null;
            }
            int n = r.count();
            List<PageLink> links = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                links.add(new PageLink(r.string(), r.string(), r.string()));
            }
            RenderCache.Entry e = new RenderCache.Entry(key, PageText.ofBytes(b, html[0], html[1], sha256), links,
                    r.string(),
                    r.strings());
            r.end();
            return e;
        } catch (IOException | RuntimeException e) {
            return null; // includes a null where none may be: a miss
        }
    }

    static byte[] encodeVerified(Verified v) {
        Codec.Writer w = new Codec.Writer().string(v.key()).count(v.sent().size());
        new java.util.TreeMap<>(v.sent()).forEach((event, props) -> w.string(event).strings(props.stream().sorted().toList()));
        return w.bytes();
    }

    static Verified decodeVerified(byte[] b) {
        try {
            Codec.Reader r = new Codec.Reader(b);
            String key = r.string();
            int n = r.count();
            Map<String, Set<String>> sent = new HashMap<>();
            for (int i = 0; i < n; i++) {
                sent.put(r.string(), Set.copyOf(r.strings()));
            }
            r.end();
            return key == null ? null : new Verified(key, sent);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
