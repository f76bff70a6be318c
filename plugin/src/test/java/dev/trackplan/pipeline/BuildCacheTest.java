package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent build cache (target/trackplan/incremental): every build here is a new pipeline,
 * as after a JVM restart, so only what is on disk carries over. Each invalidation rule is
 * checked by what is rendered again, and the cached output against a clean build's.
 */
class BuildCacheTest {
    private static TestSites blog(Path dir) {
        TestSites s = new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\n---\nAbout us.\n")
                .page("blog/index.md", "---\ntitle: Blog\npaginate: 2\n---\n");
        for (int i = 1; i <= 5; i++) {
            s.page("blog/post-" + i + ".md", IncrementalSiteTest.post(i, "Summary " + i + "."));
        }
        return s;
    }

    private static BuildResult build(TrackplanConfig c) {
        try (Trackplan t = new Trackplan()) {
            BuildResult r = t.build(c);
            assertThat(r.errors()).isEmpty();
            return r;
        }
    }

    private static String millis(BuildResult r) {
        return r.summary().stream().filter(l -> l.startsWith("Verified ")).findFirst().orElse("")
                .replaceAll(".* in (\\d+) ms$", "$1");
    }

    private static String rendered(BuildResult r) {
        return r.summary().stream().filter(l -> l.startsWith("Pages rendered")).findFirst().orElse("");
    }

    /** Every file of the site by path, to compare a cached build with a clean one. */
    static Map<String, String> files(Path site) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(site)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                try {
                    out.put(site.relativize(p).toString(), new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void assertSameAsCleanBuild(TestSites s, TrackplanConfig c) throws IOException {
        Map<String, String> cached = files(s.root().resolve("target/site"));
        dev.trackplan.io.AtomicFiles.deleteTree(s.root().resolve("target"));
        build(c);
        assertThat(files(s.root().resolve("target/site"))).as("cached build equals a clean build").isEqualTo(cached);
    }

    @Test
    void aPageEditAfterARestartRerendersOnlyWhatShowsIt(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        assertThat(rendered(build(c))).isEqualTo("Pages rendered: 15, unchanged and reused: 0");
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        assertThat(rendered(build(c))).as("nothing changed but the stamp").isEqualTo("Pages rendered: 0, unchanged and reused: 15");

        s.page("blog/post-1.md", IncrementalSiteTest.post(1, "Summary 1.").replace("More text.", "Other text."));
        assertThat(rendered(build(c))).as("a change no list shows").isEqualTo("Pages rendered: 1, unchanged and reused: 14");
        assertThat(Files.readString(dir.resolve("target/site/blog/post-1/index.html"))).contains("Other text.");

        s.page("blog/post-1.md", IncrementalSiteTest.post(1, "A new summary."));
        assertThat(rendered(build(c))).as("the post, the blog page and the tag page that list it")
                .isEqualTo("Pages rendered: 3, unchanged and reused: 12");
        assertThat(Files.readString(dir.resolve("target/site/tags/t1/index.html"))).contains("A new summary.");
        assertSameAsCleanBuild(s, c);
    }

    /** The summary of a build in a JVM of its own. */
    private static String buildInAnotherJvm(Path dir) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BuildInAnotherJvm.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void theCacheSurvivesAJvmRestart(@TempDir Path dir) throws Exception {
        TestSites s = blog(dir);
        assertThat(buildInAnotherJvm(dir)).contains("Pages rendered: 15, unchanged and reused: 0");
        s.page("blog/post-1.md", IncrementalSiteTest.post(1, "Summary 1.").replace("More text.", "Other text."));
        // (maps whose order differs from one JVM to the next, Map.copyOf, must not change a key)
        assertThat(buildInAnotherJvm(dir)).contains("Pages rendered: 1, unchanged and reused: 14").doesNotContain("ERROR");
    }

    @Test
    void theSetOfPagesDecidesTheListAndNavigationPages(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c);
        s.page("blog/post-6.md", IncrementalSiteTest.post(6, "Six."));
        String r = rendered(build(c));
        // the new post, its tag page, and the blog's pages (one more page of the list, all shifted)
        assertThat(r).isNotEqualTo("Pages rendered: 1, unchanged and reused: 15").doesNotContain("reused: 0");
        assertThat(Files.readString(dir.resolve("target/site/blog/index.html"))).contains("Six.");
        s.page("contact.md", "---\ntitle: Contact\n---\nWrite to us.\n");
        assertThat(rendered(build(c))).as("a new top-level page is in every page's navigation").endsWith("reused: 0");
        Files.delete(dir.resolve("src/main/site/pages/contact.md"));
        assertThat(rendered(build(c))).as("and so is a removed one").endsWith("reused: 0");
        assertThat(dir.resolve("target/site/contact/index.html")).doesNotExist();
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void aLayoutOrPartialChangeRerendersEverything(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c);
        s.file("src/main/site/layouts/footer.html.mustache", "<footer>Our own footer</footer>\n");
        assertThat(rendered(build(c))).isEqualTo("Pages rendered: 15, unchanged and reused: 0");
        assertThat(Files.readString(dir.resolve("target/site/about/index.html"))).contains("Our own footer");
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void aSettingChangeRerendersEverything(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        build(IncrementalSiteTest.config(s));
        TrackplanConfig other = IncrementalSiteTest.config(s).withSiteOptions(new dev.trackplan.site.SiteOptions("de", null,
                false, false, java.time.Instant.parse("2026-11-23T00:00:00Z")));
        assertThat(rendered(build(other))).isEqualTo("Pages rendered: 15, unchanged and reused: 0");
        assertThat(Files.readString(dir.resolve("target/site/about/index.html"))).contains("lang=\"de\"");
    }

    @Test
    void aSpecChangeAsksAgainWhichEventsFireOnEveryPage(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c);
        s.spec("s.yaml", IncrementalSiteTest.SPEC.replace("a.signup", "a.signup, a.other"));
        assertThat(rendered(build(c))).endsWith("reused: 0");
        assertThat(Files.readString(dir.resolve("target/site/tracking-plan/index.html"))).contains("a.other");
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void aDamagedCacheIsAMiss(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c);
        try (Stream<Path> files = Files.list(dir.resolve("target/trackplan/incremental"))) {
            for (Path f : files.toList()) {
                byte[] b = Files.readAllBytes(f);
                if (b.length > 100) {
                    b[b.length / 2] ^= 0x20; // one flipped bit in every file's middle
                    Files.write(f, b);
                }
            }
        }
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        assertThat(rendered(build(c))).isEqualTo("Pages rendered: 15, unchanged and reused: 0");
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void unchangedPagesAreNotVerifiedAgainButChangedOnesAre(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s).withVerify(true);
        BuildResult first = build(c);
        assertThat(String.join("\n", first.summary())).doesNotContain("not verified again");
        s.page("about.md", "---\ntitle: About\n---\nAbout us, and more.\n");
        BuildResult second = build(c);
        // every page but /about/ (changed) is skipped: 14 pages without 404.html; the event's
        // page is not verified again, nor its example (same bundle and plan): nothing runs
        assertThat(second.summary()).contains("Pages verified before with the same HTML and bundle, not verified again: 13",
                "Verified 1 events in 0 scenarios under GraalJS in " + millis(second) + " ms");
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a> <a class=\"signup\" href=\"/\">Again</a>\n");
        BuildResult third = build(c);
        assertThat(third.summary()).as("the page with the event changed: verified again")
                .contains("Pages verified before with the same HTML and bundle, not verified again: 13")
                .noneMatch(l -> l.startsWith("Verified 1 events in 1 scenarios"));
        s.spec("s.yaml", IncrementalSiteTest.SPEC.replace("Sign-up clicked", "Sign-up link clicked"));
        assertThat(String.join("\n", build(c).summary())).as("another plan: everything verified again")
                .doesNotContain("not verified again");
    }

