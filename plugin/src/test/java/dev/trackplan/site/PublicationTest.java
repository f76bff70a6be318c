package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** publishDate / expiryDate against the build date, with includeFuture / includeExpired. */
class PublicationTest {
    static BlogSites site(Path dir) {
        return new BlogSites(dir).page("blog/index.md", "---\ntitle: Blog\n---\n")
                .page("blog/now.md", "---\ntitle: Now\ndate: 2026-11-01\n---\nx\n")
                .page("blog/future-date.md", "---\ntitle: Future date\ndate: 2026-12-01\n---\nx\n")
                .page("blog/scheduled.md", "---\ntitle: Scheduled\ndate: 2026-11-01\npublishDate: 2026-11-24T08:00:00Z\n---\nx\n")
                .page("blog/expired.md", "---\ntitle: Expired\ndate: 2026-10-01\nexpiryDate: 2026-11-23\n---\nx\n")
                .page("blog/expiring.md", "---\ntitle: Expiring\ndate: 2026-10-02\nexpiryDate: 2026-11-30\n---\nx\n");
    }

    @Test
    void futureAndExpiredPagesAreLeftOutEverywhere(@TempDir Path dir) {
        BlogSites s = site(dir);
        s.build();
        assertThat(s.errors()).isEmpty();
        assertThat(s.html("blog/index.html").select(".post-list h2").eachText()).containsExactly("Now", "Expiring");
        assertThat(s.site.files()).doesNotContainKeys("blog/future-date/index.html", "blog/scheduled/index.html",
                "blog/expired/index.html");
        assertThat(s.text("feed.xml")).doesNotContain("Future date").doesNotContain("Scheduled").doesNotContain("Expired<");
        assertThat(s.text("sitemap.xml")).doesNotContain("/blog/expired/");
        assertThat(s.site.validUntil()).as("fixed build date: never stale").isNull();
    }

    @Test
    void includeFutureAndIncludeExpiredBringThemBack(@TempDir Path dir) {
        BlogSites s = site(dir);
        s.options = new SiteOptions("en", null, true, true, BlogSites.BUILD_DATE);
        s.build();
        assertThat(s.html("blog/index.html").select(".post-list h2").eachText())
                .containsExactly("Future date", "Now", "Scheduled", "Expiring", "Expired");
    }

    @Test
    void withTheClockAsBuildDateTheSiteKnowsWhenItGoesStale(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\npublishDate: 2999-01-01\n---\nx\n")
                .page("b.md", "---\ntitle: B\nexpiryDate: 2998-06-01T12:00:00Z\n---\nx\n")
                .page("c.md", "---\ntitle: C\nexpiryDate: 2001-01-01\n---\nx\n");
        s.options = new SiteOptions("en", null, false, false, null);
        s.build();
        assertThat(s.site.validUntil()).isEqualTo(Instant.parse("2998-06-01T12:00:00Z"));
        assertThat(s.site.files()).containsKey("b/index.html").doesNotContainKeys("a/index.html", "c/index.html");
    }

    @Test
    void badDatesAreReported(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\npublishDate: tomorrow\nexpiryDate: [1]\n---\nx\n");
        s.build();
        assertThat(s.errors()).hasSize(2);
        assertThat(s.errors().get(0)).contains("pages/a.md:[3,14]").contains("publishDate 'tomorrow' is not an ISO 8601 date");
        assertThat(s.errors().get(1)).contains("pages/a.md:[4,13]").contains("'expiryDate' must be a single value, found list");
    }
}
