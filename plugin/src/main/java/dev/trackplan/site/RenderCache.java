package dev.trackplan.site;

import dev.trackplan.io.Hashing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;

/**
 * The pages of the previous build, for repeated builds (the dev server): a page whose layout sees
 * exactly the same values as last time is not rendered again. So a page edit re-renders that
 * page, and the list, tag and other pages only where what they show of it changed (title, date,
 * summary, tags, or the navigation). Any change of a layout, partial or setting empties the cache.
 * Feeds, the sitemap and the stylesheet are plain strings and always written anew.
 */
public final class RenderCache {
    private record Entry(String key, Output page) {}

    /**
     * A rendered page: its HTML, its internal links and its parsed document (read, never changed),
     * kept so a later build with another plan can ask again which events fire on the page.
     */
    record Output(Document doc, String html, List<LinkChecker.Link> links) {}

    private final Map<String, Entry> byOutput = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private String layoutsKey;

    /** Starts a build whose layouts and settings have the fingerprint {@code layoutsKey}. */
    public synchronized void start(String layoutsKey) {
        if (!layoutsKey.equals(this.layoutsKey)) {
            byOutput.clear();
            this.layoutsKey = layoutsKey;
        }
        used.clear();
        rendered.set(0);
        reused.set(0);
    }

    /** Forgets the pages the last build did not produce. */
    public synchronized void finish() {
        byOutput.keySet().retainAll(used.keySet());
    }

    public int rendered() {
        return rendered.get();
    }

    public int reused() {
        return reused.get();
    }

    static String key(String layout, Map<String, Object> model) {
        return Hashing.sha256Hex(layout + "\u0000" + model);
    }

    /** The page rendered last time from the same layout and values, or null. */
    Output get(String output, String key) {
        used.put(output, true);
        Entry e = byOutput.get(output);
        if (e != null && e.key().equals(key)) {
            reused.incrementAndGet();
            return e.page();
        }
        return null;
    }

    void put(String output, String key, Output page) {
        rendered.incrementAndGet();
        byOutput.put(output, new Entry(key, page));
    }
}
