package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.trackplan.diag.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema shipped for editors and the checker agree on a shared corpus: every valid spec
 * is valid for both, and every invalid-corpus file whose rule a schema can express is rejected by
 * both.
 */
class SchemaAgreementTest {
    /** Rules a JSON Schema can express; the others need the checker (globs, CSS, uniqueness, ...). */
    static final Set<String> SCHEMA_RULES = Set.of("TP100", "TP101", "TP102", "TP103", "TP110", "TP111", "TP114",
            "TP115", "TP116", "TP118", "TP120", "TP130", "TP131", "TP132", "TP134", "TP135", "TP140", "TP141", "TP142",
            "TP143", "TP150", "TP157", "TP164");
    /**
     * Option length depends on the property's name (256, or 1024 for url/referrer/link), and whether
     * a matching rule names a declared property depends on the event's other keys: checker only.
     */
    static final Set<String> CHECKER_ONLY_FILES = Set.of("enum-option-too-long.yaml",
            "matching-rule-undeclared-property.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final JsonSchema SCHEMA = load();

    static JsonSchema load() {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/dev/trackplan/trackplan-events.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> validSpecs() throws IOException {
        List<Path> roots = List.of(Path.of("../example-site/src/main/tracking/events"), Path.of("src/test/projects/basic"),
                Path.of("src/test/resources/golden/specs.yaml"), Path.of("src/test/resources/corpus/valid"));
        return roots.stream().flatMap(r -> {
            try {
                return Files.walk(r).filter(p -> p.toString().endsWith(".yaml")).toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static Stream<Path> schemaExpressibleInvalidSpecs() throws IOException {
        return InvalidSpecCorpusTest.files().filter(p -> {
            try {
                return SCHEMA_RULES.contains(InvalidSpecCorpusTest.expected(p).rule())
                        && !CHECKER_ONLY_FILES.contains(p.getFileName().toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSpecs")
    void validSpecsAreValidForBoth(Path file) throws IOException {
        Set<ValidationMessage> problems = SCHEMA.validate(YAML.readTree(file.toFile()));
        assertThat(problems).as("schema on %s", file).isEmpty();
        // the whole folder: a file's shared properties may be defined in another file of it
        Diagnostics d = new Diagnostics();
        new PlanChecker().check(new dev.trackplan.load.SpecLoader(file.getParent()).load(file.getParent(), d), d);
        assertThat(d.errors()).as("checker on %s", file.getParent())
                .filteredOn(e -> e.file().equals(file.getFileName().toString())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaExpressibleInvalidSpecs")
    void invalidSpecsAreRejectedByBoth(Path file) throws IOException {
        JsonNode tree = YAML.readTree(file.toFile());
        assertThat(SCHEMA.validate(tree)).as("schema on %s", file).isNotEmpty();
        assertThat(InvalidSpecCorpusTest.check(file, new Diagnostics())).as("checker on %s", file).isNotEmpty();
    }
}
