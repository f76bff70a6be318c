package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AliasPagesTest {

    @Test
    void eachAliasIsARedirectPageWithACanonicalLink(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("blog/new-home.md",
                "---\ntitle: New & home\naliases: [/old/, /2019/post.html, /legacy]\n---\nx\n");
        s.build();
        assertThat(s.errors()).isEmpty();
        for (String file : new String[] {"old/index.html", "2019/post.html", "legacy/index.html"}) {
            Document doc = s.html(file);
            assertThat(doc.select("meta[http-equiv=refresh]").attr("content")).as(file).isEqualTo("0; url=/blog/new-home/");
            assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://www.example.com/blog/new-home/");
            assertThat(doc.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
            assertThat(doc.select("body a").attr("href")).isEqualTo("/blog/new-home/");
            assertThat(doc.title()).isEqualTo("New & home");
        }
        assertThat(s.site.pages()).as("aliases are neither pages to verify nor in the sitemap")
                .noneMatch(p -> p.url().startsWith("/old"));
        assertThat(s.text("sitemap.xml")).doesNotContain("/old/");
    }

    @Test
    void badAndCollidingAliasesAreReported(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("about.md", "---\ntitle: About\n---\nx\n")
                .page("a.md", "---\ntitle: A\naliases:\n  - relative/path\n  - /../etc/\n  - /about/\n  - /q?x=1\n---\nx\n")
                .page("b.md", "---\ntitle: B\naliases: [/shared/]\n---\nx\n")
                .page("c.md", "---\ntitle: C\naliases: [/shared]\n---\nx\n");
        s.build();
        assertThat(s.errors()).hasSize(5);
        assertThat(s.errors().get(0)).contains("pages/a.md:[4,5]").contains("TP502").contains("starting with '/'");
        assertThat(s.errors().get(1)).contains("pages/a.md:[5,5]").contains("'..'");
        assertThat(s.errors().get(2)).contains("pages/a.md:[6,5]").contains("TP509").contains("pages/about.md");
        assertThat(s.errors().get(3)).contains("pages/a.md:[7,5]").contains("'?'");
        assertThat(s.errors().get(4)).contains("pages/c.md:[3,11]").contains("TP509").contains("pages/b.md");
    }

    @Test
    void aliasOutputFiles() {
        assertThat(Aliases.output("/old/")).isEqualTo("old/index.html");
        assertThat(Aliases.output("/old")).isEqualTo("old/index.html");
        assertThat(Aliases.output("/a/b.html")).isEqualTo("a/b.html");
        assertThat(Aliases.problem("/")).isNotNull();
        assertThat(Aliases.problem("//evil.example/")).isNotNull();
        assertThat(Aliases.problem("/ok/path/")).isNull();
    }
}
