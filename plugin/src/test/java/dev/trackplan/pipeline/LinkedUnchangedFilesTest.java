package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last build's site, untouched since, is updated in place: only changed files are written (each
 * through a temporary file and a move), files no longer produced are deleted, the others are not
 * touched. Otherwise (or with {@code -Dtrackplan.incremental=false}) a staging folder is built, the
 * unchanged files linked into it, and swapped in. Either way the site equals a clean build's.
 */
class LinkedUnchangedFilesTest {
    private static int links(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:nlink");
    }

    private static Object id(Path p) throws Exception {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime());
    }

    private static TestSites site(Path dir) {
        return new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\n---\nAbout us.\n")
                .page("team.md", "---\ntitle: Team\n---\nThe team.\n")
                .page("old/gone.md", "---\ntitle: Gone\nnav: false\n---\nSoon gone.\n");
    }

    private static BuildResult build(TrackplanConfig c, boolean incremental) {
        try (Trackplan t = new Trackplan()) {
            t.incremental = incremental;
            BuildResult r = t.build(c);
            assertThat(r.errors()).isEmpty();
            return r;
        }
    }

    private static String written(BuildResult r) {
        return r.summary().stream().filter(l -> l.startsWith("Site written")).findFirst().orElseThrow();
    }

    /** The site after a clean build of the same sources (target/ deleted first). */
    private static Map<String, String> clean(TestSites s, TrackplanConfig c) throws Exception {
        Map<String, String> updated = BuildCacheTest.files(s.root().resolve("target/site"));
        dev.trackplan.io.AtomicFiles.deleteTree(s.root().resolve("target"));
        build(c, false);
        return updated;
    }

    @Test
    void anUntouchedSiteIsUpdatedInPlaceWritingOnlyWhatChanged(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        assertThat(written(build(c, true))).doesNotContain("in place"); // nothing there yet
        Path site = dir.resolve("target/site");
        Path about = site.resolve("about/index.html");
        Path team = site.resolve("team/index.html");
        Object aboutBefore = id(about);
        String teamHtml = Files.readString(team);
        Files.writeString(team, teamHtml.replace("The team.", "Changed by hand in the output."));
        Files.writeString(site.resolve("CNAME"), "www.example.com\n");
        Files.createDirectories(site.resolve("uploads/empty"));
        Files.createSymbolicLink(site.resolve("latest"), Path.of("index.html"));
        OutputFolderTest.mkfifo(site.resolve("pipe")); // left alone: nothing is copied in place
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go now</a>\n");
        Files.delete(dir.resolve("src/main/site/pages/old/gone.md"));

        BuildResult r = build(c, true);
        assertThat(written(r)).contains("(in place: 3 written, 1 removed, the others untouched)"); // index, team, sitemap
        assertThat(id(about)).as("untouched: same file, same time").isEqualTo(aboutBefore);
        assertThat(links(about)).isEqualTo(1);
        assertThat(site.resolve("index.html")).content().contains("Go now");
        assertThat(team).as("changed in the output by hand: written again").hasContent(teamHtml);
        assertThat(site.resolve("old")).as("its folder emptied: removed").doesNotExist();
        assertThat(site.resolve("CNAME")).hasContent("www.example.com");
        assertThat(site.resolve("uploads/empty")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(site.resolve("latest"))).isEqualTo(Path.of("index.html"));
        assertThat(Files.exists(site.resolve("pipe"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        try (var files = Files.walk(site)) {
            assertThat(files.map(Path::toString)).noneMatch(f -> f.endsWith(".trackplan-tmp"));
        }
        Files.delete(site.resolve("pipe"));
        Map<String, String> updated = clean(s, c);
        updated.keySet().removeAll(List.of("CNAME", "latest"));
        assertThat(BuildCacheTest.files(site)).as("same as a clean build").isEqualTo(updated);
    }

    @Test
    void pagesTheCacheKeptAsBytesAreWrittenTheSameInPlaceStagedAndClean(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c, true);
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go now</a>\n");
        // a new pipeline: every unchanged page comes from the cache on disk, as bytes with their hash
        assertThat(written(build(c, true))).contains("in place");
        Map<String, String> inPlace = BuildCacheTest.files(dir.resolve("target/site"));
        // no record of what was written: the same cached pages, staged
        Files.delete(dir.resolve("target/trackplan/written.txt"));
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        BuildResult staged = build(c, true);
        assertThat(written(staged)).doesNotContain("in place");
        assertThat(staged.summary()).contains("Pages rendered: 0, unchanged and reused: 6");
        assertThat(BuildCacheTest.files(dir.resolve("target/site"))).as("staged from the cache").isEqualTo(inPlace);
        assertThat(clean(s, c)).isEqualTo(inPlace);
        assertThat(BuildCacheTest.files(dir.resolve("target/site"))).as("a clean build").isEqualTo(inPlace);
    }

    @Test
    void withoutTheCacheTheSiteIsStagedAndUnchangedFilesLinked(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c, false);
        Path about = dir.resolve("target/site/about/index.html");
        Path team = dir.resolve("target/site/team/index.html");
        String teamHtml = Files.readString(team);
        Files.writeString(team, teamHtml.replace("The team.", "Changed by hand in the output."));
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go now</a>\n");
        assertThat(written(build(c, false))).doesNotContain("in place");
        assertThat(links(about)).as("linked: the old site in the trash still names it").isEqualTo(2);
        assertThat(links(dir.resolve("target/site/index.html"))).as("changed: written").isEqualTo(1);
        assertThat(links(team)).as("touched in the output: written again").isEqualTo(1);
        assertThat(team).hasContent(teamHtml);
        assertThat(BuildCacheTest.files(dir.resolve("target/site"))).containsKey("about/index.html");
    }

    @Test
    void aFolderWhereAFileGoesOrARecordThatIsMissingStagesTheSite(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        TrackplanConfig c = IncrementalSiteTest.config(s);
        build(c, true);
        Path site = dir.resolve("target/site");
        // a folder in the way of a changed file: in place would fail midway, so the site is staged
        Files.delete(site.resolve("team/index.html"));
        Files.createDirectories(site.resolve("team/index.html/inside"));
        s.page("team.md", "---\ntitle: Team\n---\nThe new team.\n");
        assertThat(written(build(c, true))).doesNotContain("in place");
        assertThat(site.resolve("team/index.html")).content().contains("The new team.");
        // a build stopped while writing in place leaves no record of what it wrote: the next one stages
        s.page("about.md", "---\ntitle: About\n---\nAbout us, again.\n");
        Files.delete(dir.resolve("target/trackplan/written.txt"));
        Files.writeString(site.resolve("about/.index.html.trackplan-tmp"), "half");
        Files.writeString(dir.resolve("target/trackplan/manifest.txt"), "about/.index.html.trackplan-tmp\n", 
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(written(build(c, true))).doesNotContain("in place");
        assertThat(site.resolve("about/.index.html.trackplan-tmp")).as("named in the manifest: dropped").doesNotExist();
        s.page("about.md", "---\ntitle: About\n---\nAbout us, once more.\n");
        assertThat(written(build(c, true))).contains("in place: 1 written");
        assertThat(BuildCacheTest.files(site)).as("same as a clean build").isEqualTo(clean(s, c));
    }
}
