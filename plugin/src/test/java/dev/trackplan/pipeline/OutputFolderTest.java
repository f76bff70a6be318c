package dev.trackplan.pipeline;

import static dev.trackplan.pipeline.SitePathsTest.config;
import static dev.trackplan.pipeline.SitePathsTest.errors;
import static dev.trackplan.pipeline.SitePathsTest.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trackplan replaces only folders that are its own, one build at a time, and says plainly when it cannot write. */
class OutputFolderTest {

    static TrackplanConfig withOutput(TrackplanConfig c, Path out) {
        return c.withOutputDir(out);
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
    }

    @Test
    void aUserFolderOutsideTargetIsNeverReplaced(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("notes.txt"), "mine");
        Files.createDirectories(docs.resolve("empty"));
        Files.createSymbolicLink(docs.resolve("link"), docs.resolve("notes.txt"));
        mkfifo(docs.resolve("fifo"));
        BuildResult r = new Trackplan().build(withOutput(config(s), docs));
        assertThat(errors(r)).containsExactly("pom.xml:[1,1] TP511 <outputDirectory> " + docs + " is outside "
                + dir.resolve("target") + " and holds files Trackplan did not write (its own folders carry a "
                + ".trackplan-site file); Trackplan replaces the whole folder, so choose an empty folder or one under target/");
        assertThat(docs.resolve("empty")).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(docs.resolve("link"))).isTrue();
        assertThat(Files.exists(docs.resolve("fifo"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(docs.resolve("index.html")).doesNotExist();
    }

    @Test
    void anEmptyFolderOutsideTargetBecomesTrackplansAndStaysSo(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        Path www = Files.createDirectories(dir.resolve("www"));
        assertThat(new Trackplan().build(withOutput(config(s), www)).errors()).isEmpty();
        assertThat(www.resolve(".trackplan-site")).exists();
        assertThat(www.resolve("index.html")).exists();
        s.page("about.md", "# About\n");
        assertThat(new Trackplan().build(withOutput(config(s), www)).errors()).isEmpty();
        assertThat(www.resolve("about/index.html")).exists();
        assertThat(errors(new Trackplan().build(withOutput(config(s), dir))))
                .singleElement().asString().contains("TP511").contains("holds the project");
    }

    @Test
    void userLinksAndEmptyFoldersInTheSiteSurviveARebuildAndSpecialFilesStopIt(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
        Path site = dir.resolve("target/site");
        Files.createDirectories(site.resolve("uploads/empty"));
        Files.createSymbolicLink(site.resolve("latest"), Path.of("index.html"));
        s.page("about.md", "# About\n");
        assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
        assertThat(site.resolve("uploads/empty")).isEmptyDirectory();
        assertThat(Files.readSymbolicLink(site.resolve("latest"))).isEqualTo(Path.of("index.html"));
        mkfifo(site.resolve("pipe"));
        s.page("team.md", "# Team\n");
        Trackplan staged = new Trackplan(); // in place, the FIFO would be left alone (LinkedUnchangedFilesTest)
        staged.incremental = false;
        assertThat(errors(staged.build(config(s)))).containsExactly("target/site/pipe:[1,1] TP511 is a special "
                + "file (a FIFO, socket or device) in the output folder, which Trackplan replaces and cannot copy it "
                + "into; move it elsewhere");
        assertThat(Files.exists(site.resolve("pipe"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aSecondBuildWaitsForTheFirstThenFailsPlainly(@TempDir Path dir) throws Exception {
        TestSites s = site(dir);
        Trackplan second = new Trackplan();
        second.lockWait = Duration.ofMillis(200);
        try (BuildLock first = BuildLock.acquire(dir.resolve("target/trackplan"), Duration.ZERO)) {
            assertThat(errors(second.build(config(s)))).containsExactly("target/trackplan/build.lock:[1,1] TP512 "
                    + "another Trackplan build of this project is running (it holds this lock file; waited 0 s); let it "
                    + "finish or stop it, then build again");
        }
        assertThat(second.build(config(s)).errors()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenIsStatedPlainly(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/out"), "a file where the site's folder should go");
        BuildResult r = new Trackplan().build(withOutput(config(s), dir.resolve("target/out/site")));
        assertThat(errors(r)).singleElement().asString().startsWith("target/out:[1,1] TP513 the build could not read or "
                + "write a file: ").contains("(a full disk, a read-only folder or missing permissions?)");
    }

    @Test
    void aBuildStoppedBetweenTheSwapAndTheStampIsNotUpToDateLater(@TempDir Path dir) throws IOException {
        TestSites s = site(dir).page("about.md", "# Version one\n");
        assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
        Path manifest = dir.resolve("target/trackplan/manifest.txt");
        String files = Files.readString(manifest);
        // the site of version two is swapped in, then the build stops before it records its stamp
        s.page("about.md", "# Version two\n");
        Files.delete(manifest);
        Files.createDirectories(manifest.resolve("blocker"));
        assertThat(errors(new Trackplan().build(config(s)))).singleElement().asString().contains("TP513");
        assertThat(dir.resolve("target/site/about/index.html")).content().contains("Version two");
        Files.delete(manifest.resolve("blocker"));
        Files.delete(manifest);
        Files.writeString(manifest, files);
        // back to version one: the stamp of version one must not make the site of version two "up to date"
        s.page("about.md", "# Version one\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(r.upToDate()).isFalse();
        assertThat(dir.resolve("target/site/about/index.html")).content().contains("Version one");
    }
}
