package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file with the bytes the last build wrote, untouched since, is linked into the new site, not written. */
class LinkedUnchangedFilesTest {
    private static int links(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:nlink");
    }

    @Test
    void unchangedFilesAreLinkedChangedOrTouchedOnesWritten(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\n---\nAbout us.\n")
                .page("team.md", "---\ntitle: Team\n---\nThe team.\n");
        TrackplanConfig c = IncrementalSiteTest.config(s);
        try (Trackplan t = new Trackplan()) {
            assertThat(t.build(c).errors()).isEmpty();
        }
        Path about = dir.resolve("target/site/about/index.html");
        Path team = dir.resolve("target/site/team/index.html");
        String teamHtml = Files.readString(team);
        Files.writeString(team, teamHtml.replace("The team.", "Changed by hand in the output."));
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go now</a>\n");
        try (Trackplan t = new Trackplan()) {
            assertThat(t.build(c).errors()).isEmpty();
        }
        assertThat(links(about)).as("linked: the old site in the trash still names it").isEqualTo(2);
        assertThat(links(dir.resolve("target/site/index.html"))).as("changed: written").isEqualTo(1);
        assertThat(links(team)).as("touched in the output: written again").isEqualTo(1);
        assertThat(team).hasContent(teamHtml);
        assertThat(BuildCacheTest.files(dir.resolve("target/site"))).containsKey("about/index.html");
    }
}
