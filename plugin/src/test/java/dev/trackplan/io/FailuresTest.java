package dev.trackplan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
}
