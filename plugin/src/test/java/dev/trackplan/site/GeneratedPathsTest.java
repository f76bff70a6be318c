package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List pages, tag pages, feeds and aliases take part in "every site path has one owner" (TP509). */
class GeneratedPathsTest {

    @Test
    void pagesAndAssetsNamedLikeGeneratedFilesAreReported(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(12)
                .page("blog/page/2.md", "---\ntitle: Mine\n---\nx\n")
                .page("tags/news.md", "---\ntitle: News tag\n---\nx\n")
                .file("assets/feed.xml", "<feed/>")
                .file("assets/blog/feed.xml", "<feed/>");
        s.build();
        assertThat(s.errors()).hasSize(4).allMatch(e -> e.contains("TP509"));
        assertThat(s.errors()).anyMatch(e -> e.startsWith("pages/blog/page/2.md:") && e.contains("blog/page/2/index.html"));
        assertThat(s.errors()).anyMatch(e -> e.startsWith("pages/tags/news.md:") && e.contains("tags/news/index.html"));
        assertThat(s.errors()).anyMatch(e -> e.startsWith("assets/feed.xml:") && e.contains("/feed.xml"));
        assertThat(s.errors()).anyMatch(e -> e.startsWith("assets/blog/feed.xml:") && e.contains("/blog/feed.xml"));
    }

    @Test
    void anAliasOnAnAssetIsReportedAtTheAlias(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\naliases: [/img/x.html]\n---\nx\n")
                .file("assets/img/x.html", "<p>x</p>");
        s.build();
        assertThat(s.errors()).singleElement().asString().startsWith("pages/a.md:[3,11]").contains("TP509")
                .contains("alias /img/x.html of page pages/a.md").contains("asset assets/img/x.html");
    }
}
