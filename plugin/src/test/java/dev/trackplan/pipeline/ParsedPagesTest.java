package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages read and parsed by an earlier build from the same bytes (same size, time and file id, or
 * read again and equal) are not read or parsed again; lists, tag pages, feeds and the navigation
 * still show every page as it is now, and the site is a clean build's. Every build here is a new
 * pipeline, as after a JVM restart.
 */
class ParsedPagesTest {
    private static TestSites blog(Path dir) {
        TestSites s = new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\nmeta: { author: Dana }\nparams: { hero: true, cta: { label: Try, "
                        + "list: [a, b] } }\naliases: [/company/]\n---\nAbout us.\n")
                .page("blog/index.md", "---\ntitle: Blog\n---\n");
        for (int i = 1; i <= 4; i++) {
            s.page("blog/post-" + i + ".md", IncrementalSiteTest.post(i, "Summary " + i + "."));
        }
        return s;
    }

    private static TrackplanConfig config(TestSites s) {
        return IncrementalSiteTest.config(s);
    }

    private static BuildResult build(TrackplanConfig c) {
        try (Trackplan t = new Trackplan()) {
            BuildResult r = t.build(c);
            assertThat(r.errors()).as(r.errors().toString()).isEmpty();
            return r;
        }
    }

    private static String parsed(BuildResult r) {
        return r.summary().stream().filter(l -> l.startsWith("Pages read and parsed")).findFirst().orElse("");
    }

    private static String site(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve("target/site").resolve(file));
    }

    /** Builds once with every source an hour old (outside the racy window), so the next build trusts them. */
    private static TrackplanConfig built(TestSites s, Path dir) throws IOException {
        TrackplanConfig c = config(s);
        BuildCacheTest.age(dir.resolve("src"));
        assertThat(parsed(build(c))).isEqualTo("Pages read and parsed: 7, unchanged and taken from the build cache: 0");
        return c;
    }

    @Test
    void aFrontMatterChangeShowsInTheListsTagPagesAndFeedsThatShowThePage(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        s.page("blog/post-1.md", IncrementalSiteTest.post(1, "Summary 1.").replace("title: Post 1", "title: Renamed post")
                .replace("tags: [T1]", "tags: [Fresh]"));
        assertThat(parsed(build(c))).isEqualTo("Pages read and parsed: 1, unchanged and taken from the build cache: 6");
        assertThat(site(dir, "blog/index.html")).contains("Renamed post").doesNotContain(">Post 1<");
        assertThat(site(dir, "blog/feed.xml")).contains("Renamed post");
        assertThat(site(dir, "feed.xml")).contains("Renamed post");
        assertThat(site(dir, "tags/fresh/index.html")).contains("Renamed post");
        assertThat(site(dir, "tags/t1/index.html")).doesNotContain("Renamed post").doesNotContain("Post 1");
        // the pages taken from the cache keep their whole front matter
        assertThat(site(dir, "about/index.html")).contains("name=\"author\" content=\"Dana\"");
        assertThat(dir.resolve("target/site/company/index.html")).exists();
        BuildCacheTest.assertSameAsCleanBuild(s, c);
    }

    @Test
    void aNavigationTitleChangeShowsOnEveryPage(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        s.page("about.md", "---\ntitle: About the team\n---\nAbout us.\n");
        assertThat(parsed(build(c))).isEqualTo("Pages read and parsed: 1, unchanged and taken from the build cache: 6");
        assertThat(site(dir, "blog/post-2/index.html")).contains("About the team");
        assertThat(site(dir, "index.html")).contains("About the team");
        assertThat(dir.resolve("target/site/company")).doesNotExist();
        BuildCacheTest.assertSameAsCleanBuild(s, c);
    }

    @Test
    void aTouchedButUnchangedPageIsReadAndTheSame(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        Files.setLastModifiedTime(dir.resolve("src/main/site/pages/blog/post-3.md"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(60)));
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        BuildResult r = build(c);
        assertThat(r.summary()).anyMatch(l -> l.startsWith("Input files read: 1,"));
        assertThat(parsed(r)).as("read to hash it: the same bytes, so the page read before")
                .isEqualTo("Pages read and parsed: 0, unchanged and taken from the build cache: 7");
        BuildCacheTest.assertSameAsCleanBuild(s, c);
    }

    @Test
    void aDeletedPageDisappearsFromListsAndARenamedOneMoves(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        Files.delete(dir.resolve("src/main/site/pages/blog/post-2.md"));
        Files.move(dir.resolve("src/main/site/pages/blog/post-3.md"), dir.resolve("src/main/site/pages/blog/third.md"));
        build(c);
        assertThat(site(dir, "blog/index.html")).doesNotContain("Post 2").contains("/blog/third/");
        assertThat(site(dir, "blog/feed.xml")).doesNotContain("Post 2");
        assertThat(site(dir, "tags/t0/index.html")).doesNotContain("Post 2");
        assertThat(dir.resolve("target/site/blog/post-2")).doesNotExist();
        assertThat(dir.resolve("target/site/blog/third/index.html")).exists();
        BuildCacheTest.assertSameAsCleanBuild(s, c);
    }

    @Test
    void aPageWithAMistakeIsReadAndReportedByEveryBuild(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        s.page("about.md", "---\ntitel: About\n---\nAbout us.\n");
        for (int i = 0; i < 2; i++) {
            try (Trackplan t = new Trackplan()) {
                assertThat(t.build(c).errors()).as("build " + i).anyMatch(e -> e.message().contains("titel"));
            }
        }
    }

    @Test
    void theSamePageUnderAnotherPagesFolderIsReadAgain(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = built(s, dir);
        // the pages folder is now blog/: post-1.md is /post-1/, not /blog/post-1/
        TrackplanConfig other = new TrackplanConfig(c.projectDir(), c.eventsDir(), c.lockFile(), c.trackingTemplatesDir(),
                dir.resolve("src/main/site/pages/blog"), c.layoutsDir(), c.assetsDir(), c.outputDir(), c.workDir(),
                c.reportsDir(), c.hubId(), c.region(), c.consent(), c.respectDoNotTrack(), c.respectGlobalPrivacyControl(),
                c.baseUrl(), c.siteTitle(), c.trackingPlanPage(), c.includeDrafts(), c.verify(), c.verifyTimeout(),
                c.version(), c.siteOptions(), c.verifyEventBudget());
        BuildResult r = build(other);
        assertThat(parsed(r)).startsWith("Pages read and parsed: 5,");
        assertThat(dir.resolve("target/site/post-1/index.html")).exists();
    }
}
