package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page carries the navigation, so it is bounded: a flat site of many pages stays linear. */
class NavigationBoundTest {
    @Test
    void theNavigationHoldsAtMostThirtyEntriesAskedForPagesFirst(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("deep/index.md", "---\ntitle: Deep\n---\nA section.\n")
                .page("deep/inside.md", "---\ntitle: Zz inside\nnav: true\n---\nAsked for.\n");
        for (int i = 0; i < 60; i++) {
            s.page(String.format(Locale.ROOT, "p%02d.md", i), String.format(Locale.ROOT, "---\ntitle: Page %02d\n---\nText.\n", i));
        }
        try (Trackplan t = new Trackplan()) {
            assertThat(t.build(IncrementalSiteTest.config(s)).errors()).isEmpty();
        }
        Document home = Jsoup.parse(Files.readString(dir.resolve("target/site/p59/index.html")));
        var links = home.select("#site-menu a");
        assertThat(links).hasSize(30);
        assertThat(links.eachAttr("href")).startsWith("/").contains("/deep/inside/", "/deep/", "/p00/")
                .doesNotContain("/p59/");
        assertThat(links.eachText()).as("still in navigation order").endsWith("Zz inside");
    }
}
