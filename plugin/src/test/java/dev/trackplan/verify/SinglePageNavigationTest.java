package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import dev.trackplan.js.JsEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.graalvm.polyglot.Source;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A visit trigger also fires after history.pushState and back/forward (popstate), once per path. */
class SinglePageNavigationTest {

    @Test
    void visitFiresAfterPushStateAndPopstate(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).page("index.md", "---\ntitle: Home\n---\nhome\n")
                .page("blog/post.md", "---\ntitle: Post\n---\npost\n").spec("v.yaml", """
                events:
                  post_viewed:
                    label: Post viewed
                    trigger:
                      visit: "/blog/*/"
                    properties:
                      where:
                        type: string
                        from: path
                """);
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        String bundle;
        try (Stream<Path> js = Files.list(dir.resolve("target/site/js"))) {
            bundle = Files.readString(js.findFirst().orElseThrow());
        }
        try (JsEngine engine = new JsEngine();
             BrowserSession b = new BrowserSession(engine, Jsoup.parse(Files.readString(dir.resolve("target/site/index.html"))),
                     "https://www.example.com/", false, Duration.ofSeconds(10))) {
            b.runBundle(Source.create("js", bundle));
            b.loadHubSpot();
            b.decide(true);
            assertThat(b.recorder().tracksSince(0)).isEmpty();
            b.eval("history.pushState({}, '', '/blog/post/')");
            assertThat(b.recorder().tracksSince(0)).hasSize(1);
            assertThat(b.recorder().tracksSince(0).get(0).argument().path("properties").path("where").asText())
                    .isEqualTo("/blog/post/");
            b.eval("history.pushState({}, '', '/blog/post/')");
            assertThat(b.recorder().tracksSince(0)).as("same path again: no second visit").hasSize(1);
            b.eval("history.pushState({}, '', '/pricing/')");
            b.eval("history.back()");
            assertThat(b.recorder().tracksSince(0)).as("back to the post").hasSize(2);
        }
    }
}
