package dev.trackplan.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.js.JsEngine;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files: the snippet each default template renders for a fixed spec. Regenerate after an
 * intended template change with {@code -Dtrackplan.updateGolden=true}.
 */
class SnippetRendererTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static JsEngine js;

    @BeforeAll
    static void start() {
        js = new JsEngine();
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    static EventSpec spec(String name) throws Exception {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(GOLDEN).loadFile(GOLDEN.resolve("specs.yaml"), d);
        assertThat(d.errors()).isEmpty();
        return events.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    static SnippetRenderer renderer(Path overrides) {
        return new SnippetRenderer(new TemplateSource("tracking", overrides, overrides), js);
    }

    @ParameterizedTest
    @ValueSource(strings = {"click", "visit", "submit", "custom"})
    void rendersGoldenSnippet(String kind) throws Exception {
        Diagnostics d = new Diagnostics();
        String snippet = renderer(Path.of("none")).render(spec(kind + "_event"), "123", d);
        assertThat(d.errors()).isEmpty();
        Path golden = GOLDEN.resolve(kind + ".js");
        if (Boolean.getBoolean("trackplan.updateGolden")) {
            Files.writeString(golden, snippet);
        }
        assertThat(snippet).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void rawOutputIsRefusedWhenTheTemplateCompiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("click.js.mustache"), "tp.x({{{selector}}});\n");
        Diagnostics d = new Diagnostics();
        assertThat(renderer(dir).render(spec("click_event"), "123", d)).isNull();
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(RenderRules.RAW_OUTPUT);
            assertThat(e.file()).isEqualTo("click.js.mustache");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    @Test
    void ampersandRawOutputIsRefusedToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("click.js.mustache"), "// ok\ntp.x({{& selector}});\n");
        Diagnostics d = new Diagnostics();
        renderer(dir).render(spec("click_event"), "123", d);
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(RenderRules.RAW_OUTPUT);
            assertThat(e.line()).isEqualTo(2);
        });
    }

    @Test
    void missingVariableNamesTemplateAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("click.js.mustache"), "// line 1\n\ntp.x({{selectr}});\n");
        Diagnostics d = new Diagnostics();
        renderer(dir).render(spec("click_event"), "123", d);
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(RenderRules.MISSING_VARIABLE);
            assertThat(e.message()).contains("selectr");
            assertThat(e.file()).isEqualTo("click.js.mustache");
            assertThat(e.line()).isEqualTo(3);
        });
    }

    @Test
    void snippetSyntaxErrorIsReportedAtTheSpec(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("click.js.mustache"), "tp.x({{selector}};\n");
        Diagnostics d = new Diagnostics();
        EventSpec e = spec("click_event");
        renderer(dir).render(e, "123", d);
        assertThat(d.errors()).singleElement().satisfies(diag -> {
            assertThat(diag.code()).isEqualTo(RenderRules.SNIPPET_SYNTAX);
            assertThat(diag.pos()).isEqualTo(e.trigger().pos());
        });
    }

    @Test
    void customCodeCannotBreakOutOfItsWrapper() throws Exception {
        Diagnostics d = new Diagnostics();
        String yaml = "events:\n  evil:\n    label: Evil\n    trigger:\n      custom: |\n        }\n        })(); stealCookies(); (function () {\n        try {\n";
        List<EventSpec> events = new SpecLoader(Path.of(".")).loadBytes("evil.yaml", yaml.getBytes(StandardCharsets.UTF_8), d);
        assertThat(renderer(Path.of("none")).render(events.get(0), "123", d)).isNull();
        assertThat(d.errors()).anySatisfy(e -> assertThat(e.code()).isEqualTo("TP123"));
    }
}
