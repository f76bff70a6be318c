package dev.trackplan.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.model.SourceKind;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each value source, alone in its plan, gives a runtime with that source and no other, and the
 * build's verification proves that runtime: the example's call arrives with the expected value.
 */
class GatedRuntimeVerificationTest {
    static final String PAGE = """
            ---
            title: Home
            description: All about us
            ---
            <a class="cta" href="/" data-plan="pro">Go now</a>
            <form id="f"><input name="topic" value="Demo"><button type="submit">Send</button></form>
            """;

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(SourceKind.TEXT, "click: \"a.cta\"", "type: string, from: text",
                        "element: '<a class=\"cta\">Go  now</a>'", "Go now"),
                Arguments.of(SourceKind.URL, "click: \"a.cta\"", "type: string, from: url",
                        "page: /", "https://t.example/"),
                Arguments.of(SourceKind.PATH, "visit: \"/\"", "type: string, from: path", "page: /", "/"),
                Arguments.of(SourceKind.REFERRER, "visit: \"/\"", "type: string, from: referrer", "page: /", null),
                Arguments.of(SourceKind.TITLE, "visit: \"/\"", "type: string, from: title", "page: /", null),
                Arguments.of(SourceKind.NOW, "visit: \"/\"", "type: datetime, from: now", "page: /", null),
                Arguments.of(SourceKind.ATTRIBUTE, "click: \"a.cta\"", "type: enumeration, options: { pro: Pro }, "
                        + "from: { attribute: data-plan }", "element: '<a class=\"cta\" data-plan=\"pro\">Go</a>'", "pro"),
                Arguments.of(SourceKind.QUERY, "visit: \"/\"", "type: string, from: { query: utm_source }", "page: /",
                        null),
                Arguments.of(SourceKind.FIELD, "submit: \"form#f\"", "type: string, from: { field: topic }",
                        "element: '<form id=\"f\"><input name=\"topic\" value=\"Sales\"></form>'", "Sales"),
                Arguments.of(SourceKind.META, "visit: \"/\"", "type: string, from: { meta: description }", "page: /",
                        "All about us"),
                Arguments.of(SourceKind.VALUE, "visit: \"/\"", "type: number, from: { value: 7 }", "page: /", "7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void eachSourceAloneIsCarriedAndProven(SourceKind source, String trigger, String property, String example,
            String expected, @TempDir Path dir) throws IOException {
        String spec = "events:\n"
                + "  thing_done:\n"
                + "    label: Thing done\n"
                + "    trigger:\n"
                + "      " + trigger + "\n"
                + "    properties:\n"
                + "      value_read: { " + property + " }\n"
                + "    examples:\n"
                + "      - " + example + "\n"
                + (expected == null ? "" : "        expect: { value_read: \"" + expected + "\" }\n")
                        .replace("\"7\"", "7");
        BuildResult r = new Trackplan().build(new TestSites(dir).spec("e.yaml", spec).page("index.md", PAGE).config());
        assertThat(r.errors()).as("the verification of the gated bundle").isEmpty();
        String bundle;
        try (Stream<Path> js = Files.list(dir.resolve("target/site/js"))) {
            bundle = Files.readString(js.filter(p -> p.getFileName().toString().startsWith("trackplan.")).findFirst()
                    .orElseThrow());
        }
        for (SourceKind other : SourceKind.values()) {
            if (other == source) {
                assertThat(bundle).contains("case\"" + other.id() + "\"");
            } else {
                assertThat(bundle).as("no " + other.id()).doesNotContain("case\"" + other.id() + "\"");
            }
        }
    }
}
