package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GraalJS starts only when something must be parsed or run: the snippets and bundle whose syntax
 * checks passed before with the same texts are not parsed again, and pages and examples whose
 * verification passed before with the same inputs are not run again, so a build where only such
 * things are left never starts it. Whatever starts or not, the output is a clean build's.
 */
class GraalJsOnDemandTest {
    private static final String NOT_STARTED = "GraalJS not started";

    private static TestSites site(Path dir) {
        return new TestSites(dir).spec("s.yaml", IncrementalSiteTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a>\n")
                .page("about.md", "---\ntitle: About\n---\nAbout us.\n")
                .page("blog/index.md", "---\ntitle: Blog\n---\n")
                .page("blog/post-1.md", IncrementalSiteTest.post(1, "Summary 1."));
    }

    private static TrackplanConfig config(TestSites s) {
        return IncrementalSiteTest.config(s).withVerify(true);
    }

    private static BuildResult build(TrackplanConfig c) {
        try (Trackplan t = new Trackplan()) {
            BuildResult r = t.build(c);
            assertThat(r.errors()).as(r.errors().toString()).isEmpty();
            return r;
        }
    }

    private static String summary(BuildResult r) {
        return String.join("\n", r.summary());
    }

    private static void assertSameAsCleanBuild(TestSites s, TrackplanConfig c) throws IOException {
        Map<String, String> cached = BuildCacheTest.files(s.root().resolve("target/site"));
        dev.trackplan.io.AtomicFiles.deleteTree(s.root().resolve("target"));
        assertThat(summary(build(c))).doesNotContain(NOT_STARTED);
        assertThat(BuildCacheTest.files(s.root().resolve("target/site"))).as("equals a clean build").isEqualTo(cached);
    }

    @Test
    void anEditOfAPageWithoutEventsNeverStartsGraalJs(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        TrackplanConfig c = config(s);
        assertThat(summary(build(c))).as("the first build parses and verifies").doesNotContain(NOT_STARTED)
                .contains("Verified 1 events in ");
        s.page("about.md", "---\ntitle: About\n---\nAbout us, and more.\n");
        BuildResult edit = build(c);
        assertThat(summary(edit)).contains(NOT_STARTED, "Verified 1 events in 0 scenarios");
        assertThat(dir.resolve("target/site/about/index.html")).content().contains("and more.");
        // nothing changed, the stamp removed: still nothing to parse or run
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        assertThat(summary(build(c))).contains(NOT_STARTED);
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void aChangedPageWithAnEventIsVerifiedAgain(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        TrackplanConfig c = config(s);
        build(c);
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" href=\"/\">Go</a> <a class=\"signup\" href=\"/\">Again</a>\n");
        BuildResult r = build(c);
        assertThat(summary(r)).doesNotContain(NOT_STARTED).doesNotContain("in 0 scenarios");
        // and after it passed, the next build needs GraalJS no more
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        assertThat(summary(build(c))).contains(NOT_STARTED);
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void anExampleRunsAgainWhenItsEventOrItsPageChanges(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        TrackplanConfig c = config(s);
        build(c);
        // another example: another plan, so every page and example is verified again
        s.spec("s.yaml", IncrementalSiteTest.SPEC.replace("Go</a>'", "Sign up</a>'"));
        assertThat(summary(build(c))).doesNotContain(NOT_STARTED).doesNotContain("not verified again");
        // an example on a page runs again when that page's HTML changes (/about/: no event fires
        // there, so the example is what needs GraalJS), not when another page changes
        s.spec("s.yaml", """
                events:
                  signup_clicked:
                    label: Sign-up clicked
                    trigger: { click: "a.signup" }
                    examples:
                      - page: /about/
                        element: '<a class="signup">Go</a>'
                        expect: {}
                """);
        build(c);
        s.page("blog/post-1.md", IncrementalSiteTest.post(1, "Summary 1.").replace("More text.", "Other text."));
        assertThat(summary(build(c))).contains(NOT_STARTED);
        s.page("about.md", "---\ntitle: About\n---\nAbout them.\n");
        assertThat(summary(build(c))).doesNotContain(NOT_STARTED).contains("Verified 1 events in 1 scenarios");
        assertSameAsCleanBuild(s, c);
    }

    @Test
    void withTheVerificationOffTheLineSaysOnlyWhatWasNotParsed(@TempDir Path dir) {
        TestSites s = site(dir);
        TrackplanConfig off = config(s).withVerify(false);
        assertThat(summary(build(off))).as("the first build parses the snippets and the bundle")
                .doesNotContain(NOT_STARTED).contains("Verification skipped");
        s.page("about.md", "---\ntitle: About\n---\nAbout them.\n");
        String again = summary(build(off));
        assertThat(again).contains(NOT_STARTED + ": the snippets and the bundle parsed in an earlier build")
                .contains("(verification off)").doesNotContain("nothing to parse or run");
        // the verification on again: the pages were never verified, so GraalJS starts
        assertThat(summary(build(config(s)))).doesNotContain(NOT_STARTED).contains("Verified 1 events in ");
        s.page("about.md", "---\ntitle: About\n---\nAbout us again.\n");
        assertThat(summary(build(config(s)))).contains(NOT_STARTED + ": nothing to parse or run");
    }

    @Test
    void aSnippetThatDoesNotParseIsReportedByEveryBuild(@TempDir Path dir) {
        TestSites s = site(dir).template("click.js.mustache", TestSites.defaultTemplate("click.js.mustache") + "\n}}}\n");
        TrackplanConfig c = config(s);
        for (int i = 0; i < 2; i++) {
            try (Trackplan t = new Trackplan()) {
                BuildResult r = t.build(c);
                List<String> codes = r.errors().stream().map(Diagnostic::code).toList();
                assertThat(codes).as("build " + i + ": " + r.errors()).contains("TP203");
                assertThat(summary(r)).doesNotContain(NOT_STARTED);
            }
        }
    }

    @Test
    void aFailedVerificationVouchesForNothing(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        TrackplanConfig c = config(s);
        build(c);
        // a required property the home page's link does not carry: the verification fails there, in every build
        s.spec("s.yaml", """
                events:
                  signup_clicked:
                    label: Sign-up clicked
                    trigger: { click: "a.signup" }
                    properties:
                      plan:
                        type: string
                        from: { attribute: data-plan }
                        required: true
                    examples:
                      - element: '<a class="signup" data-plan="pro">Go</a>'
                        expect: { plan: pro }
                """);
        for (int i = 0; i < 2; i++) {
            try (Trackplan t = new Trackplan()) {
                int[] generated = {0};
                t.siteUsed = site -> generated[0]++;
                BuildResult r = t.build(c);
                assertThat(r.errors()).as("build " + i).anyMatch(e -> e.message().contains("plan"));
                assertThat(generated[0]).as("the failure is the verification's: the site was generated").isEqualTo(1);
            }
        }
        // fixed: verified, and from then on nothing to run
        s.page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" data-plan=\"pro\" href=\"/\">Go</a>\n");
        assertThat(summary(build(c))).doesNotContain(NOT_STARTED);
        Files.delete(dir.resolve("target/trackplan/fingerprint.txt"));
        assertThat(summary(build(c))).contains(NOT_STARTED);
    }

    @Test
    void withoutTheCacheEveryBuildParsesAndVerifies(@TempDir Path dir) {
        TestSites s = site(dir);
        TrackplanConfig c = config(s);
        build(c);
        try (Trackplan t = new Trackplan()) {
            t.incremental = false;
            Path stamp = dir.resolve("target/trackplan/fingerprint.txt");
            assertThat(stamp.toFile().delete()).isTrue();
            BuildResult r = t.build(c);
            assertThat(r.errors()).isEmpty();
            assertThat(summary(r)).doesNotContain(NOT_STARTED).doesNotContain("in 0 scenarios");
        }
    }
}
