package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes planted in four stages (spec, front matter, link, verification) are all reported by
 * one build: an invalid event is left out of the later stages, not the whole build.
 */
class EveryStageInOneBuildTest {

    static final String GOOD = """
              signup_clicked:
                label: Signup clicked
                trigger:
                  click: a.signup
                properties:
                  plan:
                    type: string
                    from: { attribute: data-plan }
                examples:
                  - element: '<a class="signup" data-plan="pro">Sign up</a>'
                    expect: { plan: pro }
              pricing_viewed:
                label: Pricing viewed
                trigger:
                  visit: /pricing/**
                examples:
                  - page: /pricing/
            """;

    @Test
    void fourMistakesInFourStagesAreReportedTogether(@TempDir Path dir) {
        TestSites s = new TestSites(dir)
                .spec("site.yaml", "events:\n" + GOOD + """
                          Newsletter_Signup:
                            label: Newsletter
                            trigger:
                              click: form.newsletter button
                        """)
                .page("index.md", "---\ntitle: Home\ntitel: typo\n---\n<a class=\"signup\" data-plan=\"free\">x</a>\n"
                        + "\nSee [the team](/team/).\n");
        BuildResult r = new Trackplan().build(s.config("hubspot", 60));
        List<String> codes = r.errors().stream().map(Diagnostic::code).toList();
        assertThat(codes).as(r.errors().toString()).containsExactlyInAnyOrder("TP110", "TP501", "TP504", "TP310");
        Diagnostic link = r.errors().stream().filter(d -> d.code().equals("TP504")).findFirst().orElseThrow();
        assertThat(link.file()).isEqualTo("src/main/site/pages/index.md");
        assertThat(link.line()).isEqualTo(7);
        assertThat(link.column()).isEqualTo(16);
    }

    @Test
    void aBrokenPageDoesNotBreakLinksToItNorTheVerification(@TempDir Path dir) {
        TestSites s = new TestSites(dir)
                .spec("site.yaml", "events:\n" + GOOD)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" data-plan=\"free\">x</a> [p](/pricing/)\n")
                .page("pricing.md", "---\ntitle: [unclosed\n---\nPrices\n");
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).as(r.errors().toString()).hasSize(1);
        assertThat(r.errors().get(0).code()).isEqualTo("TP001");
    }

    @Test
    void aCustomCodeSyntaxErrorIsReportedOnceAtItsYamlLine(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("c.yaml", """
                events:
                  scrolled:
                    label: Scrolled
                    trigger:
                      custom: |
                        window.addEventListener('scroll', function () {
                          track({ depth: 1 }
                        });
                    properties:
                      depth: number
                """).page("index.md", "# Home\n");
        Trackplan.Checked checked = new Trackplan().check(s.config());
        List<Diagnostic> errors = checked.diagnostics().errors();
        assertThat(errors).hasSize(1);
        Diagnostic d = errors.get(0);
        assertThat(d.code()).isEqualTo("TP123");
        assertThat(d.line()).as(d.format()).isEqualTo(8);
        assertThat(d.column()).as(d.format()).isEqualTo(9);
        assertThat(d.message()).doesNotContain("custom.js");
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).containsExactly(d);
    }

    @Test
    void anInlineCustomCodeErrorHasItsColumn(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("c.yaml", """
                events:
                  loaded:
                    label: Loaded
                    trigger:
                      custom: "track({ a: 1 );"
                    properties:
                      a: number
                """);
        List<Diagnostic> errors = new Trackplan().check(s.config()).diagnostics().errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).line()).isEqualTo(5);
        assertThat(errors.get(0).column()).as(errors.get(0).format()).isEqualTo(29);
    }

    @Test
    void aNewSiteWithoutPagesBuilds(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir);
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).isEmpty();
        assertThat(dir.resolve("target/site/index.html")).exists();
        assertThat(r.warnings()).extracting(Diagnostic::code).contains("TP520");
    }

    @Test
    void aPropertyNoPageCanFillIsAWarning(@TempDir Path dir) {
        TestSites s = new TestSites(dir).spec("b.yaml", """
                events:
                  post_viewed:
                    label: Post viewed
                    trigger:
                      visit: /blog/*/
                    properties:
                      author:
                        type: string
                        from: { meta: author }
                      summary:
                        type: string
                        from: { meta: description }
                      came_from:
                        type: string
                        from: referrer
                    examples:
                      - page: /blog/one/
                """).page("index.md", "# Home\n").page("blog/one.md", "---\ntitle: One\ndescription: The first\n---\nText\n");
        BuildResult r = new Trackplan().build(s.config("hubspot", 60));
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).extracting(Diagnostic::code).containsExactly("TP319");
        Diagnostic w = r.warnings().get(0);
        assertThat(w.line()).isEqualTo(7);
        assertThat(w.message()).contains("'author' (from meta: author)");
    }
}
