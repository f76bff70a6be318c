package dev.trackplan.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF log is valid against the OASIS SARIF 2.1.0 schema (errata 01, shipped as a test
 * resource) and carries what code scanning shows: rules with descriptions and help, results with
 * file, line and column.
 */
class SarifReportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonSchema SCHEMA = load();

    static JsonSchema load() {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<ValidationMessage> validate(String sarif) throws IOException {
        return SCHEMA.validate(JSON.readTree(sarif));
    }

    @Test
    void invalidSpecGivesValidSarifWithLocatedResults(@TempDir Path project) throws IOException {
        Path spec = project.resolve("src/main/tracking/events/bad.yaml");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, "events: {}\n");
        List<Diagnostic> ds = List.of(
                Diagnostic.error(new SourcePos("src/main/tracking/events/bad.yaml", 7, 7), "TP131",
                        "property name 'Plan-Name' must start with a letter"),
                Diagnostic.warning(new SourcePos("src/main/tracking/events/bad.yaml", 2, 3), "TP170", "no examples"),
                Diagnostic.error(SourcePos.of("trackplan-templates:trackplan/tracking/click.js.mustache"), "TP200",
                        "does not compile"));
        DiagnosticReports reports = new DiagnosticReports(project.resolve("target/trackplan-reports"), project, "1.2.3");
        DiagnosticReports.Written written = reports.write("check", ds, false);
        String sarif = Files.readString(written.sarif());

        assertThat(validate(sarif)).as("SARIF 2.1.0 schema").isEmpty();
        JsonNode run = JSON.readTree(sarif).get("runs").get(0);
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("Trackplan");
        assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(RuleCatalog.all().size()).isGreaterThan(60);

        JsonNode first = run.get("results").get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("TP131");
        assertThat(first.get("level").asText()).isEqualTo("error");
        JsonNode rule = rules.get(first.get("ruleIndex").asInt());
        assertThat(rule.get("id").asText()).isEqualTo("TP131");
        assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("property name not ^[a-z][a-z0-9_]*$");
        assertThat(rule.at("/help/text").asText()).contains("Fix the key or value at the reported line and column");
        assertThat(rule.at("/help/markdown").asText()).contains("`^[a-z][a-z0-9_]*$`");
        JsonNode location = first.at("/locations/0/physicalLocation");
        assertThat(URI.create(location.at("/artifactLocation/uri").asText())).isEqualTo(spec.toUri());
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(7);
        assertThat(location.at("/region/startColumn").asInt()).isEqualTo(7);
        assertThat(run.get("columnKind").asText()).isEqualTo("unicodeCodePoints");

        JsonNode warning = run.get("results").get(1);
        assertThat(warning.get("level").asText()).isEqualTo("warning");
        assertThat(rules.get(warning.get("ruleIndex").asInt()).at("/defaultConfiguration/level").asText())
                .isEqualTo("warning");

        // not a file of the project: placed at the pom, the message names the real place
        JsonNode builtIn = run.get("results").get(2);
        assertThat(builtIn.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(project.resolve("pom.xml").toUri().toString());
        assertThat(builtIn.at("/message/text").asText()).startsWith("trackplan-templates:trackplan/tracking/click.js.mustache:[1,1] TP200");
    }

    @Test
    void noDiagnosticsIsAValidEmptyRun(@TempDir Path project) throws IOException {
        DiagnosticReports.Written written = new DiagnosticReports(project, project, "1").write("check", List.of(), false);
        String sarif = Files.readString(written.sarif());
        assertThat(validate(sarif)).isEmpty();
        assertThat(JSON.readTree(sarif).at("/runs/0/results").size()).isZero();
    }

    @Test
    void schemaRejectsABrokenLog() throws IOException {
        // the validation above can fail: a result without a message is not SARIF
        String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"TP131\"}]}]}";
        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void otherGoalsGetTheirOwnFiles(@TempDir Path project) throws IOException {
        DiagnosticReports.Written written = new DiagnosticReports(project, project, "1").write("diff", List.of(), false);
        assertThat(written.sarif().getFileName().toString()).isEqualTo("trackplan-diff.sarif");
        assertThat(written.junit().getFileName().toString()).isEqualTo("TEST-trackplan-diff.xml");
        assertThat(JSON.readTree(Files.readString(written.sarif())).at("/runs/0/automationDetails/id").asText())
                .isEqualTo("trackplan-diff/");
    }

    @Test
    void outputIsByteIdenticalAcrossRuns(@TempDir Path project) throws IOException {
        List<Diagnostic> ds = List.of(Diagnostic.error(new SourcePos("a.yaml", 1, 2), "TP101", "unknown key"));
        String a = SarifReport.render("1", "trackplan/", RuleCatalog.all(), ds, f -> null, project.toUri());
        String b = SarifReport.render("1", "trackplan/", RuleCatalog.all(), ds, f -> null, project.toUri());
        assertThat(a).isEqualTo(b).doesNotContain("\r");
    }
}
