package dev.trackplan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void failuresReadAsWordsNamingTheFile() {
        assertThat(Failures.describe(new FileSystemException("target/site/a.html", null, "No space left on device")))
                .isEqualTo("No space left on device: target/site/a.html");
        assertThat(Failures.describe(new FileSystemException("target/site", null, "Read-only file system")))
                .isEqualTo("Read-only file system: target/site");
        assertThat(Failures.describe(new AccessDeniedException("target/site"))).isEqualTo("permission denied: target/site");
    }

    @Test
    void aBareWriteFailureIsGivenItsFileAndShownInsideTheProject() {
        // what FileChannel.write throws when the disk fills up half-way through a file: no file named
        IOException bare = new IOException("No space left on device");
        Path project = Path.of("/work/project");
        IOException located = Failures.at(project.resolve("target/site/a.html"), bare);
        assertThat(located).isInstanceOf(FileSystemException.class).hasCause(bare);
        assertThat(Failures.describe(located, project)).isEqualTo("No space left on device: target/site/a.html");
        assertThat(Failures.at(Path.of("elsewhere"), located)).isSameAs(located); // already says where
        assertThat(Failures.describe(new FileSystemException("/tmp/x", null, "Read-only file system"), project))
                .isEqualTo("Read-only file system: /tmp/x");
    }
}
