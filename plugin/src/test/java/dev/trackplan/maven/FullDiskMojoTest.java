package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trackplan.testing.Mounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * trackplan:build on a really full disk (the site, work and report folders on a small tmpfs that
 * is filled up; skipped where the machine does not allow mounting one): the user sees plain,
 * located errors, never a stack trace, even though the reports cannot be written either; the site
 * of the last build stays as it was.
 */
@MojoTest
class FullDiskMojoTest {

    /** The errors the mojo logs. */
    static final class Errors extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void error(CharSequence content, Throwable error) {
            lines.add(content + " " + error);
        }

        @Override
        public void error(Throwable error) {
            lines.add(String.valueOf(error));
        }

        @Override
        public void info(CharSequence content) {
            // the build's summary is not what this test is about
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p) + (Files.isRegularFile(p) ? " " + size(p) : "")).sorted().toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "build")
    void aFullDiskIsReportedPlainlyThroughTheMojo(BuildMojo mojo) throws Exception {
        Path mount = mojo.basedir.toPath().resolve("target/full-disk-" + ProcessHandle.current().pid());
        try (Mounts disk = Mounts.tmpfs(mount, 1024)) {
            assumeTrue(disk != null, "this machine does not allow mounting a tmpfs (not root)");
            mojo.outputDirectory = mount.resolve("site").toFile();
            mojo.workDirectory = mount.resolve("trackplan").toFile();
            mojo.reportsDirectory = mount.resolve("reports").toFile();
            mojo.verify = false; // the files are what this is about
            mojo.execute();
            List<String> before = files(mount.resolve("site"));
            // fill the disk to the last byte, and make the next build write the site again
            try (OutputStream filler = Files.newOutputStream(mount.resolve("filler"))) {
                byte[] block = new byte[4096];
                while (true) {
                    filler.write(block);
                }
            } catch (IOException full) {
                assertThat(full).hasMessageContaining("No space left on device");
            }
            mojo.siteTitle = "Another title"; // every page changes
            Errors log = new Errors();
            mojo.setLog(log);
            assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("Trackplan found ");
            String shown = "target/" + mount.getFileName();
            assertThat(log.lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .matches(shown + "/\\S+:\\[1,1\\] TP513 .*No space left on device: " + shown + "/\\S+ \\(a full disk, a read-only "
                            + "folder or missing permissions\\?\\)"));
            assertThat(log.lines).anyMatch(line -> line.contains("TP513 the build could not read or write a file: "));
            assertThat(log.lines).anyMatch(line -> line.contains("TP513 the reports could not be written: "));
            assertThat(files(mount.resolve("site"))).isEqualTo(before);
            try (Stream<Path> left = Files.list(mount)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("staging"));
            }
        }
    }
}
