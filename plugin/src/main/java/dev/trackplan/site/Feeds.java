package dev.trackplan.site;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Atom feeds: /feed.xml for every dated page of the site, &lt;section&gt;/feed.xml per section. */
final class Feeds {
    private final SiteSettings settings;
    private final ListPages lists;

    Feeds(SiteSettings settings, ListPages lists) {
        this.settings = settings;
        this.lists = lists;
    }

    static boolean dated(List<Page> pages) {
        return pages.stream().anyMatch(p -> p.dateMillis().isPresent());
    }

    /** Whether these pages get a feed: some are dated, and the site has the baseUrl feeds need. */
    static boolean wanted(SiteSettings settings, List<Page> pages) {
        return dated(pages) && !settings.baseUrl().isBlank();
    }

    /** Writes /feed.xml (its path claimed already); returns its path. */
    String site(List<Page> pages, SiteFiles files) {
        return write("/feed.xml", settings.siteTitle(), null, "/", pages, files);
    }

    /** Writes a section's feed (its path claimed already); returns its path. */
    String section(Page index, List<Page> children, SiteFiles files) {
        return write(index.url() + "feed.xml", index.title() + " · " + settings.siteTitle(), index.description(),
                index.url(), children, files);
    }

    private String write(String path, String title, String subtitle, String htmlPath, List<Page> pages,
            SiteFiles files) {
        List<AtomFeed.Entry> entries = Listing.sorted(pages.stream().filter(p -> p.dateMillis().isPresent()).toList())
                .stream().limit(AtomFeed.LIMIT)
                .map(p -> new AtomFeed.Entry(p, lists.summary(p), p.extras().meta().get("author"))).toList();
        files.put(path.substring(1), AtomFeed.xml(settings, title, subtitle, path, htmlPath, entries)
                .getBytes(StandardCharsets.UTF_8));
        return path;
    }
}
