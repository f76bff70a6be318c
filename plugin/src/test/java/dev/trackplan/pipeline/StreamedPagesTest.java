package dev.trackplan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.testing.TestSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean build's render workers write each page into the staging folder as they render it
 * (no page is held in memory for the write; only pages an event can fire on are kept for the
 * verification): the site is the same, byte for byte, as one generated in memory, and a build
 * that fails after the pages were staged leaves the previous site as it was and no staging file.
 */
class StreamedPagesTest {

    static final String SPEC = """
            events:
              signup_clicked:
                label: Signup clicked
                trigger:
                  click: a.signup
                properties:
                  plan:
                    type: enumeration
                    options: [pro, team]
                    from: { attribute: data-plan }
                examples:
                  - element: '<a class="signup" data-plan="pro">Sign up</a>'
                    expect: { plan: pro }
            """;

    static TestSites site(Path dir) {
        TestSites s = new TestSites(dir).spec("site.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"signup\" data-plan=\"pro\" href=\"/\">Go</a>\n\n"
                        + "[Posts](/posts/)\n")
                .page("about.md", "---\ntitle: About\ndate: 2024-05-01\n---\nAbout us, with ünïcödé.\n")
                .page("posts/index.md", "---\ntitle: Posts\n---\nAll posts.\n");
        for (int i = 0; i < 12; i++) {
            s.page("posts/p" + i + ".md", "---\ntitle: Post " + i + "\ndate: 2024-01-" + (10 + i) + "\ntags: [t" + (i % 3)
                    + "]\n---\nPost " + i + " text, [home](/).\n");
        }
        return s;
    }

    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }

    private static List<String> staging(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("target"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains("staging")).toList();
        }
    }

    @Test
    void pagesAreStagedAsRenderedAndTheSiteIsTheSameAsOneHeldInMemory(@TempDir Path a, @TempDir Path b)
            throws IOException {
        Trackplan streamed = new Trackplan();
        List<String> seen = new ArrayList<>();
        streamed.siteUsed = site -> {
            // right after the site stage, before the verification: the pages are in the staging folder
            Path staging = a.resolve("target/.site.trackplan-staging");
            for (GeneratedSite.HtmlPage p : site.pages()) {
                if (p.stored()) {
                    seen.add(p.url());
                    assertThat(staging.resolve(p.file())).exists();
                    try {
                        assertThat(p.html()).isEqualTo(Files.readString(staging.resolve(p.file())));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            assertThat(site.files().get("about/index.html")).isNotNull();
        };
        BuildResult r = streamed.build(site(a).config());
        assertThat(r.errors()).isEmpty();
        assertThat(seen).contains("/about/", "/posts/p3/", "/posts/", "/tags/t1/");
        BuildResult held;
        try (Trackplan inMemory = Trackplan.keptWarm()) { // the dev server's pipeline holds its pages in memory
            List<Boolean> anyStored = new ArrayList<>();
            inMemory.siteUsed = site -> anyStored.add(site.pages().stream().anyMatch(p -> p.stored()));
            held = inMemory.build(site(b).config());
            assertThat(anyStored).containsExactly(false);
        }
        assertThat(held.errors()).isEmpty();
        Map<String, String> one = files(a.resolve("target/site"));
        assertThat(one).hasSizeGreaterThan(20).isEqualTo(files(b.resolve("target/site")));
        assertThat(staging(a)).isEmpty();
    }

    @Test
    void aBuildThatFailsAfterItsPagesWereStagedLeavesThePreviousSiteAndNoStagingFile(@TempDir Path dir)
            throws IOException {
        TestSites s = site(dir);
        assertThat(new Trackplan().build(s.config()).errors()).isEmpty();
        Path site = dir.resolve("target/site");
        Map<String, String> good = files(site);
        // the verification fails (an example on a page rendered and staged by then)
        s.page("pricing.md", "---\ntitle: Pricing\n---\n<a class=\"signup\" data-plan=\"team\" href=\"/\">Team</a>\n");
        s.spec("site.yaml", SPEC + "      - page: /pricing/\n        expect: { plan: pro }\n");
        Trackplan failing = new Trackplan();
        failing.incremental = false; // staged, whatever the last build left
        List<Boolean> staged = new ArrayList<>();
        failing.siteUsed = x -> staged.add(x.pages().stream().anyMatch(p -> p.stored()));
        BuildResult r = failing.build(s.config());
        assertThat(r.failed()).isTrue();
        assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("TP301");
        assertThat(staged).containsExactly(true);
        assertThat(files(site)).isEqualTo(good);
        assertThat(staging(dir)).isEmpty();
        // a broken link (found after every page was staged) fails the same way
        s.spec("site.yaml", SPEC);
        s.page("pricing.md", "---\ntitle: Pricing\n---\nSee [nothing](/nowhere/).\n");
        BuildResult broken = failing.build(s.config());
        assertThat(broken.errors()).extracting(Diagnostic::code).containsExactly("TP504");
        assertThat(files(site)).isEqualTo(good);
        assertThat(staging(dir)).isEmpty();
        // and the next good build goes through, staged again
        Files.delete(dir.resolve("src/main/site/pages/pricing.md"));
        assertThat(failing.build(s.config()).errors()).isEmpty();
        assertThat(files(site)).isEqualTo(good);
    }
}