    private static String inputs(BuildResult r) {
        return r.summary().stream().filter(l -> l.startsWith("Input files read")).findFirst().orElse("");
    }

    /** Every file under {@code dir} last modified an hour ago: outside the racy window. */
    static void age(Path dir) throws IOException {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, old);
            }
        }
    }

    @Test
    void inputFilesAreReadOnlyWhenTheirSizeTimeOrFileIdChanged(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        age(dir.resolve("src"));
        BuildResult first = build(c);
        assertThat(inputs(first)).startsWith("Input files read: 9,"); // the spec and the 8 pages
        Path stamp = dir.resolve("target/trackplan/fingerprint.txt");
        Files.delete(stamp);
        assertThat(inputs(build(c))).isEqualTo("Input files read: 0, unchanged by size, time and file id and not read: 9");
        assertThat(build(c).summary().get(0)).contains("up to date").contains("input files read: 0");

        // changed now, then again in the same clock tick with the same size: the racy rule reads it again
        Path about = dir.resolve("src/main/site/pages/about.md");
        s.page("about.md", "---\ntitle: About\n---\nAbout me.\n");
        assertThat(inputs(build(c))).startsWith("Input files read: 1,");
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(about);
        Files.writeString(about, "---\ntitle: About\n---\nAbout it.\n");
        Files.setLastModifiedTime(about, t);
        BuildResult racy = build(c);
        assertThat(racy.upToDate()).isFalse();
        assertThat(dir.resolve("target/site/about/index.html")).content().contains("About it.");

        // touched with the same bytes: read, the same input, nothing rendered
        age(dir.resolve("src"));
        Files.delete(stamp);
        assertThat(inputs(build(c))).startsWith("Input files read: 9,");
        Files.delete(stamp);
        assertThat(rendered(build(c))).isEqualTo("Pages rendered: 0, unchanged and reused: 15");

        // renamed and added pages, a deleted one: as a clean build
        Files.move(about, dir.resolve("src/main/site/pages/company.md"));
        s.page("blog/post-6.md", IncrementalSiteTest.post(6, "Summary 6."));
        Files.delete(dir.resolve("src/main/site/pages/blog/post-2.md"));
        build(c);
        assertThat(dir.resolve("target/site/company/index.html")).content().contains("About it.");
        assertThat(dir.resolve("target/site/about")).doesNotExist();
        assertThat(dir.resolve("target/site/blog/post-2")).doesNotExist();
        assertThat(dir.resolve("target/site/blog/post-6/index.html")).exists();
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void aBrokenPageIsReportedAgainInTheNextBuild(@TempDir Path dir) throws IOException {
        TestSites s = blog(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c);
        s.page("about.md", "---\ntitle: About\n---\n[dead](/nowhere/)\n");
        try (Trackplan t = new Trackplan()) {
            assertThat(t.build(c).errors()).anyMatch(e -> e.message().contains("/nowhere/"));
        }
        try (Trackplan t = new Trackplan()) {
            assertThat(t.build(c).errors()).as("a cached page's links are still checked").anyMatch(e -> e.message().contains("/nowhere/"));
        }
    }
}
