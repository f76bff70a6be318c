package dev.trackplan.site;

import dev.trackplan.incremental.Canonical;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pages of the previous build: a page whose layout sees exactly the same values as last time
 * is not rendered again. So a page edit re-renders that page, and the list, tag and other pages
 * only where what they show of it changed (title, date, summary, tags, or the navigation). Any
 * change of a layout, partial or setting empties the cache. Feeds, the sitemap and the stylesheet
 * are plain strings and always written anew. Kept in memory by the dev server, and on disk
 * between builds ({@code dev.trackplan.incremental}).
 */
public final class RenderCache {
    /**
     * A rendered page: the hash of its layout's name and values, its final HTML (as rendered, as
     * the bytes it was kept as, or stored in a clean build's staging folder and read back from
     * there when the build cache is saved: {@link PageText}), its internal links, and the events
     * that can fire on it under the plan with the fingerprint {@code planKey}.
     */
    public record Entry(String key, PageText page, List<PageLink> links, String planKey, List<String> events) {
        public Entry {
            links = List.copyOf(links);
            events = List.copyOf(events);
        }

        public Entry(String key, String html, List<PageLink> links, String planKey, List<String> events) {
            this(key, PageText.of(html), links, planKey, events);
        }

        /** The final HTML. */
        public String html() {
            return page.html();
        }
    }

    private final Map<String, Entry> byOutput = new ConcurrentHashMap<>();
    private final Map<String, Boolean> used = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fresh = new ConcurrentHashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile boolean changed;
    private String layoutsKey;
    private volatile String planKey;

    /** Starts a build whose layouts and settings have the fingerprint {@code layoutsKey}. */
    public synchronized void start(String layoutsKey) {
        start(layoutsKey, null); // unknown plan: which events fire is asked again for every page
    }

    /**
     * Starts a build whose layouts and settings have the fingerprint {@code layoutsKey} and whose
     * plan (what decides which events fire where) has the fingerprint {@code planKey}.
     */
    public synchronized void start(String layoutsKey, String planKey) {
        if (!layoutsKey.equals(this.layoutsKey)) {
            changed |= !byOutput.isEmpty() || this.layoutsKey != null;
            byOutput.clear();
            this.layoutsKey = layoutsKey;
        }
        this.planKey = planKey;
        used.clear();
        rendered.set(0);
        reused.set(0);
    }

    /** Forgets the pages the last build did not produce. */
    public synchronized void finish() {
        changed |= byOutput.keySet().retainAll(used.keySet());
    }

    public int rendered() {
        return rendered.get();
    }

    public int reused() {
        return reused.get();
    }

    /** The layouts' fingerprint the entries were rendered with (null before the first build). */
    public synchronized String layoutsKey() {
        return layoutsKey;
    }

    /** The pages by output path, to keep them between builds. */
    public Map<String, Entry> entries() {
        return new HashMap<>(byOutput);
    }

    /** Whether an entry was added, replaced or dropped since the cache was filled or saved. */
    public boolean changed() {
        return changed;
    }

    /** The output paths rendered anew since the cache was filled or saved. */
    public java.util.Set<String> fresh() {
        return new java.util.HashSet<>(fresh.keySet());
    }

    public void saved() {
        changed = false;
        fresh.clear();
    }

    /** Fills an empty cache with pages kept from an earlier build under {@code layoutsKey}. */
    public synchronized void restore(String layoutsKey, Map<String, Entry> entries) {
        byOutput.clear();
        byOutput.putAll(entries);
        this.layoutsKey = layoutsKey;
        changed = false;
        fresh.clear();
    }

    static String key(String layout, Map<String, Object> model) {
        return Canonical.hash(layout, model);
    }

    /** The plan's fingerprint, or null when unknown (never equal to an entry's). */
    String planKey() {
        return planKey;
    }

    /** The page rendered last time from the same layout and values, or null. */
    Entry get(String output, String key) {
        used.put(output, true);
        Entry e = byOutput.get(output);
        if (e != null && e.key().equals(key) && e.planKey().equals(planKey)) {
            reused.incrementAndGet();
            return e;
        }
        return null;
    }

    void put(String output, Entry page) {
        rendered.incrementAndGet();
        byOutput.put(output, page);
        fresh.put(output, true);
        changed = true;
    }

}
