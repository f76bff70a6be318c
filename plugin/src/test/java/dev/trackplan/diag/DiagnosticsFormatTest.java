package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiagnosticsFormatTest {

    @Test
    void githubOnGithubActionsUnlessConfigured() {
        assertThat(DiagnosticsFormat.resolve(null, null)).isEqualTo(DiagnosticsFormat.TEXT);
        assertThat(DiagnosticsFormat.resolve(null, "true")).isEqualTo(DiagnosticsFormat.GITHUB);
        assertThat(DiagnosticsFormat.resolve("", "false")).isEqualTo(DiagnosticsFormat.TEXT);
        assertThat(DiagnosticsFormat.resolve("text", "true")).isEqualTo(DiagnosticsFormat.TEXT);
        assertThat(DiagnosticsFormat.resolve("GitHub", null)).isEqualTo(DiagnosticsFormat.GITHUB);
    }

    @Test
    void unknownFormatIsAUserMistake() {
        assertThatThrownBy(() -> DiagnosticsFormat.resolve("sarif", null))
                .hasMessage("<diagnosticsFormat> must be text or github (found 'sarif')");
    }
}
