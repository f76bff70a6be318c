package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated files own their paths; page names cannot escape the site or overwrite each other. */
class SitePathsTest {
    static final String SPEC = """
            events:
              cta_clicked:
                label: CTA clicked
                trigger: { click: a.cta }
                examples:
                  - element: '<a class="cta">Go</a>'
            """;

    static TestSites site(Path dir) {
        return new TestSites(dir).spec("e.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" href=\"/\">Go</a>\n");
    }

    /** The site's configuration without the GraalJS verification: these tests are about files. */
    static TrackplanConfig config(TestSites s) {
        TrackplanConfig c = s.config();
        return c.withVerify(false);
    }

    static List<String> errors(BuildResult r) {
        return r.errors().stream().map(Diagnostic::format).toList();
    }

    @Test
    void assetsNamedLikeGeneratedFilesOrPagesAreLocatedErrors(@TempDir Path dir) {
        TestSites s = site(dir).file("src/main/site/assets/tracking-plan.json", "{\"forged\":true}")
                .file("src/main/site/assets/sitemap.xml", "<x/>")
                .file("src/main/site/assets/robots.txt", "Disallow: /")
                .file("src/main/site/assets/index.html", "<p>unverified</p>")
                .file("src/main/site/assets/tracking-plan/index.html", "<p>forged plan</p>");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/assets/index.html:[1,1] TP509 asset src/main/site/assets/index.html has the same path "
                        + "index.html as page src/main/site/pages/index.md (URL /); rename one of them",
                "src/main/site/assets/robots.txt:[1,1] TP509 asset src/main/site/assets/robots.txt has the same path "
                        + "robots.txt as the generated robots.txt; rename one of them",
                "src/main/site/assets/sitemap.xml:[1,1] TP509 asset src/main/site/assets/sitemap.xml has the same path "
                        + "sitemap.xml as the generated sitemap.xml; rename one of them",
                "src/main/site/assets/tracking-plan.json:[1,1] TP509 asset src/main/site/assets/tracking-plan.json has "
                        + "the same path tracking-plan.json as the generated tracking-plan.json; rename one of them",
                "src/main/site/assets/tracking-plan/index.html:[1,1] TP509 asset "
                        + "src/main/site/assets/tracking-plan/index.html has the same path tracking-plan/index.html as "
                        + "the generated tracking plan page /tracking-plan/; rename one of them");
        assertThat(dir.resolve("target/site")).doesNotExist();
    }

    @Test
    void anAssetNamedLikeTheBundleCannotReplaceIt(@TempDir Path dir) throws IOException {
        TestSites s = site(dir);
        assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
        String bundle;
        try (Stream<Path> js = Files.list(dir.resolve("target/site/js"))) {
            bundle = js.findFirst().orElseThrow().getFileName().toString();
        }
        s.file("src/main/site/assets/js/" + bundle, "_hsq.push(['trackCustomBehavioralEvent', {name: 'forged'}]);");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly("src/main/site/assets/js/" + bundle + ":[1,1] TP509 asset src/main/site/"
                + "assets/js/" + bundle + " has the same path js/" + bundle + " as the tracking bundle; rename one of them");
        assertThat(dir.resolve("target/site/js/" + bundle)).content().doesNotContain("forged");
    }

    @Test
    void caseOnlyAndFileFolderCollisionsAreErrors(@TempDir Path dir) {
        TestSites s = site(dir).file("src/main/site/assets/img/Logo.png", "A").file("src/main/site/assets/img/logo.png", "a")
                .file("src/main/site/assets/team", "a file where the page team.md needs a folder")
                .page("team.md", "# Team\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/assets/img/logo.png:[1,1] TP509 asset src/main/site/assets/img/logo.png (img/logo.png) "
                        + "differs only in upper/lower case or accents from img/Logo.png, which is one file on macOS and "
                        + "Windows, of asset src/main/site/assets/img/Logo.png; rename one of them",
                "src/main/site/assets/team:[1,1] TP509 asset src/main/site/assets/team is a file at team, where page "
                        + "src/main/site/pages/team.md (URL /team/) needs a folder (team/index.html); rename one of them");
    }

    @Test
    void pagesWhoseUrlsDifferOnlyInCaseOrAccentsAreErrors(@TempDir Path dir) {
        TestSites s = site(dir).page("About.md", "# About\n").page("about.md", "# about\n")
                .page("caf\u00e9.md", "# NFC\n").page("cafe\u0301.md", "# NFD\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/pages/about.md:[1,1] TP505 page has the URL /about/, which differs only in upper/lower "
                        + "case or accents from /About/ of src/main/site/pages/About.md; rename one of them",
                "src/main/site/pages/caf\u00e9.md:[1,1] TP505 page has the URL /caf\u00e9/, which differs only in "
                        + "upper/lower case or accents from /cafe\u0301/ of src/main/site/pages/cafe\u0301.md; rename one of them");
    }

    @Test
    void aPageNamedLikeAGeneratedPageIsAnError(@TempDir Path dir) {
        TestSites s = site(dir).page("tracking-plan.md", "# my plan\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly("src/main/site/pages/tracking-plan.md:[1,1] TP509 page "
                + "src/main/site/pages/tracking-plan.md (URL /tracking-plan/) has the same path tracking-plan/index.html "
                + "as the generated tracking plan page /tracking-plan/; rename one of them");
    }

    @Test
    void pageNamesCannotLeaveTheSite(@TempDir Path dir) {
        TestSites s = site(dir).page("...md", "# escapes\n").page("docs/..md", "# onto docs\n")
                .page("docs/index.md", "# Docs\n").page("q?.md", "# q\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/pages/...md:[1,1] TP508 page file name '...md' has a part that is empty or ends with '.' "
                        + "(no URL can be made of it); rename the file",
                "src/main/site/pages/docs/..md:[1,1] TP508 page file name 'docs/..md' has a part that is empty or ends "
                        + "with '.' (no URL can be made of it); rename the file",
                "src/main/site/pages/q?.md:[1,1] TP508 page file name 'q?.md' contains '?', which cannot be part of a "
                        + "page URL; rename the file");
        assertThat(dir.resolve("target/index.html")).doesNotExist();
        assertThat(dir.resolve("target/site")).doesNotExist();
    }

    @Test
    void samePageUrlIsReportedTheSameWayEveryTime(@TempDir Path dir) {
        TestSites s = site(dir).page("about.md", "# md\n").page("about.html", "<p>html</p>").page("about/index.md", "# x\n");
        List<String> first = errors(new Trackplan().build(config(s)));
        assertThat(first).containsExactly(
                "src/main/site/pages/about.md:[1,1] TP505 page has the URL /about/, the same as "
                        + "src/main/site/pages/about.html; rename one of them",
                "src/main/site/pages/about/index.md:[1,1] TP505 page has the URL /about/, the same as "
                        + "src/main/site/pages/about.html; rename one of them");
        assertThat(errors(new Trackplan().build(config(s)))).isEqualTo(first);
    }
}
