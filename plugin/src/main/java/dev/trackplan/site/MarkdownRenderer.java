package dev.trackplan.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GFM tables and heading anchors (ids on headings for #links). The anchors are
 * made here rather than by commonmark's heading-anchor extension, which lowercases with the JVM's
 * locale: under a Turkish locale "TITLE" became "tıtle" and every #link to it broke.
 */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> ext = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(ext).build();
        this.renderer = HtmlRenderer.builder().extensions(ext).attributeProviderFactory(c -> new HeadingIds()).build();
    }

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    String render(Node document) {
        return renderer.render(document);
    }

    /** One per rendered document, so repeated headings get -1, -2 suffixes as before. */
    private static final class HeadingIds implements AttributeProvider {
        private final IdGenerator ids = IdGenerator.builder().build();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading) {
                StringBuilder text = new StringBuilder();
                node.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text t) {
                        text.append(t.getLiteral());
                    }

                    @Override
                    public void visit(Code c) {
                        text.append(c.getLiteral());
                    }
                });
                // lowercased here without locale; the generator's own lowercasing then has nothing left to change
                attributes.put("id", ids.generateId(text.toString().trim().toLowerCase(Locale.ROOT)));
            }
        }
    }
}
