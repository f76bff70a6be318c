package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontMatterTest {

    @Test
    void paramsReachLayoutsAndMetaBecomesMetaTags(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("post.md", """
                ---
                title: Post
                layout: special
                params:
                  hero: true
                  cta: { label: Try it, href: /signup/ }
                  colors: [red, blue]
                meta:
                  author: Ann
                  og:locale: en_GB
                ---
                body
                """).file("layouts/special.html.mustache", """
                <html><head>{{> head.html.mustache}}</head><body>
                {{#page.params.hero}}<b>hero</b>{{/page.params.hero}}<a href="{{page.params.cta.href}}">{{page.params.cta.label}}</a>
                {{#page.params.colors}}<i>{{.}}</i>{{/page.params.colors}}
                </body></html>
                """).page("signup.md", "---\ntitle: Sign up\n---\nx\n");
        s.build();
        assertThat(s.errors()).isEmpty();
        Document doc = s.html("post/index.html");
        assertThat(doc.select("b").text()).isEqualTo("hero");
        assertThat(doc.select("a[href=/signup/]").text()).isEqualTo("Try it");
        assertThat(doc.select("i").eachText()).containsExactly("red", "blue");
        assertThat(doc.select("meta[name=author]").attr("content")).isEqualTo("Ann");
        assertThat(doc.select("meta[property=og:locale]").attr("content")).isEqualTo("en_GB");
    }

    @Test
    void unknownKeysAreReportedWithTheNewKeysSuggested(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", "---\ntitle: A\ntag: [x]\npublishdate: 2026-01-01\nauthor: Ann\n---\nx\n");
        s.build();
        assertThat(s.errors()).hasSize(3);
        assertThat(s.errors().get(0)).contains("pages/a.md:[3,1]").contains("TP501").contains("'tag'; did you mean 'tags'?");
        assertThat(s.errors().get(1)).contains("'publishdate'; did you mean 'publishDate'?");
        assertThat(s.errors().get(2)).contains("'author'").contains("params:").contains("meta:");
    }

    @Test
    void wrongShapesAreReportedAtTheValue(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).page("a.md", """
                ---
                title: A
                params: [1, 2]
                meta: { author: [x] }
                nav: maybe
                menu: first
                tags: [{a: b}]
                ---
                x
                """);
        s.build();
        assertThat(s.errors()).hasSize(5);
        assertThat(s.errors().get(0)).contains("[3,9]").contains("params must be a map, found list");
        assertThat(s.errors().get(1)).contains("[4,17]").contains("meta.author must be a single value, found list");
        assertThat(s.errors().get(2)).contains("[5,6]").contains("nav must be true or false, found 'maybe'");
        assertThat(s.errors().get(3)).contains("[6,7]").contains("menu must be a whole number, found 'first'");
        assertThat(s.errors().get(4)).contains("[7,8]").contains("each of tags must be a non-empty text, found map");
    }
}
