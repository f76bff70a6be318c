package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.SourcePos;
import org.junit.jupiter.api.Test;

class ContentFactsTest {
    static ContentFacts of(String body, boolean markdown) {
        return ContentFacts.of(new Page("p", "/p/", "p/index.html", "P", null, null, false, null, 0, body, markdown,
                SourcePos.of("p"), null), new MarkdownRenderer());
    }

    @Test
    void theFirstParagraphReadsAsPlainText() {
        ContentFacts f = of("## Heading\n\nSee *our* [tracking plan](/tracking-plan/) and `code`,\nthen more.\n\nSecond.\n", true);
        assertThat(f.firstParagraph()).isEqualTo("See our tracking plan and code, then more.");
        assertThat(f.ownH1()).isFalse();
        assertThat(f.html()).contains("<h2 id=\"heading\">Heading</h2>");
        assertThat(of("<div><h1>T</h1><p>One <a href=/x>two</a></p></div>", false))
                .isEqualTo(new ContentFacts("<div><h1>T</h1><p>One <a href=/x>two</a></p></div>", true, "One two"));
    }

    @Test
    void longParagraphsAreCutAtASpace() {
        String words = "word ".repeat(100);
        String summary = of(words, true).firstParagraph();
        assertThat(summary).endsWith("word…").hasSizeLessThanOrEqualTo(300);
        String noSpaces = "😀".repeat(400);
        String cut = ContentFacts.shorten(noSpaces);
        assertThat(cut).endsWith("😀…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }
}
