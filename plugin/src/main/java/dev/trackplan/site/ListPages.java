package dev.trackplan.site;

import dev.trackplan.diag.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages that list other pages: a section's index (a page with pages in its folder) paginated
 * at /blog/, /blog/page/2/, ...; /tags/ with every tag and its count; /tags/&lt;slug&gt;/ per tag.
 */
final class ListPages {
    static final int DEFAULT_PAGINATE = 10;
    private final Map<String, ContentFacts> facts;

    /** One output page to render: what it shows, the file it goes to, the source it came from. */
    record Job(PageView view, String output, String source) {}

    ListPages(Map<String, ContentFacts> facts) {
        this.facts = facts;
    }

    /**
     * The files of the list pages beyond the pages' own ({@code /blog/page/2/}, the tag pages), so
     * they can own their paths before any page or asset claims them.
     */
    static List<String> generatedPaths(Map<String, List<Page>> sections, List<Page> published, Tags tags,
            boolean tagsIntro) {
        List<String> out = new ArrayList<>();
        for (Page index : published) {
            List<Page> children = sections.get(index.url());
            if (children != null) {
                for (Listing.Pager pager : Listing.paginate(index.url(), children, size(index))) {
                    if (pager.number() > 1) {
                        out.add(Listing.output(pager.url()));
                    }
                }
            }
        }
        if (!tags.isEmpty()) {
            if (!tagsIntro) {
                out.add("tags/index.html");
            }
            for (Tags.Tag t : tags.all()) {
                Listing.paginate(t.url(), t.pages(), DEFAULT_PAGINATE).forEach(pg -> out.add(Listing.output(pg.url())));
            }
        }
        return out;
    }

    private static int size(Page index) {
        return index.extras().paginate() == null ? DEFAULT_PAGINATE : index.extras().paginate();
    }

    /** A section's list pages. */
    List<Job> section(Page index, List<Page> children, String feedUrl) {
        ContentFacts own = facts.get(index.url());
        int size = size(index);
        List<Job> jobs = new ArrayList<>();
        for (Listing.Pager pager : Listing.paginate(index.url(), children, size)) {
            boolean first = pager.number() == 1;
            PageView v = new PageView("list", index.layout() == null ? "list" : index.layout(),
                    numbered(index.title(), pager), index.description(), index.extras().summary(), pager.url(),
                    null, newest(pager.items()), first ? own.html() : "", own.ownH1() && first,
                    index.extras().image() == null ? null : index.extras().image().value(), index.extras().tags(),
                    index.extras().params(), index.extras().meta(), feedUrl, feedUrl == null ? null : index.title(),
                    list(pager, List.of()), SourcePos.of(index.source()));
            jobs.add(new Job(v, first ? index.output() : Listing.output(pager.url()), index.source()));
        }
        return jobs;
    }

    /** /tags/ (with the page at pages/tags/ as its introduction, if there is one) and a list per tag. */
    List<Job> tags(Tags tags, Page intro) {
        List<Job> jobs = new ArrayList<>();
        List<Map<String, Object>> terms = new ArrayList<>();
        for (Tags.Tag t : tags.all()) {
            terms.add(Map.of("name", t.name(), "url", t.url(), "count", String.valueOf(t.pages().size())));
        }
        ContentFacts own = intro == null ? null : facts.get(intro.url());
        Map<String, Object> list = list(null, terms);
        PageView index = intro == null
                ? new PageView("tags", "list", "Tags", null, null, "/tags/", null, null, "", false, null, List.of(),
                        Map.of(), Map.of(), null, null, list, SourcePos.of("tags"))
                : new PageView("tags", intro.layout() == null ? "list" : intro.layout(), intro.title(),
                        intro.description(), intro.extras().summary(), "/tags/", null, null, own.html(), own.ownH1(),
                        null, List.of(), intro.extras().params(), intro.extras().meta(), null, null, list,
                        SourcePos.of(intro.source()));
        jobs.add(new Job(index, "tags/index.html", intro == null ? "tags" : intro.source()));
        for (Tags.Tag t : tags.all()) {
            for (Listing.Pager pager : Listing.paginate(t.url(), t.pages(), DEFAULT_PAGINATE)) {
                PageView v = new PageView("list", "list", numbered(t.name(), pager), "Pages tagged " + t.name(), null,
                        pager.url(), null, newest(pager.items()), "", false, null, List.of(), Map.of(), Map.of(), null,
                        null, list(pager, List.of()), SourcePos.of("tags/" + t.slug()));
                jobs.add(new Job(v, Listing.output(pager.url()), "tags/" + t.slug()));
            }
        }
        return jobs;
    }

    private static String numbered(String title, Listing.Pager pager) {
        return pager.number() == 1 ? title : title + " (page " + pager.number() + " of " + pager.total() + ")";
    }

    /** The newest date among the listed pages, as the list's own lastmod. */
    private static String newest(List<Page> items) {
        return items.stream().filter(p -> p.lastmodMillis().isPresent())
                .max(java.util.Comparator.comparingLong(p -> p.lastmodMillis().getAsLong()))
                .map(p -> p.extras().lastmod() != null ? p.extras().lastmod() : p.date()).orElse(null);
    }

    private Map<String, Object> list(Listing.Pager pager, List<Map<String, Object>> terms) {
        Map<String, Object> list = new LinkedHashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        if (pager != null) {
            for (Page p : pager.items()) {
                entries.add(entry(p));
            }
        }
        list.put("pages", entries);
        list.put("hasPages", !entries.isEmpty());
        list.put("terms", terms);
        list.put("hasTerms", !terms.isEmpty());
        list.put("isEmpty", entries.isEmpty() && terms.isEmpty());
        list.put("paginator", pager == null ? Map.of("many", false) : paginator(pager));
        return list;
    }

    Map<String, Object> entry(Page p) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("title", p.title());
        e.put("url", p.url());
        e.put("date", LayoutModel.day(p.date()));
        e.put("dateTime", LayoutModel.instant(p.date()));
        e.put("summary", summary(p));
        e.put("tags", LayoutModel.tagLinks(p.extras().tags()));
        e.put("hasTags", !LayoutModel.tagLinks(p.extras().tags()).isEmpty());
        e.put("image", p.extras().image() == null ? "" : p.extras().image().value());
        return e;
    }

    /** Front matter {@code summary}, else the first paragraph, else the description. */
    String summary(Page p) {
        if (p.extras().summary() != null && !p.extras().summary().isBlank()) {
            return p.extras().summary();
        }
        ContentFacts f = facts.get(p.url());
        if (f != null && !f.firstParagraph().isEmpty()) {
            return f.firstParagraph();
        }
        return p.description() == null ? "" : p.description();
    }

    private static Map<String, Object> paginator(Listing.Pager pager) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", String.valueOf(pager.number()));
        m.put("total", String.valueOf(pager.total()));
        m.put("many", pager.total() > 1);
        m.put("prevUrl", pager.prevUrl() == null ? "" : pager.prevUrl());
        m.put("nextUrl", pager.nextUrl() == null ? "" : pager.nextUrl());
        String suffix = "page/" + pager.number() + "/";
        String base = pager.number() == 1 ? pager.url() : pager.url().substring(0, pager.url().length() - suffix.length());
        List<Map<String, Object>> pages = new ArrayList<>();
        for (int n = 1; n <= pager.total(); n++) {
            pages.add(Map.of("number", String.valueOf(n), "url", Listing.pageUrl(base, n), "current", n == pager.number()));
        }
        m.put("pages", pages);
        return m;
    }
}
