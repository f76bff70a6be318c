package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Checks that every internal link and asset reference of every page points at a generated file. */
final class LinkChecker {
    private static final Evaluator REFERENCES = QueryParser.parse("a[href], link[href], script[src], img[src], source[src]");
    private final Set<String> files;

    LinkChecker(Set<String> files) {
        this.files = files;
    }

    /** {@code sources}: the source page of each URL, to report a link at its line and column. */
    void check(List<GeneratedSite.HtmlPage> pages, Map<String, Document> docs, Map<String, Page> sources, Diagnostics d) {
        for (GeneratedSite.HtmlPage p : pages) {
            Document doc = docs.get(p.url());
            if (doc == null) {
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (Element el : doc.select(REFERENCES)) {
                String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                String target = resolve(p.url(), ref);
                if (target != null && !exists(target)) {
                    int nth = seen.merge(ref, 1, Integer::sum);
                    d.error(locate(sources.get(p.url()), ref, nth, p.source()), SiteRules.BROKEN_LINK, "page " + p.url() + " links to '" + ref
                            + "', which is not part of the site (<" + el.tagName() + "> \"" + abbreviate(el.text())
                            + "\")");
                }
            }
        }
    }

    /**
     * Where the {@code nth} occurrence of {@code ref} is written in the page's source; the page's
     * first line when the link comes from the layout.
     */
    static SourcePos locate(Page page, String ref, int nth, String shown) {
        if (page == null || ref.isEmpty()) {
            return SourcePos.of(shown);
        }
        String body = page.body();
        int at = -1;
        for (int i = 0; i < nth; i++) {
            int next = body.indexOf(ref, at + 1);
            if (next < 0) {
                break;
            }
            at = next;
        }
        if (at < 0) {
            return SourcePos.of(shown);
        }
        int line = page.bodyPos().line();
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (body.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourcePos(page.source(), line, at - lineStart + 1);
    }

    /** The site path a reference points at, or null for external and non-file references. */
    static String resolve(String pageUrl, String ref) {
        if (ref.isBlank() || ref.startsWith("#") || ref.startsWith("//") || ref.startsWith("mailto:")
                || ref.startsWith("tel:") || ref.startsWith("javascript:") || ref.startsWith("data:")) {
            return null;
        }
        try {
            URI u = new URI(ref);
            if (u.getScheme() != null || u.getAuthority() != null) {
                return null;
            }
            URI resolved = new URI("http", "site", pageUrl, null).resolve(u);
            return resolved.getPath();
        } catch (URISyntaxException e) {
            return ref;
        }
    }

    private boolean exists(String path) {
        String rel = path.startsWith("/") ? path.substring(1) : path;
        if (rel.isEmpty()) {
            return files.contains("index.html");
        }
        return files.contains(rel) || files.contains(rel.endsWith("/") ? rel + "index.html" : rel + "/index.html");
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
