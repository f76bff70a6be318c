package dev.trackplan.diag;

import java.util.Locale;

/** How diagnostics are printed: as log lines, or as GitHub Actions annotations. */
public enum DiagnosticsFormat {
    TEXT,
    GITHUB;

    /**
     * The configured format, or, when none is configured, {@code github} on GitHub Actions
     * ({@code GITHUB_ACTIONS=true}) and {@code text} elsewhere.
     *
     * @throws IllegalArgumentException for a value that is not a format
     */
    public static DiagnosticsFormat resolve(String configured, String githubActionsEnv) {
        if (configured == null || configured.isBlank()) {
            return "true".equals(githubActionsEnv) ? GITHUB : TEXT;
        }
        return switch (configured.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "github" -> GITHUB;
            default -> throw new IllegalArgumentException("<diagnosticsFormat> must be text or github (found '"
                    + configured + "')");
        };
    }
}
