package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example site's blog, built by the whole pipeline (verification included): the "done when". */
class ExampleBlogTest {
    static final Path EXAMPLE = TrackingPlanPageTest.EXAMPLE;
    @TempDir
    static Path out;
    static Path site;

    @BeforeAll
    static void build() {
        TrackplanConfig c = new TrackplanConfig(EXAMPLE, EXAMPLE.resolve("src/main/tracking/events"),
                EXAMPLE.resolve("src/main/tracking/trackplan.lock.json"), EXAMPLE.resolve("src/main/tracking/templates"), EXAMPLE.resolve("src/main/site/pages"),
                EXAMPLE.resolve("src/main/site/layouts"), EXAMPLE.resolve("src/main/site/assets"), out.resolve("site"),
                out.resolve("work"), out.resolve("reports"), "123456", "na1", "banner", true, true,
                "https://www.acme-analytics.example", "Acme Analytics", true, false, true, Duration.ofSeconds(20),
                "test", new SiteOptions("en", null, false, false, Instant.parse("2026-11-23T00:00:00Z")));
        BuildResult r = new Trackplan().build(c);
        assertThat(r.errors()).isEmpty();
        site = out.resolve("site");
    }

    static Document page(String file) throws Exception {
        return Jsoup.parse(site.resolve(file).toFile());
    }

    @Test
    void theBlogIndexPagesAsTenPlusTwo() throws Exception {
        assertThat(page("blog/index.html").select(".post-list > li")).hasSize(10);
        assertThat(page("blog/page/2/index.html").select(".post-list > li")).hasSize(2);
        assertThat(page("blog/index.html").select(".post-list h2").first().text()).isEqualTo("Launching Acme Analytics");
        assertThat(site.resolve("blog/summer-webinar/index.html")).as("expired").doesNotExist();
        assertThat(site.resolve("blog/page/3/index.html")).doesNotExist();
    }

    @Test
    void tagsFeedsAliasesAndTheAuthorMetaAreGenerated() throws Exception {
        assertThat(page("tags/index.html").select(".tag-cloud a").eachText()).contains("Guides 4", "Company 4");
        assertThat(page("tags/guides/index.html").select(".post-list > li")).hasSize(4);
        AtomFeedTest.valid(Files.readString(site.resolve("blog/feed.xml")));
        AtomFeedTest.valid(Files.readString(site.resolve("feed.xml")));
        assertThat(page("careers/data-engineer/index.html").select("meta[http-equiv=refresh]").attr("content"))
                .isEqualTo("0; url=/blog/first-data-engineer/");
        Document post = page("blog/launching-acme/index.html");
        assertThat(post.select("meta[name=author]").attr("content")).isEqualTo("Dana Whitfield");
        assertThat(post.select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://www.acme-analytics.example/img/launch.png");
        assertThat(page("index.html").select(".brand img").attr("src")).isEqualTo("/logo.svg");
        assertThat(page("index.html").select(".site-nav a").eachText()).doesNotContain("Tracking plan");
    }
}
