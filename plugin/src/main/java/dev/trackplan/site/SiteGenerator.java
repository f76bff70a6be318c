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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns pages, layouts, assets, the plan and the bundle into the site, in memory: every page goes
 * through its layout and carries the HubSpot loader tag and the bundle's script tag (added when a
 * layout forgot them); the tracking plan page and JSON, sitemap.xml, robots.txt and 404.html
 * are generated; internal links are checked.
 */
public final class SiteGenerator {
    private final HtmlTemplates templates;
    private final SiteSettings settings;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ProjectFiles projectFiles;
    private final Path projectDir;

    public SiteGenerator(dev.trackplan.render.TemplateSource layouts, SiteSettings settings, Path projectDir) {
        this.templates = new HtmlTemplates(layouts);
        this.settings = settings;
        this.projectFiles = new ProjectFiles(projectDir);
        this.projectDir = projectDir;
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
        List<Page> pages = allPages.stream().filter(p -> settings.includeDrafts() || !p.draft())
                .sorted(Comparator.comparing(Page::source)).filter(p -> files.claim(p.output(), "page " + p.source()
                        + " (URL " + p.url() + ")", SourcePos.of(p.source()), d))
                .sorted(Comparator.comparing(Page::url)).toList();
        boolean page404 = files.claimed("404.html");
        if (!page404) {
            files.claim("404.html", "the generated 404.html (add pages/404.md to write your own)", generated, d);
        }
        List<Asset> assets = readAssets(assetsDir, files, d);
        List<Map<String, Object>> nav = nav(pages);
        Map<String, Document> docs = new LinkedHashMap<>();
        List<GeneratedSite.HtmlPage> out = new ArrayList<>();
        // pages render independently: on all cores, collected back in URL order
        List<Rendered> rendered = pages.parallelStream().map(p -> {
            String content = p.markdown() ? markdown.render(p.body()) : p.body();
            Document doc = renderPage(p.layout(), p.title(), p.description(), p.url(), content, p.date(), nav,
                    bundle, SourcePos.of(p.source()), d);
            return doc == null ? null : new Rendered(p, doc, doc.outerHtml());
        }).toList();
        for (Rendered r : rendered) {
            if (r != null) {
                docs.put(r.page().url(), r.doc());
                files.put(r.page().output(), r.html().getBytes(StandardCharsets.UTF_8));
                out.add(new GeneratedSite.HtmlPage(r.page().url(), r.page().output(), r.html(), r.page().source()));
            }
        }
        Map<String, List<String>> coverage = PlanCoverage.of(plan.bundled(), docs);
        if (settings.trackingPlan()) {
            String content = templates.render("tracking-plan-content.html.mustache",
                    TrackingPlanModel.of(plan, settings.hubId(), coverage));
            Document doc = renderPage("default", "Tracking plan", "What this site collects and when.",
                    "/tracking-plan/", content, null, nav, bundle, SourcePos.of("tracking-plan"), d);
            if (doc != null) {
                files.put("tracking-plan/index.html", bytes(doc));
                out.add(new GeneratedSite.HtmlPage("/tracking-plan/", "tracking-plan/index.html", doc.outerHtml(),
                        "tracking-plan"));
                docs.put("/tracking-plan/", doc);
            }
            files.put("tracking-plan.json", TrackingPlanJson.of(plan, settings.hubId())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (!page404) {
            Document doc = renderPage("default", "Page not found", null, "/404.html",
                    templates.render("404-content.html.mustache", Map.of("home", "/")), null, nav, bundle,
                    SourcePos.of("404"), d);
            if (doc != null) {
                files.put("404.html", bytes(doc));
                out.add(new GeneratedSite.HtmlPage("/404.html", "404.html", doc.outerHtml(), "404"));
                docs.put("/404.html", doc);
            }
        }
        if (bundle != null) {
            files.put(bundle.path(), bundle.bytes());
        }
        for (Asset a : assets) {
            files.put(a.path(), a.bytes());
        }
        files.put("sitemap.xml", Sitemap.xml(settings.baseUrlNoSlash(), out).getBytes(StandardCharsets.UTF_8));
        files.put("robots.txt", Sitemap.robots(settings.baseUrlNoSlash()).getBytes(StandardCharsets.UTF_8));
        // a page that failed to render is reported already; links to it are not broken on top
        java.util.Set<String> targets = new java.util.HashSet<>(files.contents().keySet());
        pages.forEach(p -> targets.add(p.output()));
        new LinkChecker(targets).check(out, docs, d);
        return new GeneratedSite(files.contents(), out, coverage);
    }

    private record Rendered(Page page, Document doc, String html) {}

    private Document renderPage(String layout, String title, String description, String url, String content,
            String date, List<Map<String, Object>> nav, Bundle bundle, SourcePos at, Diagnostics d) {
        String layoutName = layout + ".html.mustache";
        boolean exists;
        try {
            exists = templates.exists(layoutName);
        } catch (ProjectFiles.BadNameException e) {
            d.error(at, SiteRules.LAYOUT, "layout " + e.getMessage());
            return null;
        }
        if (!exists) {
            d.error(at, SiteRules.LAYOUT, "layout '" + layout + "' does not exist; add src/main/site/layouts/"
                    + layoutName + " or use layout: default");
            return null;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("site", Map.of("title", settings.siteTitle(), "baseUrl", settings.baseUrl()));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", title);
        page.put("description", description == null ? "" : description);
        page.put("url", url);
        page.put("date", date == null ? "" : date);
        page.put("content", content);
        page.put("isHome", "/".equals(url));
        model.put("page", page);
        List<Map<String, Object>> marked = new ArrayList<>();
        for (Map<String, Object> n : nav) {
            Map<String, Object> copy = new LinkedHashMap<>(n);
            String nu = (String) n.get("url");
            copy.put("current", nu.equals(url) || (!"/".equals(nu) && url.startsWith(nu)));
            marked.add(copy);
        }
        model.put("nav", marked);
        Map<String, Object> tracking = new LinkedHashMap<>();
        tracking.put("loaderSrc", settings.loaderSrc());
        tracking.put("bundleSrc", bundle == null ? "" : bundle.url());
        tracking.put("banner", settings.banner());
        tracking.put("planPage", settings.trackingPlan());
        model.put("tracking", tracking);
        String html;
        try {
            html = templates.render(layoutName, model);
        } catch (MustacheException e) {
            d.error(at, SiteRules.TEMPLATE, "layout " + templates.origin(layoutName) + " failed: " + e.getMessage());
            return null;
        }
        Document doc = Jsoup.parse(html);
        TrackingTags.ensure(doc, settings, bundle);
        doc.outputSettings().prettyPrint(false);
        return doc;
    }

    private List<Map<String, Object>> nav(List<Page> pages) {
        List<Map<String, Object>> nav = new ArrayList<>();
        pages.stream().filter(p -> p.depth() <= 1 && !p.url().endsWith(".html"))
                .sorted(Comparator.comparing((Page p) -> !p.isHome()).thenComparingInt(Page::weight)
                        .thenComparing(Page::title))
                .forEach(p -> nav.add(Map.of("title", p.title(), "url", p.url())));
        if (settings.trackingPlan()) {
            nav.add(Map.of("title", "Tracking plan", "url", "/tracking-plan/"));
        }
        return nav;
    }

    private static byte[] bytes(Document doc) {
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
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
