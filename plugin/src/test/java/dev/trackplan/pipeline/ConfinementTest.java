package dev.trackplan.pipeline;

import static dev.trackplan.pipeline.SitePathsTest.config;
import static dev.trackplan.pipeline.SitePathsTest.errors;
import static dev.trackplan.pipeline.SitePathsTest.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing outside the project reaches the site or the bundle: links, partial names and layout names. */
class ConfinementTest {
    static final String SECRET = "<password>hunter2</password>";

    static Path secret(Path tmp) throws IOException {
        return Files.writeString(tmp.resolve("settings.xml"), SECRET);
    }

    static void assertNothingLeaked(Path project) throws IOException {
        Path site = project.resolve("target/site");
        if (!Files.exists(site)) {
            return;
        }
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("hunter2");
            }
        }
    }

    @Test
    void linksOutOfTheProjectInPagesAssetsLayoutsTemplatesAndSpecsAreRefused(@TempDir Path tmp) throws IOException {
        Path secret = secret(tmp);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        TestSites s = site(dir);
        for (String link : new String[] {"src/main/site/pages/leak.md", "src/main/site/assets/leak.txt",
                "src/main/site/layouts/footer.html.mustache", "src/main/tracking/templates/event.js.mustache",
                "src/main/tracking/events/leak.yaml"}) {
            Files.createDirectories(dir.resolve(link).getParent());
            Files.createSymbolicLink(dir.resolve(link), secret);
        }
        // one build reports every refused link it can reach (the site is not generated with a refused layout)
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/layouts/footer.html.mustache:[1,1] TP510 template is a link to " + secret.toRealPath()
                        + ", outside the project; copy the file into the project instead",
                "src/main/site/pages/leak.md:[1,1] TP510 page is a link to " + secret.toRealPath()
                        + ", outside the project; copy the file into the project instead",
                "src/main/tracking/events/leak.yaml:[1,1] TP510 spec file is a link to "
                        + secret.toRealPath() + ", outside the project; copy the file into the project instead",
                "src/main/tracking/templates/event.js.mustache:[1,1] TP510 template is a "
                        + "link to " + secret.toRealPath() + ", outside the project; copy the file into the project instead");
        Files.delete(dir.resolve("src/main/tracking/events/leak.yaml"));
        Files.delete(dir.resolve("src/main/tracking/templates/event.js.mustache"));
        Files.delete(dir.resolve("src/main/site/pages/leak.md"));
        Files.delete(dir.resolve("src/main/site/layouts/footer.html.mustache"));
        r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly("src/main/site/assets/leak.txt:[1,1] TP510 asset is a link to "
                + secret.toRealPath() + ", outside the project; copy the file into the project instead");
        assertNothingLeaked(dir);
    }

    @Test
    void aLinkedFolderOutsideIsRefusedAndALinkInsideFollowed(@TempDir Path tmp) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home/.m2"));
        Files.writeString(home.resolve("settings.xml"), SECRET);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        TestSites s = site(dir).file("docs/shared.css", "body{}");
        Files.createDirectories(dir.resolve("src/main/site/assets"));
        Files.createSymbolicLink(dir.resolve("src/main/site/assets/m2"), home);
        Files.createSymbolicLink(dir.resolve("src/main/site/assets/docs"), dir.resolve("docs"));
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly("src/main/site/assets/m2:[1,1] TP510 asset is a link to "
                + home.toRealPath() + ", outside the project; copy the file into the project instead");
        Files.delete(dir.resolve("src/main/site/assets/m2"));
        assertThat(new Trackplan().build(config(s)).errors()).isEmpty();
        assertThat(dir.resolve("target/site/docs/shared.css")).hasContent("body{}");
    }

    @Test
    void partialNamesStayInsideTheirFolder(@TempDir Path tmp) throws IOException {
        Path secret = secret(tmp);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        TestSites s = site(dir).file("src/main/site/layouts/footer.html.mustache",
                "<footer>{{> " + secret.toAbsolutePath() + "}}</footer>");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("TP506")
                .contains("is an absolute path; name a file inside the folder"));
        assertNothingLeaked(dir);

        s.file("src/main/site/layouts/footer.html.mustache", "<footer>{{> ../../../../settings.xml}}</footer>");
        r = new Trackplan().build(config(s));
        assertThat(errors(r)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("TP506").contains("'..'"));
        assertNothingLeaked(dir);

        Files.delete(dir.resolve("src/main/site/layouts/footer.html.mustache"));
        s.template("event.js.mustache", "{{> " + secret.toAbsolutePath() + "}}");
        r = new Trackplan().build(config(s));
        assertThat(errors(r)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("TP200")
                .contains("is an absolute path; name a file inside the folder"));
        assertNothingLeaked(dir);
    }

    @Test
    void aBadPartialInAGeneratedPagesTemplateIsLocatedNotAStackTrace(@TempDir Path dir) {
        TestSites s = site(dir).file("src/main/site/layouts/404-content.html.mustache", "<p>{{> ../../pom.xml}}</p>");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly("src/main/site/layouts/404-content.html.mustache:[1,1] TP506 template "
                + "failed: partial '{{> ../../pom.xml}}' in src/main/site/layouts/404-content.html.mustache line 1 has an "
                + "empty, '.' or '..' part; name a file inside the folder");
    }

    @Test
    void layoutNamesFromFrontMatterStayInsideTheLayoutsFolder(@TempDir Path tmp) throws IOException {
        Path secret = secret(tmp);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Files.copy(secret, tmp.resolve("leak.html.mustache"));
        TestSites s = site(dir).page("a.md", "---\nlayout: " + tmp.resolve("leak").toAbsolutePath() + "\n---\n# a\n")
                .page("b.md", "---\nlayout: ../../../../leak\n---\n# b\n")
                .page("c.md", "---\nlayout: \"x\\0y\"\n---\n# c\n");
        BuildResult r = new Trackplan().build(config(s));
        assertThat(errors(r)).containsExactly(
                "src/main/site/pages/a.md:[2,9] TP503 layout '" + tmp.resolve("leak").toAbsolutePath() + "' is an "
                        + "absolute path; name a file inside the folder (a layout is a file name in src/main/site/layouts/, "
                        + "without .html.mustache)",
                "src/main/site/pages/b.md:[2,9] TP503 layout '../../../../leak' has an empty, '.' or '..' part; name a "
                        + "file inside the folder (a layout is a file name in src/main/site/layouts/, without .html.mustache)",
                "src/main/site/pages/c.md:[2,9] TP503 layout 'x\\u0000y' contains the character U+0000, which a file "
                        + "name here may not (a layout is a file name in src/main/site/layouts/, without .html.mustache)");
        assertNothingLeaked(dir);
    }
}
