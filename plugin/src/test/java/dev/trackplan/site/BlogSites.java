package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.render.TemplateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Small sites on disk run through the site stage alone (no specs, no GraalJS): fast tests of the site rules. */
final class BlogSites {
    static final Instant BUILD_DATE = Instant.parse("2026-11-23T12:00:00Z");
    final Path root;
    final Diagnostics d = new Diagnostics();
    SiteOptions options = new SiteOptions("en", null, false, false, BUILD_DATE);
    String baseUrl = "https://www.example.com";
    GeneratedSite site;

    BlogSites(Path root) {
        this.root = root;
        page("index.md", "---\ntitle: Home\n---\nWelcome.\n");
    }

    BlogSites page(String name, String content) {
        return file("pages/" + name, content);
    }

    BlogSites file(String name, String content) {
        try {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** n dated posts in blog/, post-01 the oldest (2026-01-01 + n days). */
    BlogSites posts(int n) {
        for (int i = 1; i <= n; i++) {
            page(String.format(java.util.Locale.ROOT, "blog/post-%02d.md", i), String.format(java.util.Locale.ROOT, "---\ntitle: Post %02d\ndate: 2026-01-%02d\n"
                    + "tags: [News]\n---\nBody of post %d.\n", i, i, i));
        }
        return page("blog/index.md", "---\ntitle: Blog\n---\nOur news.\n");
    }

    GeneratedSite build() {
        SiteSettings s = new SiteSettings("123", "na1", "hubspot", baseUrl, "Test site", true, false, options);
        List<Page> pages = new PageLoader(root).load(root.resolve("pages"), d);
        if (d.hasErrors()) { // as in the pipeline: no site from pages with errors
            site = null;
            return null;
        }
        site = new SiteGenerator(new TemplateSource("site", root.resolve("layouts"), root), s, root)
                .generate(pages, new TrackingPlan(List.of()), null, root.resolve("assets"), d);
        return site;
    }

    String text(String file) {
        byte[] b = site.files().get(file);
        if (b == null) {
            throw new AssertionError(file + " was not generated; files: " + site.files().keySet());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    Document html(String file) {
        return Jsoup.parse(text(file), "https://www.example.com/");
    }

    List<String> errors() {
        return d.errors().stream().map(x -> x.format()).toList();
    }
}
