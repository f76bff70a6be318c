package dev.trackplan.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML syntax errors are told in plain words, with the likely cause and the line under a caret. */
class YamlSyntaxMessagesTest {

    private static Diagnostic only(String yaml) {
        List<Diagnostic> ds = new YamlReader().read("e.yaml", yaml.getBytes(StandardCharsets.UTF_8)).diagnostics();
        assertThat(ds).hasSize(1);
        return ds.get(0);
    }

    @Test
    void overIndentedKeyIsAnIndentationError() {
        Diagnostic d = only("""
                events:
                  a:
                    label: A
                     object: contact
                """);
        assertThat(d.code()).isEqualTo("TP001");
        assertThat(d.message()).doesNotContain("<block").containsIgnoringCase("indent");
        assertThat(d.message()).contains("\n 4 |      object: contact\n   |      ^");
        assertThat(d.column()).isEqualTo(6);
    }

    @Test
    void dedentedKeyIsAnIndentationError() {
        Diagnostic d = only("""
                events:
                  a:
                    label: A
                    trigger:
                      click: a
                   pages: /x/
                """);
        assertThat(d.message()).doesNotContain("<block").containsIgnoringCase("indent");
        assertThat(d.line()).isEqualTo(6);
    }

    @Test
    void missingColonIsNamed() {
        Diagnostic d = only("""
                events:
                  a:
                    label A
                    object: contact
                """);
        assertThat(d.message()).contains("missing ':'");
        assertThat(d.line()).isEqualTo(3);
    }

    @Test
    void unclosedQuoteIsShownWhereItOpens() {
        Diagnostic d = only("""
                events:
                  a:
                    label: "Pricing CTA
                    object: contact
                """);
        assertThat(d.message()).contains("quote").contains("never closed");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isEqualTo(12);
        assertThat(d.message()).endsWith("\n   |            ^");
    }

    @Test
    void colonInAValueSaysQuoteIt() {
        Diagnostic d = only("""
                events:
                  a:
                    label: Note: read this
                """);
        assertThat(d.message()).contains("quotes");
        assertThat(d.column()).isEqualTo(16);
    }

    @Test
    void unclosedFlowMapIsNamed() {
        Diagnostic d = only("""
                events:
                  a:
                    label: A
                    from: { attribute: x
                    object: contact
                """);
        assertThat(d.message()).contains("'{ ... }'");
    }

    @Test
    void atSignNeedsQuotes() {
        Diagnostic d = only("""
                events:
                  a:
                    label: @home
                """);
        assertThat(d.message()).contains("cannot start with '@'");
    }
}
