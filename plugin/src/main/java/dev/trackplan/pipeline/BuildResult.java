package dev.trackplan.pipeline;

import dev.trackplan.diag.Diagnostic;
import java.util.List;

/**
 * What a build did: its diagnostics, whether it was skipped as up to date, and the lines of its
 * summary for the log.
 */
public record BuildResult(List<Diagnostic> diagnostics, boolean upToDate, List<String> summary) {

    public boolean failed() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
