package dev.trackplan.site;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The main navigation: the home page first, then the top-level pages, plus any page with
 * {@code nav: true}, minus those with {@code nav: false}; ordered by {@code menu} (default: the
 * page's {@code weight}), then title. The tracking plan is not in it: the footer links to it.
 */
final class Navigation {
    private Navigation() {}

    static List<Map<String, Object>> of(List<Page> pages) {
        return pages.stream()
                .filter(p -> !p.url().endsWith(".html"))
                .filter(p -> p.extras().nav() != null ? p.extras().nav() : p.depth() <= 1)
                .sorted(Comparator.comparing((Page p) -> !p.isHome()).thenComparingInt(Navigation::order)
                        .thenComparing(Page::title).thenComparing(Page::url))
                .map(p -> Map.<String, Object>of("title", p.title(), "url", p.url()))
                .toList();
    }

    private static int order(Page p) {
        return p.extras().menu() != null ? p.extras().menu() : p.weight();
    }
}
