package dev.trackplan.site;

import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The main navigation: the home page first, then the top-level pages, plus any page with
 * {@code nav: true}, minus those with {@code nav: false}; ordered by {@code menu} (default: the
 * page's {@code weight}), then title. The tracking plan is not in it: the footer links to it.
 * Every page carries the navigation, so it holds at most {@value #MAX_ENTRIES} entries (pages with
 * {@code nav: true} first, then the top-level pages in navigation order): a site of thousands of
 * top-level pages builds in time and output linear in its pages.
 */
final class Navigation {
    static final int MAX_ENTRIES = 30;

    private Navigation() {}

    static List<Map<String, Object>> of(List<Page> pages) {
        Comparator<Page> order = Comparator.comparing((Page p) -> !p.isHome()).thenComparingInt(Navigation::order)
                .thenComparing(Page::title).thenComparing(Page::url);
        List<Page> candidates = pages.stream()
                .filter(p -> !p.url().endsWith(".html"))
                .filter(p -> p.extras().nav() != null ? p.extras().nav() : p.depth() <= 1)
                .sorted(order)
                .toList();
        Set<Page> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        candidates.stream().filter(Page::isHome).limit(1).forEach(kept::add);
        // asked for by name first, then the top-level pages, until the navigation is full
        for (boolean explicit : new boolean[] {true, false}) {
            for (Page p : candidates) {
                if (kept.size() >= MAX_ENTRIES) {
                    break;
                }
                if ((p.extras().nav() != null) == explicit) {
                    kept.add(p);
                }
            }
        }
        return candidates.stream().filter(kept::contains)
                .map(p -> {
                    Map<String, Object> entry = new LinkedHashMap<>(); // one order in every JVM (cache keys)
                    entry.put("title", p.title());
                    entry.put("url", p.url());
                    return entry;
                })
                .toList();
    }

    private static int order(Page p) {
        return p.extras().menu() != null ? p.extras().menu() : p.weight();
    }
}
