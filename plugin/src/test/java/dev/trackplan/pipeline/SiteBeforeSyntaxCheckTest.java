package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.site.GeneratedSite;
import java.nio.charset.StandardCharsets;
import dev.trackplan.testing.TestSites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site stage starts on the bundle's bytes as they will be if every snippet parses, while
 * GraalJS checks them. When one does not parse, the bundle is another one: the site generated
 * for the expected bundle is dropped and generated again, so the pages load the bundle the site
 * has, the verification passes on it, and the site's own problems are reported once.
 */
class SiteBeforeSyntaxCheckTest {

    @Test
    void aSnippetThatDoesNotParseGivesAnotherBundleAndTheSiteIsGeneratedForIt(@TempDir Path dir) {
        TestSites s = new TestSites(dir)
                .spec("site.yaml", "events:\n" + EveryStageInOneBuildTest.GOOD)
                // the visit snippet is not JavaScript: pricing_viewed is left out of the bundle
                .template("visit.js.mustache", TestSites.defaultTemplate("visit.js.mustache") + "\n}}}\n")
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" data-plan=\"free\">x</a>\n\n"
                        + "See [the team](/team/).\n")
                .page("pricing.md", "---\ntitle: Pricing\n---\nPrices\n");
        Trackplan trackplan = new Trackplan();
        GeneratedSite[] used = new GeneratedSite[1];
        trackplan.siteUsed = site -> used[0] = site;
        BuildResult r = trackplan.build(s.config());
        List<String> codes = r.errors().stream().map(Diagnostic::code).toList();
        assertThat(codes).as(r.errors().toString()).containsExactlyInAnyOrder("TP203", "TP504");
        // the site verified is the one for the bundle without the event whose snippet did not parse
        List<String> bundles = used[0].files().keySet().stream().filter(f -> f.startsWith("js/trackplan.")).toList();
        assertThat(bundles).hasSize(1);
        assertThat(new String(used[0].files().get(bundles.get(0)), StandardCharsets.UTF_8))
                .contains("signup_clicked").doesNotContain("pricing_viewed");
        String home = new String(used[0].files().get("index.html"), StandardCharsets.UTF_8);
        assertThat(home).contains("<script defer src=\"/" + bundles.get(0) + "\"");
    }

    @Test
    void theSiteGeneratedWhileGraalJsChecksIsTheSiteWritten(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir)
                .spec("site.yaml", "events:\n" + EveryStageInOneBuildTest.GOOD)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" data-plan=\"free\">x</a>\n")
                .page("pricing.md", "---\ntitle: Pricing\n---\nPrices\n");
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.errors()).as(r.errors().toString()).isEmpty();
        String home = Files.readString(dir.resolve("target/site/index.html"));
        Matcher m = Pattern.compile("<script defer src=\"/(js/trackplan\\.[0-9a-f]{10}\\.js)\"").matcher(home);
        assertThat(m.find()).as(home).isTrue();
        String bundle = Files.readString(dir.resolve("target/site").resolve(m.group(1)));
        assertThat(bundle).contains("pricing_viewed", "signup_clicked");
    }
}
