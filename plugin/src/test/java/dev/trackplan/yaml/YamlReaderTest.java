package dev.trackplan.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
    final YamlReader reader = new YamlReader();

    YamlReader.Result read(String yaml) {
        return reader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsPositionsAndOriginalText() {
        YamlReader.Result r = read("a:\n  b: no\n  c: 012\n  d: 'x'\n");
        assertThat(r.diagnostics()).isEmpty();
        YamlNode.Mapping a = (YamlNode.Mapping) ((YamlNode.Mapping) r.root()).get("a");
        YamlNode.Scalar b = (YamlNode.Scalar) a.get("b");
        assertThat(b.text()).isEqualTo("no");
        assertThat(b.kind()).isEqualTo(YamlNode.ScalarKind.BOOLEAN);
        assertThat(b.pos().line()).isEqualTo(2);
        assertThat(b.pos().column()).isEqualTo(6);
        assertThat(((YamlNode.Scalar) a.get("c")).text()).isEqualTo("012");
        assertThat(a.entry("d").keyPos().column()).isEqualTo(3);
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sb.append("[");
        }
        YamlReader.Result r = read(sb + "1" + "]".repeat(60) + "\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(YamlRules.TOO_LARGE);
        assertThat(r.root()).isNull();
    }

    @Test
    void rejectsFilesOverTheSizeLimit() {
        YamlReader small = new YamlReader(100);
        YamlReader.Result r = small.read("big.yaml", ("a: " + "x".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(YamlRules.TOO_LARGE);
            assertThat(d.message()).contains("over the limit of 100 bytes");
        });
    }

    @Test
    void manyAliasesAreReportedNotExpanded() {
        YamlReader.Result r = read("a: &x [1, 2]\nb: [*x, *x, *x]\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsOnly(YamlRules.ANCHOR_ALIAS).hasSize(4);
    }

    @Test
    void byteOrderMarkIsAccepted() {
        YamlReader.Result r = reader.read("f.yaml", "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(((YamlNode.Mapping) r.root()).entry("a").keyPos().column()).isEqualTo(1);
    }

    @Test
    void frontMatterLinesAreOffset() {
        YamlReader.Result r = reader.read("p.md", "title: [\n".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.line()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aLoneSurrogateFromAnEscapeIsRefusedWhereItIs() {
        YamlReader.Result r = read("a:\n  label: \"x\\ud800y\"\n  \"k\\udc00\": 1\n  ok: \"\\ud83d\\ude00\"\n");
        assertThat(r.diagnostics()).extracting(Diagnostic::format).containsExactly(
                "f.yaml:[2,10] TP008 the text holds a lone surrogate \\uD800 (half of a character, from an escape); "
                        + "write the whole character, e.g. \\U0001F600, or remove it",
                "f.yaml:[3,3] TP008 the text holds a lone surrogate \\uDC00 (half of a character, from an escape); "
                        + "write the whole character, e.g. \\U0001F600, or remove it");
        YamlNode.Mapping a = (YamlNode.Mapping) ((YamlNode.Mapping) r.root()).get("a");
        assertThat(((YamlNode.Scalar) a.get("ok")).text()).isEqualTo("\ud83d\ude00");
    }
}
