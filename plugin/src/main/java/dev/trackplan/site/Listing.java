package dev.trackplan.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order of list pages and feeds, newest first: by {@code date} (undated pages last), then
 * {@code weight}, then title, then URL so that equal pages still have one order.
 */
final class Listing {
    static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparingLong((Page p) -> -p.dateMillis().orElse(Long.MIN_VALUE + 1))
            .thenComparingInt(Page::weight)
            .thenComparing(Page::title)
            .thenComparing(Page::url);

    private Listing() {}

    static List<Page> sorted(List<Page> pages) {
        List<Page> out = new ArrayList<>(pages);
        out.sort(NEWEST_FIRST);
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
