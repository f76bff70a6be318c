package dev.trackplan.site;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of dated pages, newest first, at most {@link #LIMIT} entries. Every URL
 * is absolute (baseUrl + path); {@code updated} comes from the pages' dates, never from the clock, so
 * equal sources give a byte-identical feed.
 */
final class AtomFeed {
    static final int LIMIT = 20;
    static final String NS = "http://www.w3.org/2005/Atom";
    /** Characters XML 1.0 does not allow, even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");
    /** The JDK's own writer, whatever else is on the class path: the same bytes everywhere. */
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    /** An entry: the page and the summary shown for it. */
    record Entry(Page page, String summary, String author) {}

    private AtomFeed() {}

    /**
     * @param title    the feed's title
     * @param selfPath the feed's own site path ("/blog/feed.xml")
     * @param htmlPath the page it is the feed of ("/blog/")
     * @param entries  dated pages, newest first (cut to {@link #LIMIT})
     */
    static String xml(SiteSettings s, String title, String subtitle, String selfPath, String htmlPath,
            List<Entry> entries) {
        List<Entry> shown = entries.subList(0, Math.min(LIMIT, entries.size()));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("xml:lang", s.options().lang());
            text(w, 1, "title", title);
            if (subtitle != null && !subtitle.isBlank()) {
                text(w, 1, "subtitle", subtitle);
            }
            link(w, 1, "self", "application/atom+xml", s.absolute(selfPath));
            link(w, 1, "alternate", "text/html", s.absolute(htmlPath));
            text(w, 1, "id", s.absolute(selfPath));
            text(w, 1, "updated", rfc3339(shown.stream().mapToLong(e -> e.page().lastmodMillis().orElse(0))
                    .max().orElse(0)));
            indent(w, 1);
            w.writeStartElement("author");
            text(w, 2, "name", s.siteTitle());
            indent(w, 1);
            w.writeEndElement();
            text(w, 1, "generator", "Trackplan");
            for (Entry e : shown) {
                entry(w, s, e);
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, SiteSettings s, Entry e) throws XMLStreamException {
        Page p = e.page();
        indent(w, 1);
        w.writeStartElement("entry");
        text(w, 2, "title", p.title());
        link(w, 2, "alternate", "text/html", s.absolute(p.url()));
        text(w, 2, "id", s.absolute(p.url()));
        text(w, 2, "published", rfc3339(p.dateMillis().orElseThrow()));
        text(w, 2, "updated", rfc3339(p.lastmodMillis().orElseThrow()));
        if (e.author() != null && !e.author().isBlank()) {
            indent(w, 2);
            w.writeStartElement("author");
            text(w, 3, "name", e.author());
            indent(w, 2);
            w.writeEndElement();
        }
        for (String tag : p.extras().tags()) {
            if (!Tags.slug(tag).isEmpty()) {
                indent(w, 2);
                w.writeEmptyElement("category");
                w.writeAttribute("term", clean(Tags.slug(tag)));
                w.writeAttribute("label", clean(tag));
                w.writeAttribute("scheme", s.absolute("/tags/"));
            }
        }
        if (e.summary() != null && !e.summary().isBlank()) {
            indent(w, 2);
            w.writeStartElement("summary");
            w.writeAttribute("type", "text");
            w.writeCharacters(clean(e.summary()));
            w.writeEndElement();
        }
        indent(w, 1);
        w.writeEndElement();
    }

    static String rfc3339(long millis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis));
    }

    private static void text(XMLStreamWriter w, int depth, String name, String value) throws XMLStreamException {
        indent(w, depth);
        w.writeStartElement(name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, int depth, String rel, String type, String href)
            throws XMLStreamException {
        indent(w, depth);
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", clean(href));
    }

    private static void indent(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static String clean(String s) {
        return NOT_XML.matcher(s).replaceAll("");
    }
}
