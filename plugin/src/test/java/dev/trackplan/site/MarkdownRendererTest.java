package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
    static final String DOC = "# TITLE İstanbul `CODE`\n\n## Intro\n\n## Intro\n\n## Ünïcode & *Emph* 123\n\n##\n";

    @Test
    void headingAnchorsDoNotDependOnTheJvmLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String root = new MarkdownRenderer().render(DOC);
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String turkish = new MarkdownRenderer().render(DOC);
            assertThat(turkish).isEqualTo(root).contains("id=\"title-i̇stanbul-code\"").doesNotContain("ı");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void anchorsAreTheOnesCommonmarksExtensionMakesUnderAnEnglishLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            var ext = List.of(HeadingAnchorExtension.create());
            String theirs = HtmlRenderer.builder().extensions(ext).build().render(Parser.builder().build().parse(DOC));
            assertThat(new MarkdownRenderer().render(DOC)).isEqualTo(theirs);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
