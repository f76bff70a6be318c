package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SitemapTest {

    @Test
    void nonAsciiAndSpecialPagePathsMakeAValidSitemapOfEncodedUrls() throws Exception {
        List<GeneratedSite.HtmlPage> pages = List.of(page("/"), page("/über uns/"), page("/a&b<c>/"), page("/404.html"));
        String xml = Sitemap.xml("https://t.example", pages, java.util.Map.of("/", "2026-01-01"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var locs = doc.getElementsByTagName("loc");
        assertThat(locs.getLength()).isEqualTo(3);
        assertThat(locs.item(0).getTextContent()).isEqualTo("https://t.example/");
        assertThat(locs.item(1).getTextContent()).isEqualTo("https://t.example/a&b%3Cc%3E/");
        assertThat(locs.item(2).getTextContent()).isEqualTo("https://t.example/%C3%BCber%20uns/");
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://t.example/</loc><lastmod>2026-01-01</lastmod></url>\n");
    }

    static GeneratedSite.HtmlPage page(String url) {
        return new GeneratedSite.HtmlPage(url, url.substring(1) + "index.html", "", "p.md");
    }
}
