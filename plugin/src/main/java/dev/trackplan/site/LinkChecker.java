package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Checks that every internal link and asset reference of every page points at a generated file.
 * The references are collected while a page is parsed (its only parse) and checked once every
 * file of the site is known.
 */
final class LinkChecker {
    private static final Evaluator REFERENCES = QueryParser.parse("a[href], link[href], script[src], img[src], source[src]");
    private final Set<String> files;

    LinkChecker(Set<String> files) {
        this.files = files;
    }

    /** The page's internal references (external ones are dropped here already). */
    static List<PageLink> linksOf(String pageUrl, Document doc) {
        List<PageLink> out = new ArrayList<>();
        for (Element el : doc.select(REFERENCES)) {
            String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
            if (resolve(pageUrl, ref) != null) {
                out.add(new PageLink(el.tagName(), ref, abbreviate(el.text())));
            }
        }
        return out;
    }

    /**
     * Reports each of the page's links whose target is not a file of the site. {@code page}: the
     * source page (null for generated pages), to report a link at its line and column.
     */
    void check(String pageUrl, String shown, Page page, List<PageLink> links, Diagnostics d) {
        Map<String, Integer> seen = new HashMap<>();
        for (PageLink l : links) {
            String target = resolve(pageUrl, l.ref());
            if (target != null && !exists(target)) {
                int nth = seen.merge(l.ref(), 1, Integer::sum);
                d.error(locate(page, l.ref(), nth, shown), SiteRules.BROKEN_LINK, "page " + pageUrl + " links to '"
                        + l.ref() + "', which is not part of the site (<" + l.tag() + "> \"" + l.text() + "\")");
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
        if (plainAbsolutePath(ref)) {
            return ref; // what the URIs below resolve it to, without parsing two of them (a site has many such links)
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

    /**
     * Whether {@code ref} is a site-absolute path of unreserved characters only ({@code /a/b-c/d.css}):
     * no scheme, authority, query, fragment, escape, empty, {@code .} or {@code ..} segment, so it
     * resolves to itself against any page.
     */
    static boolean plainAbsolutePath(String ref) {
        if (ref.isEmpty() || ref.charAt(0) != '/') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= ref.length(); i++) {
            char c = i < ref.length() ? ref.charAt(i) : '/';
            if (c == '/') {
                int len = i - segmentStart;
                if (i < ref.length() && len == 0) {
                    return false; // "//" (an empty segment)
                }
                if ((len == 1 && ref.charAt(segmentStart) == '.')
                        || (len == 2 && ref.charAt(segmentStart) == '.' && ref.charAt(segmentStart + 1) == '.')) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
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
