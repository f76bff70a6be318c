package dev.trackplan.site;

import com.github.mustachejava.MustacheException;
import dev.trackplan.bundle.Bundle;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.io.DisplayPaths;
import dev.trackplan.io.Failures;
import dev.trackplan.io.FileRules;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.model.TrackingPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns pages, layouts, assets, the plan and the bundle into the site, in memory: every page goes
 * through its layout and carries the HubSpot loader tag and the bundle's script tag (added when a
 * layout forgot them); sections get paginated list pages, tags their pages, dated pages Atom feeds,
 * aliases redirect pages; the tracking plan page and JSON, the stylesheet, sitemap.xml, robots.txt
 * and 404.html are generated; internal links are checked.
 */
public final class SiteGenerator {
    private final HtmlTemplates templates;
    private final SiteSettings settings;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final RenderCache cache;
    private final ProjectFiles projectFiles;
    private final Path projectDir;
    private Set<String> unbuilt = Set.of();
    private Map<String, ContentFacts> factsCache;
    private PageSink sink;
    private boolean complete;

    public SiteGenerator(dev.trackplan.render.TemplateSource layouts, SiteSettings settings, Path projectDir) {
        this(layouts, settings, projectDir, null);
    }

    /** With a cache of the previous build's pages (repeated builds), or null. */
    public SiteGenerator(dev.trackplan.render.TemplateSource layouts, SiteSettings settings, Path projectDir,
            RenderCache cache) {
        this.templates = new HtmlTemplates(layouts);
        this.settings = settings;
        this.cache = cache;
        this.projectFiles = new ProjectFiles(projectDir);
        this.projectDir = projectDir;
    }

    /**
     * Each page's content facts (its Markdown rendered) by {@link ContentFacts#key}, kept between
     * builds: read from and added to. A concurrent map; null for none.
     */
    public SiteGenerator factsCache(Map<String, ContentFacts> cache) {
        this.factsCache = cache;
        return this;
    }

    /**
     * The render workers store each page in {@code sink} as soon as it is rendered (a clean build's
     * staging folder) and keep its HTML only when an event can fire on it (the verification reads
     * those); the others are read back from the sink when asked. Null (the default): every page
     * is held in memory.
     */
    public SiteGenerator pagesTo(PageSink sink) {
        this.sink = sink;
        return this;
    }

    /** Site files of pages that failed to load: reported already, so links to them are not broken too. */
    public SiteGenerator unbuiltPages(Set<String> outputs) {
        this.unbuilt = Set.copyOf(outputs);
        return this;
    }

    /**
     * After {@link #generate}: whether every page that is due was loaded and written. A missing
     * page may be the one a selector or glob matches, so no drift is reported for an incomplete site.
     */
    public boolean complete() {
        return complete;
    }

