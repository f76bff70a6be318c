package dev.trackplan.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of list pages and feeds, newest first: by {@code date} (undated pages last), then
 * {@code weight}, then title, then URL so that equal pages still have one order.
 */
final class Listing {
    private static final Comparator<Page> BY_WEIGHT_TITLE_URL = Comparator.comparingInt(Page::weight)
            .thenComparing(Page::title)
            .thenComparing(Page::url);
    static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparingLong((Page p) -> -p.dateMillis().orElse(Long.MIN_VALUE + 1))
            .thenComparing(BY_WEIGHT_TITLE_URL);

    private Listing() {}

    /** Sorted {@link #NEWEST_FIRST}, each page's date read once (not once per comparison). */
    static List<Page> sorted(List<Page> pages) {
        record Keyed(Page page, long newest) {}
        List<Keyed> keyed = new ArrayList<>(pages.size());
        for (Page p : pages) {
            keyed.add(new Keyed(p, -p.dateMillis().orElse(Long.MIN_VALUE + 1)));
        }
        keyed.sort(Comparator.comparingLong(Keyed::newest).thenComparing(Keyed::page, BY_WEIGHT_TITLE_URL));
        List<Page> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.page()));
        return out;
    }

    /** One page of a paginated list. */
    record Pager(int number, int total, String url, String output, List<Page> items, String prevUrl, String nextUrl) {}

    /**
     * Splits a list into pages of {@code size}: the first at {@code baseUrl} ("/blog/"), the others at
     * "/blog/page/2/", ... An empty list still has one (empty) page.
     */
    static List<Pager> paginate(String baseUrl, List<Page> items, int size) {
        int total = Math.max(1, (items.size() + size - 1) / size);
        List<Pager> out = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            List<Page> slice = items.subList(Math.min(items.size(), (n - 1) * size), Math.min(items.size(), n * size));
            out.add(new Pager(n, total, pageUrl(baseUrl, n), output(pageUrl(baseUrl, n)), List.copyOf(slice),
                    n > 1 ? pageUrl(baseUrl, n - 1) : null, n < total ? pageUrl(baseUrl, n + 1) : null));
        }
        return out;
    }

    static String pageUrl(String baseUrl, int n) {
        return n == 1 ? baseUrl : baseUrl + "page/" + n + "/";
    }

    /** The file of a pretty URL: "/blog/page/2/" is "blog/page/2/index.html". */
    static String output(String url) {
        return url.substring(1) + "index.html";
    }
}
