package dev.trackplan.site;

import dev.trackplan.io.XmlText;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** sitemap.xml and robots.txt. */
final class Sitemap {
    private Sitemap() {}

    /** @param lastmods the last change of a page by URL (RFC 3339), where its dates tell */
    static String xml(String baseUrl, List<GeneratedSite.HtmlPage> pages, java.util.Map<String, String> lastmods) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("urlset");
            w.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
            w.writeCharacters("\n");
            for (String u : pages.stream().map(GeneratedSite.HtmlPage::url).filter(u -> !u.endsWith(".html")).sorted().toList()) {
                w.writeCharacters("  ");
                w.writeStartElement("url");
                w.writeStartElement("loc");
                w.writeCharacters(XmlText.clean(baseUrl + encodePath(u)));
                w.writeEndElement();
                String lastmod = lastmods.get(u);
                if (lastmod != null && !lastmod.isEmpty()) {
                    w.writeStartElement("lastmod");
                    w.writeCharacters(XmlText.clean(lastmod));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML into memory cannot fail", e);
        }
        return out.toString();
    }

    /** A page path as a URL path: non-ASCII as UTF-8 percent escapes, as the sitemap protocol requires. */
    static String encodePath(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("page paths are checked before: " + path, e);
        }
    }

    static String robots(String baseUrl) {
        return "User-agent: *\nAllow: /\n\nSitemap: " + baseUrl + "/sitemap.xml\n";
    }
}
