package dev.trackplan.site;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the layouts need to know about a page's content: its HTML, whether it has its own
 * {@code <h1>} (then the layout adds none), and its first paragraph as plain text (the summary
 * when the front matter has none).
 */
public record ContentFacts(String html, boolean ownH1, String firstParagraph) {
    private static final int SUMMARY_MAX = 300;

    /** What the facts depend on: the page's body and whether it is Markdown (the renderer is the plugin's). */
    public static String key(Page p) {
        return dev.trackplan.incremental.Canonical.hash("facts", p.markdown(), p.body());
    }

    /** Computes, on all cores, the facts of the pages {@code cache} does not hold yet, and adds them. */
    public static void prepare(java.util.List<Page> pages, java.util.Map<String, ContentFacts> cache) {
        MarkdownRenderer markdown = new MarkdownRenderer();
        pages.parallelStream().forEach(p -> of(p, markdown, cache));
    }

    /** The page's facts from {@code cache} (by {@link #key}), computed and added when missing. */
    static ContentFacts of(Page p, MarkdownRenderer markdown, java.util.Map<String, ContentFacts> cache) {
        if (cache == null) {
            return of(p, markdown);
        }
        String key = key(p);
        ContentFacts f = cache.get(key);
        if (f == null) {
            f = of(p, markdown);
            cache.put(key, f);
        }
        return f;
    }

    static ContentFacts of(Page p, MarkdownRenderer markdown) {
        if (p.markdown()) {
            Node doc = markdown.parse(p.body());
            boolean[] h1 = {false};
            Paragraph[] first = {null};
            doc.accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    h1[0] |= heading.getLevel() == 1;
                }

                @Override
                public void visit(Paragraph paragraph) {
                    if (first[0] == null) {
                        first[0] = paragraph;
                    }
                }
            });
            String text = first[0] == null ? "" : text(first[0]);
            return new ContentFacts(markdown.render(doc), h1[0], shorten(text));
        }
        // an HTML body is parsed, not serialised: the page keeps its HTML as written
        Document frag = Jsoup.parseBodyFragment(p.body());
        Element para = frag.body().selectFirst("p");
        return new ContentFacts(p.body(), frag.body().selectFirst("h1") != null,
                shorten(para == null ? "" : para.text()));
    }

    /** The words of a Markdown paragraph as a reader sees them: link texts without their targets. */
    private static String text(Node paragraph) {
        StringBuilder sb = new StringBuilder();
        paragraph.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                sb.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                sb.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                sb.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    /** At most {@value #SUMMARY_MAX} characters, cut at a space. */
    static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= SUMMARY_MAX) {
            return t;
        }
        int cut = t.lastIndexOf(' ', SUMMARY_MAX - 1);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(t.charAt(SUMMARY_MAX - 2)) ? SUMMARY_MAX - 2 : SUMMARY_MAX - 1;
        }
        return t.substring(0, cut) + "…";
    }
}
