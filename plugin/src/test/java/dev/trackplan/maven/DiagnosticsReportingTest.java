package dev.trackplan.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** What report(...) does for every goal: the reports, the output format, failOnWarnings. */
@MojoTest
class DiagnosticsReportingTest {

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "check")
    void failedCheckStillWritesBothReports(CheckMojo mojo) throws Exception {
        Path reports = mojo.reportsDirectory.toPath();
        Files.deleteIfExists(reports.resolve("trackplan.sarif"));
        Files.deleteIfExists(reports.resolve("TEST-trackplan-check.xml"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 error");
        assertThat(Files.readString(reports.resolve("trackplan.sarif"))).contains("\"ruleId\" : \"TP131\"")
                .contains("\"startLine\" : 7");
        assertThat(Files.readString(reports.resolve("TEST-trackplan-check.xml")))
                .contains("<failure message=\"src/main/tracking/events/bad.yaml:[7,7] TP131");
    }

    @Test
    @Basedir("src/test/projects/warning")
    @InjectMojo(goal = "check")
    void warningsPassByDefault(CheckMojo mojo) throws Exception {
        mojo.execute();
        assertThat(Files.readString(mojo.reportsDirectory.toPath().resolve("trackplan.sarif")))
                .contains("\"ruleId\" : \"TP170\"").contains("\"level\" : \"warning\"");
    }

    @Test
    @Basedir("src/test/projects/warning")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOnWarnings", value = "true")
    void failOnWarningsFailsOnAWarning(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Trackplan found 1 warning and failOnWarnings is set (listed above as file:[line,column] rule message)");
    }

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "diagnosticsFormat", value = "github")
    void githubFormatPrintsWorkflowCommands(CheckMojo mojo) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        mojo.annotations = new PrintStream(captured, true, StandardCharsets.UTF_8);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("::error file=src/main/tracking/events/bad.yaml,line=7,col=7,title=Trackplan TP131::"
                + "src/main/tracking/events/bad.yaml:[7,7] TP131 property name 'Plan-Name' must start with a letter");
        assertThat(out).contains("::warning file=src/main/tracking/events/bad.yaml,line=2,col=3,title=Trackplan TP170::");
    }

    @Test
    @Basedir("src/test/projects/basic")
    @InjectMojo(goal = "check")
    @MojoParameter(name = "diagnosticsFormat", value = "json")
    void unknownFormatIsRejected(CheckMojo mojo) {
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("<diagnosticsFormat> must be text or github (found 'json')");
    }

    @Test
    @Basedir("src/test/projects/broken")
    @InjectMojo(goal = "lock")
    void aPublishingGoalWritesReportsOfItsOwn(LockMojo mojo) throws Exception {
        Path reports = mojo.reportsDirectory.toPath();
        Files.deleteIfExists(reports.resolve("trackplan-lock.sarif"));
        Files.deleteIfExists(reports.resolve("TEST-trackplan-lock.xml"));
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("1 error");
        assertThat(Files.readString(reports.resolve("trackplan-lock.sarif"))).contains("\"ruleId\" : \"TP131\"")
                .contains("\"startLine\" : 7");
        assertThat(Files.readString(reports.resolve("TEST-trackplan-lock.xml"))).contains("name=\"trackplan.lock\"");
    }
}
