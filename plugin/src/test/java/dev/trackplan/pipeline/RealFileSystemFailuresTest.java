package dev.trackplan.pipeline;

import static dev.trackplan.pipeline.SitePathsTest.config;
import static dev.trackplan.pipeline.SitePathsTest.errors;
import static dev.trackplan.pipeline.SitePathsTest.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trackplan.testing.Mounts;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk and a read-only target, for real: the project's target/ is a small tmpfs (skipped
 * where the machine does not allow mounting one). The build fails with one plain, located message,
 * and the site of the last build stays as it was, with nothing half-written next to it.
 */
class RealFileSystemFailuresTest {

    private static String tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            StringBuilder out = new StringBuilder();
            for (Path p : s.sorted().toList()) {
                out.append(dir.relativize(p)).append(Files.isRegularFile(p) ? " " + Files.size(p) + " "
                        + Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))) : "").append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void aFullDiskFailsPlainlyAndKeepsTheLastSite(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        try (Mounts target = Mounts.tmpfs(dir.resolve("target"), 2048)) {
            assumeTrue(target != null, "this machine does not allow mounting a tmpfs (not root)");
            assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
            String before = tree(dir.resolve("target/site"));
            // a page larger than what is left on the file system
            s.page("big.md", "# Big\n\n" + "A paragraph of the big page. ".repeat(100_000));
            BuildResult r = new Trackplan().build(config(s));
            assertThat(errors(r)).singleElement().asString().matches("target/\\S+:\\[1,1\\] TP513 the build could not "
                    + "read or write a file: No space left on device: target/\\S+ \\(a full disk, a read-only folder or "
                    + "missing permissions\\?\\)");
            assertThat(tree(dir.resolve("target/site"))).isEqualTo(before);
            try (Stream<Path> left = Files.list(dir.resolve("target"))) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
            }
            // once there is room again, the next build goes through
            s.page("big.md", "# Big\n\nSmall now.\n");
            assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
            assertThat(dir.resolve("target/site/big/index.html")).content().contains("Small now.");
        }
    }

    @Test
    void aSiteUpdatedInPlaceOnAFullDiskStaysAsItWas(@TempDir Path dir) throws IOException {
        // only the site's folder is on the small file system: the build's own records fit, the pages do not
        TestSites s = site(dir).page("about.md", "# About\n");
        try (Mounts out = Mounts.tmpfs(dir.resolve("target/out"), 1024)) {
            assumeTrue(out != null, "this machine does not allow mounting a tmpfs (not root)");
            TrackplanConfig c = config(s).withOutputDir(dir.resolve("target/out/site"));
            assertThat(new Trackplan().build(c).errors()).isEmpty();
            String before = tree(dir.resolve("target/out/site"));
            try (java.io.OutputStream filler = Files.newOutputStream(dir.resolve("target/out/filler"))) {
                byte[] block = new byte[4096];
                while (true) {
                    filler.write(block);
                }
            } catch (IOException full) {
                assertThat(full).hasMessageContaining("No space left on device");
            }
            s.page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" href=\"/\">Go</a>\n\n"
                    + "A longer home page now. ".repeat(2_000));
            s.page("about.md", "# About\n\n" + "A longer about page now. ".repeat(2_000));
            BuildResult r = new Trackplan().build(c);
            assertThat(errors(r)).singleElement().asString().matches("target/out/site/\\S+:\\[1,1\\] TP513 the build "
                    + "could not read or write a file: No space left on device: target/out/site/\\S+ \\(a full disk, "
                    + "a read-only folder or missing permissions\\?\\)");
            assertThat(tree(dir.resolve("target/out/site"))).isEqualTo(before); // no page half updated, no temporary file
            Files.delete(dir.resolve("target/out/filler"));
            assertThat(new Trackplan().build(c).errors()).isEmpty();
            assertThat(dir.resolve("target/out/site/about/index.html")).content().contains("A longer about page now.");
        }
    }

    @Test
    void aReadOnlyTargetFailsPlainlyAndKeepsTheLastSite(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        try (Mounts target = Mounts.tmpfs(dir.resolve("target"), 4096)) {
            assumeTrue(target != null, "this machine does not allow mounting a tmpfs (not root)");
            assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
            String before = tree(dir.resolve("target/site"));
            target.readOnly();
            s.page("about.md", "# About\n");
            BuildResult r = new Trackplan().build(config(s));
            assertThat(errors(r)).singleElement().asString().matches("target/\\S+:\\[1,1\\] TP513 the build could not "
                    + "read or write a file: Read-only file system: target/\\S+ \\(a full disk, a read-only folder or "
                    + "missing permissions\\?\\)");
            assertThat(tree(dir.resolve("target/site"))).isEqualTo(before);
        }
    }
}
