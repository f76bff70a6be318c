package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.site.SiteOptions;
import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated builds (the dev server) render again only the pages whose layout values changed. */
class IncrementalSiteTest {
    static final String SPEC = """
            events:
              signup_clicked:
                label: Sign-up clicked
                trigger: { click: "a.signup" }
                examples:
                  - element: '<a class="signup">Go</a>'
                    expect: {}
            """;

    static TrackplanConfig config(TestSites s) {
        return s.config().withVerify(false)
                .withSiteOptions(new SiteOptions("en", null, false, false, Instant.parse("2026-11-23T00:00:00Z")));
    }

    static String post(int i, String firstParagraph) {
        return String.format(java.util.Locale.ROOT, "---\ntitle: Post %d\ndate: 2026-01-%02d\ntags: [T%d]\n---\n%s\n\nMore text.\n", i, i, i % 2,
                firstParagraph);
    }

    @Test
    void aPageEditRerendersThatPageAndTheListsShowingIt(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("s.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\n---\nAbout us.\n")
                .page("blog/index.md", "---\ntitle: Blog\npaginate: 2\n---\n");
        for (int i = 1; i <= 5; i++) {
            s.page("blog/post-" + i + ".md", post(i, "Summary " + i + "."));
        }
        TrackplanConfig c = config(s);
        try (Trackplan warm = Trackplan.keptWarm()) {
            BuildResult first = warm.build(c);
            assertThat(first.errors()).isEmpty();
            // pages: home, about, 5 posts, blog 1-3, tags, T0, T1, tracking plan, 404
            assertThat(first.summary()).contains("Pages rendered: 15, unchanged and reused: 0");

            s.page("blog/post-1.md", post(1, "Summary 1.").replace("More text.", "Other text."));
            assertThat(warm.build(c).summary()).as("a change no list shows").contains("Pages rendered: 1, unchanged and reused: 14");
            assertThat(Files.readString(dir.resolve("target/site/blog/post-1/index.html"))).contains("Other text.");

            s.page("blog/post-1.md", post(1, "A new summary."));
            assertThat(warm.build(c).summary()).as("the post, the blog page and the tag page that list it")
                    .contains("Pages rendered: 3, unchanged and reused: 12");
            assertThat(Files.readString(dir.resolve("target/site/blog/page/3/index.html"))).contains("A new summary.");
            assertThat(Files.readString(dir.resolve("target/site/tags/t1/index.html"))).contains("A new summary.");
            assertThat(Files.readString(dir.resolve("target/site/blog/feed.xml"))).contains("A new summary.");

            s.page("about.md", "---\ntitle: About us\n---\nAbout us.\n");
            assertThat(warm.build(c).summary()).as("a navigation title is on every page")
                    .contains("Pages rendered: 15, unchanged and reused: 0");
        }
    }
}
