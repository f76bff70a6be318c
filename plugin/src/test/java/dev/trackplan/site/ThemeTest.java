package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every page's head and header carry: sharing tags, language, stylesheet, logo, navigation. */
class ThemeTest {

    @Test
    void canonicalOpenGraphAndTwitterTagsComeFromTheFrontMatter(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("blog/index.md", "---\ntitle: Blog\n---\n")
                .page("blog/post.md", "---\ntitle: A \"post\"\ndate: 2026-05-01\nsummary: In short.\n"
                        + "image: /img/cover.png\ntags: [One]\n---\nText.\n")
                .page("about.md", "---\ntitle: About\ndescription: Who we are.\n---\nx\n")
                .file("assets/img/cover.png", "png");
        s.options = new SiteOptions("de-CH", null, false, false, BlogSites.BUILD_DATE);
        s.build();
        assertThat(s.errors()).isEmpty();
        Document post = s.html("blog/post/index.html");
        assertThat(post.select("html").attr("lang")).isEqualTo("de-CH");
        assertThat(post.select("link[rel=canonical]").attr("href")).isEqualTo("https://www.example.com/blog/post/");
        assertThat(meta(post, "property", "og:url")).isEqualTo("https://www.example.com/blog/post/");
        assertThat(meta(post, "property", "og:title")).isEqualTo("A \"post\"");
        assertThat(meta(post, "property", "og:type")).isEqualTo("article");
        assertThat(meta(post, "property", "og:description")).isEqualTo("In short.");
        assertThat(meta(post, "name", "description")).isEqualTo("In short.");
        assertThat(meta(post, "property", "og:image")).isEqualTo("https://www.example.com/img/cover.png");
        assertThat(meta(post, "property", "article:published_time")).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(meta(post, "property", "article:tag")).isEqualTo("One");
        assertThat(meta(post, "name", "twitter:card")).isEqualTo("summary_large_image");
        assertThat(meta(post, "name", "twitter:image")).isEqualTo("https://www.example.com/img/cover.png");
        Document about = s.html("about/index.html");
        assertThat(meta(about, "property", "og:type")).isEqualTo("website");
        assertThat(meta(about, "name", "twitter:card")).isEqualTo("summary");
        assertThat(meta(about, "property", "og:description")).isEqualTo("Who we are.");
        assertThat(about.select("meta[property=og:image]")).isEmpty();
        assertThat(s.text("sitemap.xml"))
                .contains("<loc>https://www.example.com/blog/post/</loc><lastmod>2026-05-01T00:00:00Z</lastmod>")
                .contains("<loc>https://www.example.com/blog/</loc><lastmod>2026-05-01T00:00:00Z</lastmod>")
                .contains("<loc>https://www.example.com/about/</loc></url>");
    }

    @Test
    void aPageWithItsOwnH1GetsNoSecondOne(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("own.html", "---\ntitle: Own\n---\n<h1 class=\"x\">Mine</h1><p>x</p>")
                .page("own-md.md", "---\ntitle: Own md\n---\n# Mine too\n\ntext\n")
                .page("plain.html", "---\ntitle: Plain\n---\n<h2>Sub</h2><!-- <h1>not this</h1> -->")
                .page("index.md", "---\ntitle: Home\n---\nWelcome\n");
        s.build();
        assertThat(s.html("own/index.html").select("h1").eachText()).containsExactly("Mine");
        assertThat(s.html("own-md/index.html").select("h1").eachText()).containsExactly("Mine too");
        assertThat(s.html("plain/index.html").select("h1").eachText()).containsExactly("Plain");
        assertThat(s.html("index.html").select("h1")).as("the home page is a hero: it brings its own").isEmpty();
    }

