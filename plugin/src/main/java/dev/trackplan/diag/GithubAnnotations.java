package dev.trackplan.diag;

/**
 * Diagnostics as GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...::message}),
 * which GitHub shows on the pull request's diff at that line. Values are encoded the way GitHub's
 * runner decodes them: in the message {@code %}, CR and LF are percent-encoded; in a property
 * also {@code :} and {@code ,}, which would otherwise end the property.
 */
public final class GithubAnnotations {
    private GithubAnnotations() {}

    /**
     * @param repoPath  the file relative to the repository root ({@code GITHUB_WORKSPACE}), or null
     *     when the diagnostic is not about a file of the repository (then no file, line or column)
     */
    public static String command(Diagnostic d, String repoPath) {
        StringBuilder sb = new StringBuilder("::").append(d.isError() ? "error" : "warning").append(' ');
        if (repoPath != null) {
            sb.append("file=").append(property(repoPath))
                    .append(",line=").append(Math.max(1, d.line()))
                    .append(",col=").append(Math.max(1, d.column())).append(',');
        }
        sb.append("title=").append(property("Trackplan " + d.code()));
        return sb.append("::").append(data(d.format())).toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
