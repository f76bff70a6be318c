package dev.trackplan.site;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** CommonMark with GFM tables and heading anchors (ids on headings for #links). */
public final class MarkdownRenderer {
    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        List<Extension> ext = List.of(TablesExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(ext).build();
        this.renderer = HtmlRenderer.builder().extensions(ext).build();
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
}