    public GeneratedSite generate(List<Page> allPages, TrackingPlan plan, Bundle bundle, Path assetsDir, Diagnostics d) {
        // generated files own their paths first, so a page or asset that collides is the one reported
        SiteFiles files = new SiteFiles();
        SourcePos generated = SourcePos.of("(generated)");
        if (settings.trackingPlan()) {
            files.claim("tracking-plan/index.html", "the generated tracking plan page /tracking-plan/", generated, d);
            files.claim("tracking-plan.json", "the generated tracking-plan.json", generated, d);
        }
        if (bundle != null) {
            files.claim(bundle.path(), "the tracking bundle", generated, d);
        }
        files.claim("sitemap.xml", "the generated sitemap.xml", generated, d);
        files.claim("robots.txt", "the generated robots.txt", generated, d);
        Stylesheet css = Stylesheet.of(templates);
        files.claim(css.path(), "the generated stylesheet", generated, d);

        Publication publication = new Publication(settings, settings.options().now());
        List<Page> published = allPages.stream().filter(publication::published)
                .sorted(Comparator.comparing(Page::url)).toList();
        Map<String, List<Page>> sections = sections(allPages, published);
        Tags tags = Tags.of(published);
        Page tagsIntro = tags.isEmpty() ? null
                : published.stream().filter(p -> p.url().equals("/tags/")).findFirst().orElse(null);
        for (String path : ListPages.generatedPaths(sections, published, tags, tagsIntro != null)) {
            files.claim(path, "the generated list page " + path, generated, d);
        }
        Map<String, List<Page>> sectionFeeds = new TreeMap<>();
        sections.forEach((url, children) -> {
            if (Feeds.wanted(settings, children) && files.claim(url.substring(1) + "feed.xml", "the generated feed "
                    + url + "feed.xml", generated, d)) {
                sectionFeeds.put(url, children);
            }
        });
        boolean siteFeed = Feeds.wanted(settings, published)
                && files.claim("feed.xml", "the generated feed /feed.xml", generated, d);
        List<Page> pages = published.stream().sorted(Comparator.comparing(Page::source))
                .filter(p -> files.claim(p.output(), "page " + p.source() + " (URL " + p.url() + ")",
                        SourcePos.of(p.source()), d))
                .sorted(Comparator.comparing(Page::url)).toList();
        boolean page404 = files.claimed("404.html");
        if (!page404) {
            files.claim("404.html", "the generated 404.html (add pages/404.md to write your own)", generated, d);
        }
        List<Asset> assets = readAssets(assetsDir, files, d);
        aliases(pages, files, d);
        Map<String, Page> pagesByUrl = new HashMap<>();
        pages.forEach(p -> pagesByUrl.putIfAbsent(p.url(), p));

        Map<String, ContentFacts> facts = new HashMap<>(pages.parallelStream()
                .collect(Collectors.toConcurrentMap(Page::url, p -> ContentFacts.of(p, markdown, factsCache))));
        ListPages lists = new ListPages(facts);
        Feeds feeds = new Feeds(settings, lists);
        if (Feeds.dated(published) && settings.baseUrl().isBlank()) {
            d.warning(SourcePos.of("pom.xml"), SiteRules.FEED, "no Atom feeds written: feeds need absolute "
                    + "addresses; set <baseUrl> (the site's public address) in the plugin configuration");
        }
        Map<String, String> feedUrls = new LinkedHashMap<>();
        sectionFeeds.forEach((url, children) -> {
            Page index = byUrl(pagesByUrl, url);
            if (index != null) {
                feedUrls.put(url, feeds.section(index, children, files));
            }
        });
        LayoutModel layoutModel = new LayoutModel(settings, bundle, Navigation.of(pages), logo(assetsDir, d),
                "/" + css.path(), siteFeed ? feeds.site(published, files) : null, tags.isEmpty() ? null : "/tags/");

        List<ListPages.Job> jobs = new ArrayList<>();
        for (Page p : pages) {
            if (sections.containsKey(p.url())) {
                jobs.addAll(lists.section(p, sections.get(p.url()), feedUrls.get(p.url())));
            } else if (p != tagsIntro) {
                jobs.add(new ListPages.Job(view(p, facts.get(p.url()), feedUrls.get(p.parentUrl()),
                        byUrl(pagesByUrl, p.parentUrl())), p.output(), p.source()));
            }
        }
        if (!tags.isEmpty()) {
            jobs.addAll(lists.tags(tags, pages.contains(tagsIntro) ? tagsIntro : null));
        }
        // only the events the bundle carries fire (retired and trigger-less ones are not in it)
        PlanCoverage matcher = new PlanCoverage(plan.bundled());
        // pages render independently: on all cores, collected back in order; each page is parsed
        // once, for its tracking tags, its links and the events that can fire on it
        List<Rendered> rendered = jobs.parallelStream().map(j -> {
            Rendered r = renderPage(layoutModel, j.view(), j.output(), bundle, matcher, d,
                    sink != null && files.claimed(j.output()));
            return r == null ? null : r.of(j);
        }).toList();
        List<Rendered> kept = new ArrayList<>();
        Map<String, List<String>> eventsByPage = new LinkedHashMap<>();
        List<GeneratedSite.HtmlPage> out = new ArrayList<>();
        Map<String, String> lastmods = new HashMap<>();
        for (Rendered r : rendered) {
            if (r == null || !files.claimed(r.job().output())) {
                continue;
            }
            String url = r.job().view().url();
            String output = r.job().output();
            // a page a render worker stored already is read back from the sink when asked
            files.putPage(output, r.html());
            kept.add(r);
            eventsByPage.put(url, r.events());
            out.add(new GeneratedSite.HtmlPage(url, output, r.html(), r.job().source()));
            if (r.job().view().lastmod() != null) {
                lastmods.put(url, LayoutModel.instant(r.job().view().lastmod()));
            }
        }
        // the plan page lists where each event fires on the site's own pages
        Map<String, List<String>> siteCoverage = matcher.byEvent(eventsByPage);
        if (settings.trackingPlan()) {
            String content = content("tracking-plan-content.html.mustache",
                    TrackingPlanModel.of(plan, settings.hubId(), siteCoverage), d);
            Rendered o = content == null ? null : renderPage(layoutModel, PageView.generated("Tracking plan",
                    "What this site collects and when.", "/tracking-plan/", content, SourcePos.of("tracking-plan")),
                    "tracking-plan/index.html", bundle, matcher, d, false);
            if (o != null) {
                files.putPage("tracking-plan/index.html", o.html());
                out.add(new GeneratedSite.HtmlPage("/tracking-plan/", "tracking-plan/index.html", o.html(),
                        "tracking-plan"));
                kept.add(o);
                eventsByPage.put("/tracking-plan/", o.events());
            }
            files.put("tracking-plan.json", TrackingPlanJson.of(plan, settings.hubId())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!files.claimed("index.html") && !unbuilt.contains("index.html")) {
            // a new site has no pages yet: its generated pages still link home, so home exists
            String content = "<h1>" + org.jsoup.nodes.Entities.escape(settings.siteTitle()) + "</h1>\n<p>This site has "
                    + "no home page yet: add <code>src/main/site/pages/index.md</code>.</p>\n";
            Rendered o = renderPage(layoutModel, PageView.generated(settings.siteTitle(), null, "/", content,
                    SourcePos.of("index")), "index.html", bundle, matcher, d, false);
            if (o != null && files.claim("index.html", "the placeholder home page", SourcePos.of("index"), d)) {
                files.putPage("index.html", o.html());
                out.add(new GeneratedSite.HtmlPage("/", "index.html", o.html(), "index"));
                kept.add(o);
                eventsByPage.put("/", o.events());
            }
        }
        if (!page404) {
            String content = content("404-content.html.mustache", Map.of("home", "/"), d);
            Rendered o = content == null ? null : renderPage(layoutModel, PageView.generated("Page not found",
                    null, "/404.html", content, SourcePos.of("404")), "404.html", bundle, matcher, d, false);
            if (o != null) {
                files.putPage("404.html", o.html());
                out.add(new GeneratedSite.HtmlPage("/404.html", "404.html", o.html(), "404"));
                kept.add(o);
            }
        }
        if (bundle != null) {
            files.put(bundle.path(), bundle.bytes());
        }
        files.put(css.path(), css.bytes());
        for (Asset a : assets) {
            files.put(a.path(), a.bytes());
        }
        files.put("sitemap.xml", Sitemap.xml(settings.baseUrlNoSlash(), out, lastmods).getBytes(StandardCharsets.UTF_8));
        files.put("robots.txt", Sitemap.robots(settings.baseUrlNoSlash()).getBytes(StandardCharsets.UTF_8));
        images(pages, files.contents().keySet(), d);
        // a page that failed to render is reported already; links to it are not broken on top
        Set<String> targets = new HashSet<>(files.contents().keySet());
        jobs.forEach(j -> targets.add(j.output()));
        targets.addAll(unbuilt);
        Map<String, Page> sources = new HashMap<>();
        pages.forEach(p -> sources.put(p.url(), p));
        LinkChecker links = new LinkChecker(targets);
        for (Rendered r : kept) {
            links.check(r.url(), r.source(), sources.get(r.url()), r.links(), d);
        }
        // the verifier's view: every page an event can fire on, the plan page included
        Map<String, List<String>> coverage = matcher.byEvent(eventsByPage);
        complete = unbuilt.isEmpty() && pages.size() == published.size()
                && rendered.stream().allMatch(r -> r != null && files.claimed(r.job().output()));
        // with a fixed build date the site never goes stale; with the clock it does when a page is due
        return new GeneratedSite(files.contents(), out, coverage,
                settings.options().buildDate() != null ? null : publication.nextChange(allPages));
    }

    /**
     * A rendered page: its final HTML (held, kept by the build cache, or stored in the sink and
     * held only when an event can fire on it: {@link PageText}), its internal links and the
     * events that can fire on it.
     */
    private record Rendered(ListPages.Job job, String url, String source, PageText html, List<PageLink> links,
            List<String> events) {
        Rendered of(ListPages.Job j) {
            return new Rendered(j, url, j.source(), html, links, events);
        }
    }

    /** A page the render workers stored, read back from the sink. */
    private byte[] readBack(String output) {
        try {
            return sink.read(output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Stores a rendered page in the sink (on the worker that rendered it, with the hash of its
     * bytes); returns the page as stored: held only when an event can fire on it (the
     * verification reads it), otherwise read back from the sink when asked.
     */
    private PageText store(String output, PageText page, List<String> events) {
        String sha256;
        try {
            byte[] bytes = page.bytes();
            sha256 = page.kept() ? page.sha256() : dev.trackplan.io.Hashing.sha256Hex(bytes);
            sink.store(output, bytes, sha256);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return PageText.stored(() -> readBack(output), sha256, events.isEmpty() ? null : page);
    }

    /** A generated page's content template, or null with a TP506 naming the template when it fails. */
    private String content(String name, Object model, Diagnostics d) {
        try {
            return templates.render(name, model);
        } catch (MustacheException | ProjectFiles.BadNameException e) {
            d.error(SourcePos.of(templates.origin(name)), SiteRules.TEMPLATE, "template failed: " + e.getMessage());
            return null;
        }
    }


    /**
     * Sections: every published page (but the home page) whose folder holds other pages, with its
     * published pages newest first. A folder whose pages are all drafts still lists nothing rather
     * than turning back into a plain page.
     */
    static Map<String, List<Page>> sections(List<Page> all, List<Page> published) {
        Set<String> parents = all.stream().map(Page::parentUrl).filter(u -> u != null && !u.equals("/"))
                .collect(Collectors.toSet());
        Map<String, List<Page>> out = new TreeMap<>();
        for (Page p : published) {
            if (!p.isHome() && parents.contains(p.url()) && !p.url().equals("/tags/")) {
                out.put(p.url(), Listing.sorted(published.stream().filter(c -> p.url().equals(c.parentUrl())).toList()));
            }
        }
        return out;
    }

    private PageView view(Page p, ContentFacts f, String feedUrl, Page section) {
        Page.Extras x = p.extras();
        return new PageView("page", p.layout() == null ? "default" : p.layout(), p.title(), p.description(),
                x.summary() != null ? x.summary() : f.firstParagraph(), p.url(), p.date(),
                x.lastmod() != null ? x.lastmod() : p.date(), f.html(), f.ownH1(),
                x.image() == null ? null : x.image().value(), x.tags(), x.params(), x.meta(), feedUrl,
                feedUrl == null || section == null ? null : section.title(), Map.of(), SourcePos.of(p.source()));
    }

    /** A page by its URL (looked up once per page: a search of the list each time was quadratic). */
    private static Page byUrl(Map<String, Page> pages, String url) {
        return url == null ? null : pages.get(url);
    }

    private void aliases(List<Page> pages, SiteFiles files, Diagnostics d) {
        for (Page p : pages) {
            for (Page.Located alias : p.extras().aliases()) {
                String problem = Aliases.problem(alias.value());
                if (problem != null) {
                    d.error(alias.pos(), SiteRules.FRONT_MATTER_VALUE, "alias '" + alias.value() + "' " + problem);
                    continue;
                }
                String output = Aliases.output(alias.value());
                if (files.claim(output, "alias " + alias.value() + " of page " + p.source(), alias.pos(), d)) {
                    Map<String, Object> model = Map.of("lang", settings.options().lang(), "title", p.title(), "url",
                            p.url(), "permalink", settings.absolute(p.url()));
                    files.put(output, templates.render("alias.html.mustache", model).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** A page's {@code image} on this site must be one of its files (sharing cards need it to load). */
    private static void images(List<Page> pages, Set<String> files, Diagnostics d) {
        for (Page p : pages) {
            Page.Located image = p.extras().image();
            if (image == null || image.value().startsWith("https://") || image.value().startsWith("http://")) {
                continue;
            }
            String rel = image.value().startsWith("/") ? image.value().substring(1) : image.value();
            if (!files.contains(rel)) {
                d.error(image.pos(), SiteRules.BROKEN_LINK, "image '" + image.value() + "' is not part of the site; "
                        + "put it in the assets folder or give a full https:// address");
            }
        }
    }

    /** The logo's site path: the configured asset, else logo.svg when the assets folder has one. */
    private String logo(Path assetsDir, Diagnostics d) {
        String logo = settings.options().logo();
        if (logo == null || logo.isBlank()) {
            return assetsDir != null && Files.isRegularFile(assetsDir.resolve("logo.svg")) ? "/logo.svg" : null;
        }
        String rel = logo.startsWith("/") ? logo.substring(1) : logo;
        if (assetsDir == null || rel.contains("..") || !Files.isRegularFile(assetsDir.resolve(rel))) {
            d.error(SourcePos.of("pom.xml"), SiteRules.BROKEN_LINK, "<logo> '" + logo + "' is not a file in the "
                    + "assets folder (src/main/site/assets/" + rel + ")");
            return null;
        }
        return "/" + rel;
    }

    /** Renders a page; {@code store}: into the sink at once (see {@link #pagesTo}). */
    private Rendered renderPage(LayoutModel layoutModel, PageView v, String output, Bundle bundle,
            PlanCoverage matcher, Diagnostics d, boolean store) {
        String layoutName = v.layout() + ".html.mustache";
        boolean exists;
        try {
            exists = templates.exists(layoutName);
        } catch (ProjectFiles.BadNameException e) {
            d.error(v.at(), SiteRules.LAYOUT, "layout " + e.getMessage());
            return null;
        }
        if (!exists) {
            d.error(v.at(), SiteRules.LAYOUT, "layout '" + v.layout() + "' does not exist; add src/main/site/layouts/"
                    + layoutName + " or use layout: default");
            return null;
        }
        Map<String, Object> model = layoutModel.of(v);
        String key = cache == null ? null : RenderCache.key(layoutName, model);
        RenderCache.Entry cached = cache == null ? null : cache.get(output, key);
        // which events fire was found on the page before its tracking tags were added: under
        // another plan the page is rendered again rather than asked in another state
        if (cached != null) {
            List<String> events = cached.events();
            PageText page = store ? store(output, cached.page(), events) : cached.page();
            return new Rendered(null, v.url(), v.at().file(), page, cached.links(), events);
        }
        String html;
        try {
            html = templates.render(layoutName, model);
        } catch (MustacheException e) {
            d.error(v.at(), SiteRules.TEMPLATE, "layout " + templates.origin(layoutName) + " failed: " + e.getMessage());
            return null;
        }
        Document doc = Jsoup.parse(html);
        List<PageLink> links = LinkChecker.linksOf(v.url(), doc);
        List<String> events = matcher.eventsOn(v.url(), doc);
        PageText finalHtml = PageText.of(TrackingTags.ensure(html, doc, settings, bundle));
        PageText kept = store ? store(output, finalHtml, events) : finalHtml;
        if (cache != null) {
            // a stored page's HTML is read back from the sink when the build cache is saved
            cache.put(output, new RenderCache.Entry(key, kept, links, cache.planKey() == null ? "" : cache.planKey(),
                    events));
        }
        return new Rendered(null, v.url(), v.at().file(), kept, links, events);
    }

    private record Asset(String path, byte[] bytes) {}

    /** The assets, read only from inside the project, each claiming its path in the site. */
    private List<Asset> readAssets(Path assetsDir, SiteFiles files, Diagnostics d) {
        List<Asset> assets = new ArrayList<>();
        if (assetsDir == null) {
            return assets;
        }
        ProjectFiles.Listing listing = projectFiles.walk(assetsDir, n -> true);
        for (ProjectFiles.Refused r : listing.refused()) {
            d.error(SourcePos.of(DisplayPaths.of(projectDir, r.file())), FileRules.OUTSIDE_PROJECT,
                    "asset " + r.reason());
        }
        for (Path p : listing.files()) {
            String rel = assetsDir.relativize(p).toString().replace('\\', '/');
            String shown = DisplayPaths.of(projectDir, p);
            if (!files.claim(rel, "asset " + shown, SourcePos.of(shown), d)) {
                continue;
            }
            try {
                assets.add(new Asset(rel, Files.readAllBytes(p)));
            } catch (IOException e) {
                d.error(SourcePos.of(shown), FileRules.OUTSIDE_PROJECT, "asset cannot be read: " + Failures.describe(e));
            }
        }
        return assets;
    }
}
