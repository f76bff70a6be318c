package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackplanBuildTest {
    static final String NASTY = "q\"uo'te \\back </script><!-- {{x}} \u2028\u2029 \ud83d\ude00 &amp;";

    static final String SPEC = """
            events:
              nasty_clicked:
                label: "Nasty \\"label\\" </script> {{x}} \\u2028 \\U0001F600"
                description: "<b>not bold</b> & friends"
                trigger:
                  click: 'a[data-x="</script>"]'
                properties:
                  note:
                    type: string
                    label: "Note 'quoted'"
                    from: { value: "%s" }
                  kind:
                    type: enumeration
                    options: { "a\\"b": "A \\"B\\"", plain: Plain }
                    from: { attribute: data-kind }
                examples:
                  - element: '<a data-x="&lt;/script&gt;" data-kind="a&quot;b">x</a>'
                    expect: { note: "%s", kind: "a\\"b" }
            """;

    static String yamlEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static TestSites nastySite(Path dir) {
        String spec = String.format(SPEC, yamlEscaped(NASTY), yamlEscaped(NASTY));
        return new TestSites(dir).spec("nasty.yaml", spec)
                .page("index.md", "---\ntitle: Home\n---\n<a data-x=\"&lt;/script&gt;\" data-kind=\"plain\" href=\"/\">x</a>\n")
                .page("about.md", "---\ntitle: About\nweight: 2\n---\n# About\n\n[home](/)\n");
    }

    @Test
    void injectionCorpusBuildsAndRoundTripsExactly(@TempDir Path dir) throws IOException {
        TestSites s = nastySite(dir);
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).isEmpty();
        Path site = dir.resolve("target/site");
        String bundle;
        try (Stream<Path> js = Files.list(site.resolve("js"))) {
            bundle = Files.readString(js.findFirst().orElseThrow());
        }
        assertThat(bundle.toLowerCase(Locale.ROOT)).doesNotContain("</script").doesNotContain("<!--");
        assertThat(bundle).doesNotContain("\u2028").doesNotContain("\u2029");
        JsonNode plan = new ObjectMapper().readTree(site.resolve("tracking-plan.json").toFile());
        JsonNode def = plan.path("eventDefinitions").get(0);
        assertThat(def.path("label").asText()).isEqualTo("Nasty \"label\" </script> {{x}} \u2028 \ud83d\ude00");
        assertThat(def.path("propertyDefinitions").get(1).path("options").get(0).path("value").asText()).isEqualTo("a\"b");
        Document page = Jsoup.parse(site.resolve("tracking-plan/index.html").toFile());
        assertThat(page.select("section h2").first().wholeText()).isEqualTo("Nasty \"label\" </script> {{x}} \u2028 \ud83d\ude00");
        assertThat(page.select("section b")).isEmpty();
    }

    @Test
    void buildsAreByteIdenticalWhateverTheTimeZoneAndLocale(@TempDir Path a, @TempDir Path b) throws IOException {
        TimeZone tz = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(new Trackplan().build(nastySite(a).config()).errors()).isEmpty();
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(new Trackplan().build(nastySite(b).config()).errors()).isEmpty();
        } finally {
            TimeZone.setDefault(tz);
            Locale.setDefault(locale);
        }
        assertThat(files(b.resolve("target/site"))).isEqualTo(files(a.resolve("target/site")));
    }

    @Test
    void secondBuildWithoutChangesWritesNothing(@TempDir Path dir) throws IOException {
        TestSites s = nastySite(dir);
        assertThat(new Trackplan().build(s.config()).upToDate()).isFalse();
        Path index = dir.resolve("target/site/index.html");
        var before = Files.getLastModifiedTime(index);
        BuildResult again = new Trackplan().build(s.config());
        assertThat(again.upToDate()).isTrue();
        assertThat(again.summary().get(0)).contains("up to date");
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(before);
        s.page("about.md", "---\ntitle: About us\n---\nChanged.\n");
        assertThat(new Trackplan().build(s.config()).upToDate()).isFalse();
        assertThat(Files.readString(dir.resolve("target/site/about/index.html"))).contains("Changed.");
    }

    @Test
    void failedBuildLeavesThePreviousSiteAndForeignFilesKeptAndStaleFilesRemoved(@TempDir Path dir) throws IOException {
        TestSites s = nastySite(dir);
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        Path site = dir.resolve("target/site");
        Files.writeString(site.resolve("CNAME"), "www.example.com\n");
        Map<String, String> good = files(site);
        s.spec("broken.yaml", "events:\n  Bad Name:\n    label: x\n");
        assertThat(new Trackplan().build(s.config()).failed()).isTrue();
        assertThat(files(site)).isEqualTo(good);
        Files.delete(dir.resolve("src/main/tracking/events/broken.yaml"));
        Files.delete(dir.resolve("src/main/site/pages/about.md"));
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        assertThat(site.resolve("about")).doesNotExist();
        assertThat(site.resolve("CNAME")).hasContent("www.example.com");
    }

    @Test
    void prettyUrlsDraftsSitemapRobotsAnd404(@TempDir Path dir) throws IOException {
        TestSites s = nastySite(dir).page("pricing/index.html", "---\ntitle: Pricing\n---\n<p>Plans</p>\n")
                .page("secret.md", "---\ntitle: Secret\ndraft: true\n---\nhidden\n")
                .file("src/main/site/assets/css/extra.css", "body{}");
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        Path site = dir.resolve("target/site");
        assertThat(site.resolve("pricing/index.html")).exists();
        assertThat(site.resolve("about/index.html")).exists();
        assertThat(site.resolve("secret")).doesNotExist();
        assertThat(site.resolve("css/extra.css")).hasContent("body{}");
        assertThat(Files.readString(site.resolve("sitemap.xml"))).contains("<loc>https://t.example/pricing/</loc>")
                .doesNotContain("secret").doesNotContain("404");
        assertThat(Files.readString(site.resolve("robots.txt"))).contains("Sitemap: https://t.example/sitemap.xml");
        Document notFound = Jsoup.parse(site.resolve("404.html").toFile());
        assertThat(notFound.title()).startsWith("Page not found");
        assertThat(notFound.getElementById("hs-script-loader")).isNotNull();
        Document about = Jsoup.parse(site.resolve("about/index.html").toFile());
        assertThat(about.select("nav a[aria-current=page]").text()).isEqualTo("About");
        assertThat(about.select("h1#about")).hasSize(1);
    }

    @Test
    void siteLayoutsOverrideTheDefaultsAndPagesStillCarryTheTrackingTags(@TempDir Path dir) throws IOException {
        TestSites s = nastySite(dir)
                .file("src/main/site/layouts/default.html.mustache",
                        "<!doctype html><html><head><title>{{page.title}}</title></head><body class=\"mine\">"
                                + "{{{page.content}}}</body></html>")
                .file("src/main/site/layouts/landing.html.mustache",
                        "<!doctype html><html><head><title>Landing {{page.title}}</title></head><body>{{{page.content}}}</body></html>")
                .page("promo.md", "---\ntitle: Promo\nlayout: landing\n---\nBuy now.\n");
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        Document home = Jsoup.parse(dir.resolve("target/site/index.html").toFile());
        assertThat(home.select("body.mine")).hasSize(1);
        assertThat(home.getElementById("hs-script-loader").attr("src")).isEqualTo("//js.hs-scripts.com/123.js");
        assertThat(home.select("script[src^=/js/trackplan.]")).hasSize(1);
        Document promo = Jsoup.parse(dir.resolve("target/site/promo/index.html").toFile());
        assertThat(promo.title()).isEqualTo("Landing Promo");
        assertThat(promo.getElementById("hs-script-loader")).isNotNull();
    }

    @Test
    void missingTrackingTagsAreSplicedBeforeTheHeadEndAndTheLayoutIsWrittenAsRendered(@TempDir Path dir)
            throws IOException {
        String layout = "<!DOCTYPE html>\n<HTML><head><!-- </head> in a comment --><TITLE>{{page.title}}</TITLE>"
                + "\n</head ><body   class=mine>{{{page.content}}}</body></HTML>\n";
        TestSites s = nastySite(dir)
                .file("src/main/site/layouts/default.html.mustache", layout)
                .file("src/main/site/layouts/headless.html.mustache", "<p>{{page.title}}</p>")
                .page("bare.md", "---\ntitle: Bare\nlayout: headless\n---\nHi.\n");
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        String home = Files.readString(dir.resolve("target/site/about/index.html"));
        // the layout's own text is kept byte for byte; the tags go where the parser saw </head>
        int head = home.indexOf("</head >");
        assertThat(home.substring(0, head)).startsWith("<!DOCTYPE html>\n<HTML><head><!-- </head> in a comment -->"
                + "<TITLE>About</TITLE>\n<script id=\"hs-script-loader\" async defer src=\"//js.hs-scripts.com/123.js\">"
                + "</script><script defer src=\"/js/trackplan.");
        assertThat(home.substring(head)).startsWith("</head ><body   class=mine>");
        // no </head> to splice before: the page is written from the parsed document, tags in its head
        Document bare = Jsoup.parse(dir.resolve("target/site/bare/index.html").toFile());
        assertThat(bare.head().getElementById("hs-script-loader")).isNotNull();
        assertThat(bare.head().select("script[src^=/js/trackplan.]")).hasSize(1);
        assertThat(bare.body().text()).isEqualTo("Bare");
    }

    @Test
    void unknownLayoutIsReportedAtThePage(@TempDir Path dir) {
        TestSites s = nastySite(dir).page("promo.md", "---\ntitle: Promo\nlayout: landng\n---\nBuy now.\n");
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP503");
            assertThat(e.file()).isEqualTo("src/main/site/pages/promo.md");
            assertThat(e.message()).contains("layout 'landng' does not exist");
        });
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}
