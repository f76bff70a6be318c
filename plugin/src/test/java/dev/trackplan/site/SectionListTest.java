package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections: a folder's index lists its pages newest first, paginated (Hugo's conventions). */
class SectionListTest {

    @Test
    void twelvePostsPageAsTenPlusTwoNewestFirst(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(12);
        s.build();
        assertThat(s.errors()).isEmpty();
        Document first = s.html("blog/index.html");
        assertThat(first.select(".post-list h2").eachText())
                .containsExactly("Post 12", "Post 11", "Post 10", "Post 09", "Post 08", "Post 07", "Post 06",
                        "Post 05", "Post 04", "Post 03");
        assertThat(first.select(".post-list .meta time").first().attr("datetime")).isEqualTo("2026-01-12T00:00:00Z");
        assertThat(first.select(".post-list p").eachText()).contains("Body of post 12.");
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/blog/page/2/");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("main > p").first().text()).isEqualTo("Our news.");
        Document second = s.html("blog/page/2/index.html");
        assertThat(second.select(".post-list h2").eachText()).containsExactly("Post 02", "Post 01");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/blog/");
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(second.title()).startsWith("Blog (page 2 of 2)");
        assertThat(second.select("main").text()).doesNotContain("Our news.");
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo("https://www.example.com/blog/page/2/");
        assertThat(s.site.files()).doesNotContainKey("blog/page/3/index.html").doesNotContainKey("blog/page/1/index.html");
        assertThat(s.html("blog/post-05/index.html").select("h1").text()).isEqualTo("Post 05");
    }

    @Test
    void pagingEdgesExactlyFullOneOverAndSmallPages(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(10);
        s.build();
        assertThat(s.site.files()).containsKey("blog/index.html").doesNotContainKey("blog/page/2/index.html");
        assertThat(s.html("blog/index.html").select(".pagination")).isEmpty();

        BlogSites eleven = new BlogSites(dir.resolve("eleven")).posts(11);
        eleven.build();
        assertThat(eleven.html("blog/page/2/index.html").select(".post-list h2").eachText()).containsExactly("Post 01");

        BlogSites small = new BlogSites(dir.resolve("small")).posts(5)
                .page("blog/index.md", "---\ntitle: Blog\npaginate: 2\n---\n");
        small.build();
        assertThat(small.errors()).isEmpty();
        assertThat(small.html("blog/page/3/index.html").select(".post-list h2").eachText()).containsExactly("Post 01");
        assertThat(small.html("blog/page/2/index.html").select(".pagination .page-number").text())
                .isEqualTo("Page 2 of 3");
        assertThat(small.site.files()).doesNotContainKey("blog/page/4/index.html");
    }

    @Test
    void aBadPaginateIsReported(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(2).page("blog/index.md", "---\ntitle: Blog\npaginate: 0\n---\n");
        s.build();
        assertThat(s.errors()).singleElement().asString().contains("pages/blog/index.md:[3,11]").contains("TP502")
                .contains("paginate must be a whole number of at least 1, found '0'");
    }

    @Test
    void orderIsDateThenWeightThenTitleAndUndatedPagesComeLast(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("docs/index.md", "---\ntitle: Docs\n---\n")
                .page("docs/b.md", "---\ntitle: B\ndate: 2026-03-01\nweight: 2\n---\nb\n")
                .page("docs/a.md", "---\ntitle: A\ndate: 2026-03-01\nweight: 2\n---\na\n")
                .page("docs/c.md", "---\ntitle: C\ndate: 2026-03-01\nweight: 1\n---\nc\n")
                .page("docs/later.md", "---\ntitle: Later\ndate: 2026-03-01T10:00:00+01:00\n---\nl\n")
                .page("docs/undated.md", "---\ntitle: Undated\n---\nu\n")
                .page("docs/newest.md", "---\ntitle: Newest\ndate: 2026-04-01\n---\nn\n");
        s.build();
        assertThat(s.html("docs/index.html").select(".post-list h2").eachText())
                .containsExactly("Newest", "Later", "C", "A", "B", "Undated");
    }

    @Test
    void summaryIsFrontMatterElseFirstParagraphAndALayoutCanBeChosen(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("news/index.html", "---\ntitle: News\nlayout: cards\n---\n<p>Intro</p>")
                .page("news/one.md", "---\ntitle: One\ndate: 2026-01-01\nsummary: Short and sweet.\n---\nLong text.\n")
                .page("news/two.html", "---\ntitle: Two\ndate: 2026-01-02\n---\n<h2>Sub</h2><p>First <b>para</b>.</p><p>x</p>")
                .file("layouts/cards.html.mustache", "<html><body>{{#list.pages}}<i>{{title}}={{summary}}</i>"
                        + "{{/list.pages}}</body></html>");
        s.build();
        assertThat(s.errors()).isEmpty();
        assertThat(s.html("news/index.html").select("i").eachText())
                .containsExactly("Two=First para.", "One=Short and sweet.");
    }

    @Test
    void aFolderOfDraftsStillListsNothingAndPlainFoldersStayPages(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("blog/index.md", "---\ntitle: Blog\n---\n")
                .page("blog/wip.md", "---\ntitle: WIP\ndraft: true\n---\nx\n")
                .page("pricing/index.html", "---\ntitle: Pricing\n---\n<p>Plans</p>");
        s.build();
        assertThat(s.html("blog/index.html").select("main").text()).contains("Nothing here yet.");
        assertThat(s.html("pricing/index.html").select(".post-list, .pagination")).isEmpty();
        assertThat(s.site.files()).doesNotContainKey("blog/wip/index.html");
    }
}
