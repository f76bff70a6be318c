package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsTest {

    @Test
    void slugsAreLowercaseAsciiWithHyphens() {
        assertThat(Tags.slug("Product news")).isEqualTo("product-news");
        assertThat(Tags.slug("  Ça & Co. ")).isEqualTo("ca-co");
        assertThat(Tags.slug("C++/Java")).isEqualTo("c-java");
        assertThat(Tags.slug("Über-Größe")).isEqualTo("uber-große");
        assertThat(Tags.slug("Привет мир")).isEqualTo("привет-мир");
        assertThat(Tags.slug("2026")).isEqualTo("2026");
        assertThat(Tags.slug("!!!")).isEmpty();
    }

    @Test
    void tagPagesListTheirPagesAndTheIndexCountsThem(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("blog/index.md", "---\ntitle: Blog\n---\n")
                .page("blog/a.md", "---\ntitle: A\ndate: 2026-01-01\ntags: [Product news, Guides]\n---\na\n")
                .page("blog/b.md", "---\ntitle: B\ndate: 2026-01-02\ntags: [product-news]\n---\nb\n")
                .page("blog/c.md", "---\ntitle: C\ndate: 2026-01-03\ntags: [Product news]\n---\nc\n")
                .page("about.md", "---\ntitle: About\ntags: Guides\n---\nabout\n");
        s.build();
        assertThat(s.errors()).isEmpty();
        Document index = s.html("tags/index.html");
        assertThat(index.select(".tag-cloud a").eachText()).containsExactly("Guides 2", "Product news 3");
        assertThat(index.select(".tag-cloud a").eachAttr("href")).containsExactly("/tags/guides/", "/tags/product-news/");
        assertThat(s.html("tags/product-news/index.html").select(".post-list h2").eachText()).containsExactly("C", "B", "A");
        assertThat(s.html("tags/guides/index.html").select(".post-list h2").eachText()).containsExactly("A", "About");
        assertThat(s.html("blog/a/index.html").select("a[rel=tag]").eachAttr("href"))
                .containsExactly("/tags/product-news/", "/tags/guides/");
        assertThat(s.html("index.html").select("footer a[href=/tags/]")).hasSize(1);
    }

    @Test
    void tagPagesPageLikeSections(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(11);
        s.build();
        assertThat(s.html("tags/news/index.html").select(".post-list h2")).hasSize(10);
        assertThat(s.html("tags/news/page/2/index.html").select(".post-list h2").eachText()).containsExactly("Post 01");
    }

    @Test
    void aSiteWithoutTagsHasNoTagPagesAndAPageAtTagsIntroducesThem(@TempDir Path dir) {
        BlogSites none = new BlogSites(dir.resolve("none")).page("index.md", "---\ntitle: Home\n---\nhi\n");
        none.build();
        assertThat(none.site.files().keySet()).noneMatch(f -> f.startsWith("tags/"));
        BlogSites intro = new BlogSites(dir.resolve("intro")).page("index.md", "---\ntitle: Home\ntags: [x]\n---\nhi\n")
                .page("tags/index.md", "---\ntitle: Topics\n---\nEverything we write about.\n");
        intro.build();
        assertThat(intro.errors()).isEmpty();
        Document tags = intro.html("tags/index.html");
        assertThat(tags.select("h1").text()).isEqualTo("Topics");
        assertThat(tags.select("main p").first().text()).isEqualTo("Everything we write about.");
        assertThat(tags.select(".tag-cloud a").eachText()).containsExactly("x 1");
    }

    @Test
    void aTagWithoutLettersOrDigitsIsReported(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\ntags: [ok, \"!!!\"]\n---\na\n");
        s.build();
        assertThat(s.errors()).singleElement().asString().contains("pages/a.md:[3,12]").contains("TP502")
                .contains("tag '!!!' has no letter or digit");
    }
}