    @Test
    void cssIsOneFingerprintedFileLinkedFromEveryPage(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("index.md", "---\ntitle: Home\n---\nx\n").page("a.md", "---\ntitle: A\n---\nx\n");
        s.build();
        var css = s.site.files().keySet().stream().filter(f -> f.startsWith("css/")).toList();
        assertThat(css).singleElement().asString().matches("css/site\\.[0-9a-f]{10}\\.css");
        for (String page : new String[] {"index.html", "a/index.html", "404.html", "tracking-plan/index.html"}) {
            assertThat(s.html(page).select("link[rel=stylesheet]").eachAttr("href")).as(page).containsExactly("/" + css.get(0));
            assertThat(s.html(page).select("style")).isEmpty();
        }
        BlogSites custom = new BlogSites(dir.resolve("custom")).page("index.md", "---\ntitle: Home\n---\nx\n")
                .file("layouts/site.css", "body { color: red; }\n");
        custom.build();
        String path = custom.site.files().keySet().stream().filter(f -> f.startsWith("css/")).findFirst().orElseThrow();
        assertThat(custom.text(path)).isEqualTo("body { color: red; }\n");
        assertThat(path).isNotEqualTo(css.get(0));
    }

    @Test
    void navigationFollowsNavAndMenuAndLeavesTheTrackingPlanToTheFooter(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("index.md", "---\ntitle: Home\n---\nx\n")
                .page("about.md", "---\ntitle: About\nmenu: 3\n---\nx\n")
                .page("pricing.md", "---\ntitle: Pricing\nweight: 1\n---\nx\n")
                .page("legal.md", "---\ntitle: Legal\nnav: false\n---\nx\n")
                .page("docs/deep.md", "---\ntitle: Deep\nnav: true\nmenu: 2\n---\nx\n");
        s.build();
        Document home = s.html("index.html");
        assertThat(home.select(".site-nav ul a").eachText()).containsExactly("Home", "Pricing", "Deep", "About");
        assertThat(home.select("footer a[href=/tracking-plan/]").text()).isEqualTo("What we track");
        assertThat(s.html("about/index.html").select(".site-nav [aria-current=page]").text()).isEqualTo("About");
        assertThat(home.select(".menu-button[aria-controls=site-menu]")).hasSize(1);
    }

    @Test
    void theLogoIsTheConfiguredAssetElseLogoSvg(@TempDir Path dir) {
        BlogSites none = new BlogSites(dir.resolve("none")).page("index.md", "---\ntitle: Home\n---\nx\n");
        none.build();
        assertThat(none.html("index.html").select(".brand img")).isEmpty();
        BlogSites byDefault = new BlogSites(dir.resolve("default")).page("index.md", "---\ntitle: Home\n---\nx\n")
                .file("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        byDefault.build();
        assertThat(byDefault.html("index.html").select(".brand img").attr("src")).isEqualTo("/logo.svg");
        BlogSites configured = new BlogSites(dir.resolve("configured")).page("index.md", "---\ntitle: Home\n---\nx\n")
                .file("assets/img/mark.png", "png");
        configured.options = new SiteOptions("en", "img/mark.png", false, false, BlogSites.BUILD_DATE);
        configured.build();
        assertThat(configured.html("index.html").select(".brand img").attr("src")).isEqualTo("/img/mark.png");
        BlogSites missing = new BlogSites(dir.resolve("missing")).page("index.md", "---\ntitle: Home\n---\nx\n");
        missing.options = new SiteOptions("en", "img/nope.svg", false, false, BlogSites.BUILD_DATE);
        missing.build();
        assertThat(missing.errors()).singleElement().asString().contains("<logo> 'img/nope.svg' is not a file");
    }

    @Test
    void aMissingImageIsReportedAtItsKey(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\nimage: /img/nope.png\n---\nx\n")
                .page("b.md", "---\ntitle: B\nimage: https://cdn.example/b.png\n---\nx\n");
        s.build();
        assertThat(s.errors()).singleElement().asString().contains("pages/a.md:[3,8]").contains("TP504")
                .contains("image '/img/nope.png' is not part of the site");
    }

    private static String meta(Document doc, String attr, String name) {
        return doc.select("meta[" + attr + "=" + name + "]").attr("content");
    }
}
