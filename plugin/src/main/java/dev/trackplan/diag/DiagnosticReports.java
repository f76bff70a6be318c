package dev.trackplan.diag;

import dev.trackplan.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine-readable reports of one goal, written on every run whatever its outcome: a SARIF
 * log and a JUnit XML file. {@code check} and {@code build} share {@code trackplan.sarif} and
 * {@code TEST-trackplan-check.xml} (build checks too, and reports everything check would); any
 * other goal writes {@code trackplan-<goal>.sarif} and {@code TEST-trackplan-<goal>.xml}.
 */
public final class DiagnosticReports {
    private final Path reportsDir;
    private final Path projectDir;
    private final String version;

    public DiagnosticReports(Path reportsDir, Path projectDir, String version) {
        this.reportsDir = reportsDir;
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.version = version;
    }

    public record Written(Path sarif, Path junit) {}

    public Written write(String goal, List<Diagnostic> diagnostics, boolean warningsFail) throws IOException {
        boolean shared = goal.equals("check") || goal.equals("build");
        String base = shared ? "trackplan" : "trackplan-" + goal;
        Path sarif = reportsDir.resolve(base + ".sarif");
        Path junit = reportsDir.resolve(shared ? "TEST-trackplan-check.xml" : "TEST-" + base + ".xml");
        AtomicFiles.write(sarif, SarifReport.render(version, base + "/", RuleCatalog.all(), diagnostics,
                file -> {
                    Path p = locate(file);
                    return p == null ? null : p.toUri();
                }, projectDir.resolve("pom.xml").toUri()));
        // the verification's findings have their own report, one test case per event
        List<Diagnostic> checked = diagnostics.stream()
                .filter(d -> !"verify".equals(RuleCatalog.find(d.code()).stage())).toList();
        AtomicFiles.write(junit, JUnitCheckReport.render(shared ? "trackplan.check" : "trackplan." + goal, checked,
                warningsFail));
        return new Written(sarif, junit);
    }

    /** The file a diagnostic is about, or null when it names no file of the project's disk (a built-in template, say). */
    public Path locate(String file) {
        try {
            Path p = projectDir.resolve(file).normalize();
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The file as GitHub names it: relative to the repository root when the file is inside it. */
    public String repositoryPath(String file, String workspace) {
        Path p = locate(file);
        if (p == null) {
            return null;
        }
        if (workspace != null && !workspace.isBlank()) {
            Path root = Path.of(workspace).toAbsolutePath().normalize();
            if (p.startsWith(root)) {
                return root.relativize(p).toString().replace('\\', '/');
            }
        }
        return projectDir.relativize(p).toString().replace('\\', '/');
    }
}
