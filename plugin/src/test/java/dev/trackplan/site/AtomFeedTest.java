package dev.trackplan.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The feeds against RFC 4287's rules, checked on the parsed XML. */
class AtomFeedTest {

    @Test
    void sectionAndSiteFeedsFollowTheAtomRules(@TempDir Path dir) throws Exception {
        BlogSites s = new BlogSites(dir).posts(23)
                .page("blog/special.md", "---\ntitle: \"Fish & <chips> \\\"now\\\" \\u0001\"\ndate: 2026-02-01\n"
                        + "lastmod: 2026-02-03T10:00:00+02:00\ntags: [Food & Drink]\nmeta: {author: Ann O'Neil}\n"
                        + "summary: \"a < b && c\"\n---\nx\n")
                .page("about.md", "---\ntitle: About\n---\nNo date, so in no feed.\n");
        s.build();
        assertThat(s.errors()).isEmpty();
        Element section = valid(s.text("blog/feed.xml"));
        Element site = valid(s.text("feed.xml"));
        assertThat(child(section, "title").getTextContent()).isEqualTo("Blog · Test site");
        assertThat(child(section, "id").getTextContent()).isEqualTo("https://www.example.com/blog/feed.xml");
        assertThat(child(site, "id").getTextContent()).isEqualTo("https://www.example.com/feed.xml");
        assertThat(children(section, "entry")).hasSize(AtomFeed.LIMIT);
        Element newest = children(section, "entry").get(0);
        assertThat(child(newest, "title").getTextContent()).isEqualTo("Fish & <chips> \"now\" ");
        assertThat(child(newest, "updated").getTextContent()).isEqualTo("2026-02-03T08:00:00Z");
        assertThat(child(newest, "published").getTextContent()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(child(child(newest, "author"), "name").getTextContent()).isEqualTo("Ann O'Neil");
        assertThat(child(newest, "summary").getTextContent()).isEqualTo("a < b && c");
        assertThat(child(newest, "category").getAttribute("term")).isEqualTo("food-drink");
        assertThat(child(newest, "category").getAttribute("label")).isEqualTo("Food & Drink");
        assertThat(child(section, "updated").getTextContent()).isEqualTo("2026-02-03T08:00:00Z");
        assertThat(child(children(section, "entry").get(1), "title").getTextContent()).isEqualTo("Post 23");
        assertThat(s.text("feed.xml")).doesNotContain("About");
    }

    @Test
    void feedsAreLinkedFromTheHeadAndAreByteIdenticalOnRebuild(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(3);
        s.build();
        String first = s.text("blog/feed.xml");
        var post = s.html("blog/post-01/index.html");
        assertThat(post.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
                .containsExactly("/feed.xml", "/blog/feed.xml");
        assertThat(s.html("index.html").select("link[rel=alternate]").eachAttr("href")).containsExactly("/feed.xml");
        s.build();
        assertThat(s.text("blog/feed.xml")).isEqualTo(first);
        assertThat(first).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    }

    @Test
    void feedsAndListsAreTheSameWhateverTheTimeZoneAndLocale(@TempDir Path dir) {
        java.util.TimeZone tz = java.util.TimeZone.getDefault();
        java.util.Locale locale = java.util.Locale.getDefault();
        try {
            BlogSites a = new BlogSites(dir.resolve("a")).posts(12);
            a.build();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("th-TH-u-nu-thai-ca-buddhist"));
            BlogSites b = new BlogSites(dir.resolve("b")).posts(12);
            b.build();
            for (String f : new String[] {"feed.xml", "blog/feed.xml", "blog/index.html", "blog/page/2/index.html",
                    "tags/news/index.html", "sitemap.xml", "blog/post-03/index.html"}) {
                assertThat(b.text(f)).as(f).isEqualTo(a.text(f));
            }
            assertThat(a.text("blog/index.html")).contains("2026-01-12");
        } finally {
            java.util.TimeZone.setDefault(tz);
            java.util.Locale.setDefault(locale);
        }
    }

    @Test
    void withoutBaseUrlThereAreNoFeedsAndOneWarning(@TempDir Path dir) {
        BlogSites s = new BlogSites(dir).posts(2);
        s.baseUrl = "";
        s.build();
        assertThat(s.site.files()).doesNotContainKeys("feed.xml", "blog/feed.xml");
        assertThat(s.d.warnings()).singleElement().asString().contains("TP514").contains("<baseUrl>");
        assertThat(s.html("blog/index.html").select("link[rel=alternate]")).isEmpty();
    }

    /** Parses the feed and checks RFC 4287's constraints on feed and entries; returns the feed element. */
    static Element valid(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes("UTF-8")));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(AtomFeed.NS);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        exactlyOne(feed, "id", "title", "updated");
        assertThat(children(feed, "author")).as("feed author (entries may then omit theirs)").isNotEmpty();
        absolute(child(feed, "id").getTextContent());
        date(child(feed, "updated").getTextContent());
        assertThat(children(feed, "link").stream().filter(l -> l.getAttribute("rel").equals("self"))).hasSize(1);
        Set<String> ids = new HashSet<>();
        String newest = "";
        for (Element e : children(feed, "entry")) {
            exactlyOne(e, "id", "title", "updated");
            assertThat(ids.add(child(e, "id").getTextContent())).as("entry ids are unique").isTrue();
            absolute(child(e, "id").getTextContent());
            List<Element> alternates = children(e, "link").stream()
                    .filter(l -> l.getAttribute("rel").equals("alternate")).toList();
            assertThat(alternates).as("an entry without content needs one alternate link").hasSize(1);
            absolute(alternates.get(0).getAttribute("href"));
            date(child(e, "updated").getTextContent());
            date(child(e, "published").getTextContent());
            assertThat(children(e, "summary")).hasSizeLessThanOrEqualTo(1);
            for (Element a : children(e, "author")) {
                exactlyOne(a, "name");
            }
            String u = child(e, "updated").getTextContent();
            newest = u.compareTo(newest) > 0 ? u : newest;
        }
        assertThat(child(feed, "updated").getTextContent()).isEqualTo(newest);
        return feed;
    }

    private static void exactlyOne(Element parent, String... names) {
        for (String n : names) {
            assertThat(children(parent, n)).as("exactly one atom:" + n + " in " + parent.getLocalName()).hasSize(1);
        }
    }

    private static void absolute(String iri) {
        assertThat(URI.create(iri).isAbsolute()).as(iri).isTrue();
    }

    private static void date(String rfc3339) {
        assertThat(OffsetDateTime.parse(rfc3339)).isNotNull();
        assertThat(rfc3339).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        assertThat(c).as(name).isNotEmpty();
        return c.get(0);
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && AtomFeed.NS.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
