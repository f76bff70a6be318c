package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticReportsTest {

    @Test
    void githubPathsAreRelativeToTheRepositoryRoot(@TempDir Path repo) throws IOException {
        Path site = repo.resolve("www");
        Files.createDirectories(site.resolve("src/main/tracking/events"));
        Files.writeString(site.resolve("src/main/tracking/events/a.yaml"), "events: {}\n");
        DiagnosticReports reports = new DiagnosticReports(site.resolve("target/trackplan-reports"), site, "1");
        assertThat(reports.repositoryPath("src/main/tracking/events/a.yaml", repo.toString()))
                .isEqualTo("www/src/main/tracking/events/a.yaml");
        // outside GitHub Actions, or a workspace elsewhere: relative to the project
        assertThat(reports.repositoryPath("src/main/tracking/events/a.yaml", null)).isEqualTo("src/main/tracking/events/a.yaml");
        assertThat(reports.repositoryPath("src/main/tracking/events/a.yaml", "/elsewhere"))
                .isEqualTo("src/main/tracking/events/a.yaml");
        // not a file of the project: no file for the annotation
        assertThat(reports.repositoryPath("trackplan-templates:trackplan/tracking/click.js.mustache", repo.toString())).isNull();
        assertThat(reports.repositoryPath("404", repo.toString())).isNull();
    }
}
