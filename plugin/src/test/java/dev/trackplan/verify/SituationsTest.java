package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.css.Deadline;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages in the same situation (everything the code observes is the same) are verified once, and only then. */
class SituationsTest {
    static final Duration T = Duration.ofSeconds(5);

    static Document page(String linkAttrs, String other) {
        return Jsoup.parse("<!doctype html><html><head><title>Same</title></head><body><p>" + other
                + "</p><a class=\"cta\" " + linkAttrs + ">Go</a></body></html>");
    }

    /** What a click event's code asks of its page: the link, and its data-plan attribute. */
    static List<DomStep> clickTrace(Document doc, String url, boolean readsAddress) {
        HostDom dom = new HostDom(doc, url, Deadline.after(T));
        String ids = dom.select(-1, "a.cta");
        dom.attr(Integer.parseInt(ids), "data-plan");
        if (readsAddress) {
            dom.url();
        }
        return dom.trace();
    }

    static boolean seenBefore(Situations seen, String key, Document doc, String url, Duration timeout) {
        return seen.seenBefore(key, new HostDom(doc, url, Deadline.after(timeout)));
    }

    @Test
    void aPageAnsweringEveryQuestionAlikeIsTheSameSituationWhateverElseDiffers() {
        Situations seen = new Situations();
        seen.remember("k", clickTrace(page("data-plan=\"pro\"", "first page"), "https://x.test/a/", false));
        // other text, another address: the code never looked at either
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", "another page"), "https://x.test/b/", T)).isTrue();
        assertThat(seen.shared()).isEqualTo(1);
    }

    @Test
    void anAnswerThatDiffersOnEveryPageStopsBeingRememberedButWhatWasKeptStillCounts() {
        Situations seen = new Situations();
        int kept = Situations.MAX_ANSWERS;
        for (int i = 0; i < kept + 10; i++) {
            String url = "https://x.test/p" + i + "/";
            assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", ""), url, T)).isFalse();
            seen.remember("k", clickTrace(page("data-plan=\"pro\"", ""), url, true));
        }
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", "other text"), "https://x.test/p0/", T))
                .as("a page kept").isTrue();
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", ""), "https://x.test/p" + (kept + 5) + "/", T))
                .as("past the bound: runs again").isFalse();
        assertThat(seenBefore(seen, "k", page("data-plan=\"basic\"", ""), "https://x.test/p0/", T))
                .as("another answer").isFalse();
    }

    @Test
    void anyAnswerThatDiffersIsAnotherSituation() {
        Situations seen = new Situations();
        seen.remember("k", clickTrace(page("data-plan=\"pro\"", ""), "https://x.test/a/", true));
        assertThat(seenBefore(seen, "k", page("data-plan=\"basic\"", ""), "https://x.test/a/", T)).as("attribute").isFalse();
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", ""), "https://x.test/b/", T)).as("address read").isFalse();
        assertThat(seenBefore(seen, "k", Jsoup.parse("<a class=\"cta\" data-plan=\"pro\"></a><a class=\"cta\"></a>"),
                "https://x.test/a/", T)).as("two links").isFalse();
        assertThat(seenBefore(seen, "k", Jsoup.parse("<p>no link</p>"), "https://x.test/a/", T)).as("no link").isFalse();
        assertThat(seenBefore(seen, "other", page("data-plan=\"pro\"", ""), "https://x.test/a/", T)).as("other scenario")
                .isFalse();
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", ""), "https://x.test/a/", T)).isTrue();
        assertThat(seen.shared()).isEqualTo(1);
    }

    @Test
    void differentQuestionsAfterTheSameAnswersAreNeverMatched() {
        Situations seen = new Situations();
        Document d = page("data-plan=\"pro\"", "");
        seen.remember("k", clickTrace(d, "https://x.test/a/", false));
        seen.remember("k", clickTrace(page("data-plan=\"pro\"", ""), "https://x.test/a/", true)); // not deterministic
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", ""), "https://x.test/a/", T)).isFalse();
    }

    @Test
    void aQuestionThatFailedIsPartOfTheTraceAndMustFailAlike() {
        Situations seen = new Situations();
        HostDom a = new HostDom(page("data-plan=\"pro\"", ""), "https://x.test/a/", Deadline.after(T));
        a.select(-1, "a.cta");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.parent(7)).isInstanceOf(RuntimeException.class);
        a.attr(0, "data-plan");
        assertThat(a.trace()).hasSize(3);
        seen.remember("k", a.trace());
        assertThat(seenBefore(seen, "k", page("data-plan=\"pro\"", "other"), "https://x.test/b/", T)).isTrue();
    }

    static final String SPEC = """
            events:
              price_clicked:
                label: Price clicked
                trigger:
                  click: "a.cta"
                properties:
                  plan:
                    type: enumeration
                    options: { basic: Basic, pro: Pro }
                    required: true
                    from: { attribute: data-plan }
                examples:
                  - element: '<a class="cta" data-plan="pro">Go</a>'
                    expect: { plan: pro }
            """;

    static String page(int i, String plan) {
        return "---\ntitle: Page " + i + "\n---\nText of page " + i + ".\n\n<a class=\"cta\" data-plan=\"" + plan
                + "\" href=\"/\">Go</a>\n";
    }

    @Test
    void anEventOnEveryPageIsVerifiedOncePerSituationAndADifferentPageStillFails(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("p.yaml", SPEC).page("index.md", page(0, "basic"));
        for (int i = 1; i <= 30; i++) {
            s.page("p" + i + ".md", page(i, i == 17 ? "gold" : "basic"));
        }
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("/p17/"));
        assertThat(r.errors()).anyMatch(e -> e.code().equals(VerifyRules.REQUIRED_MISSING));

        BuildResult fixed = new Trackplan().build(s.page("p17.md", page(17, "basic")).config());
        assertThat(fixed.errors()).isEmpty();
        assertThat(fixed.summary()).anyMatch(l -> l.matches(".*\\((\\d+) page views not run again.*")
                && Integer.parseInt(l.replaceAll(".*\\((\\d+) page views not run again.*", "$1")) >= 60);
    }

    @Test
    void codeThatReadsTheAddressIsVerifiedOnEveryAddress(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("c.yaml", """
                events:
                  looked:
                    label: Looked
                    trigger:
                      custom: |
                        track(location.pathname === "/p17/" ? {} : { n: 1 });
                    properties:
                      n:
                        type: number
                        required: true
                """).page("index.md", page(0, "basic"));
        for (int i = 1; i <= 30; i++) {
            s.page("p" + i + ".md", page(i, "basic"));
        }
        BuildResult r = new Trackplan().build(s.config());
        List<Diagnostic> errors = r.errors();
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.REQUIRED_MISSING) && e.message().contains("/p17/"));
    }
}
