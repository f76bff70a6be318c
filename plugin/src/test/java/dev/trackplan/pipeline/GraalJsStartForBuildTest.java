package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.js.JsEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trackplan:check starts GraalJS for the build that follows it only when that build will parse. */
class GraalJsStartForBuildTest {
    @TempDir
    Path workDir;

    @Test
    void aBuildWithoutCacheGetsGraalJsStartedInTheBackground() throws Exception {
        Thread t = Trackplan.startGraalJsForBuild(workDir);

        assertThat(t).isNotNull();
        assertThat(t.isDaemon()).as("never keeps Maven's JVM alive").isTrue();
        t.join(60_000);
        assertThat(t.isAlive()).isFalse();
        try (JsEngine js = new JsEngine()) {
            assertThat(js.syntaxProblem("ok.js", "track({a: 1})")).isNull();
            assertThat(js.syntaxProblem("broken.js", "track({a: )")).isNotNull();
        }
    }

    @Test
    void aBuildWithACacheStartsGraalJsItselfIfAtAll() throws Exception {
        Files.createDirectories(workDir.resolve("incremental"));

        assertThat(Trackplan.startGraalJsForBuild(workDir)).isNull();
    }
}
