package dev.trackplan.verify;

import dev.trackplan.css.BrowserSelector;
import dev.trackplan.css.Deadline;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.graalvm.polyglot.HostAccess;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The page the bundle sees, backed by jsoup so CSS selectors behave as in the browser. Only these
 * exported methods are visible to the sandboxed script; nodes are passed as integer handles and
 * the JavaScript shim ({@code dom-shim.js}) builds the DOM objects around them.
 */
public final class HostDom {
    private final Document doc;
    private Deadline deadline;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Integer> ids = new IdentityHashMap<>();
    /** Selectors already checked in this page view (the page asks for the same few again and again). */
    private final Map<String, BrowserSelector> checked = new java.util.HashMap<>();

    public HostDom(Document doc, Deadline deadline) {
        this.doc = doc;
        this.deadline = deadline;
    }

    void deadline(Deadline d) {
        this.deadline = d;
    }

    /**
     * The selector as a browser would take it. The shim has already refused invalid ones with a
     * SyntaxError ({@link #selectorError}); this only guards the host against a direct call.
     */
    private BrowserSelector selector(String css) {
        BrowserSelector known = checked.get(css);
        if (known != null) {
            return known;
        }
        try {
            BrowserSelector s = BrowserSelector.parse(css);
            if (checked.size() < 256) {
                checked.put(css, s);
            }
            return s;
        } catch (BrowserSelector.InvalidSelectorException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Checks a selector the way the browser would reject it (a SyntaxError for invalid CSS), and
     * refuses what the verification cannot match at a bounded cost (jsoup's regex selectors, very
     * long selectors): browsers accept a few of those, the verification does not.
     */
    @HostAccess.Export
    public String selectorError(String css) {
        if (checked.containsKey(css)) {
            return null;
        }
        try {
            selector(css);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public Document document() {
        return doc;
    }

    /** The handle of a node, assigned on first sight. */
    public int id(Node n) {
        Integer id = ids.get(n);
        if (id == null) {
            id = nodes.size();
            nodes.add(n);
            ids.put(n, id);
        }
        return id;
    }

    private Node node(int id) {
        return nodes.get(id);
    }

    private Element el(int id) {
        Node n = nodes.get(id);
        return n instanceof Element e ? e : null;
    }

    @HostAccess.Export
    public int documentElement() {
        return id(doc.child(0));
    }

    @HostAccess.Export
    public int head() {
        return id(doc.head());
    }

    @HostAccess.Export
    public int body() {
        return id(doc.body());
    }

    @HostAccess.Export
    public String title() {
        return doc.title();
    }

    @HostAccess.Export
    public String select(int scope, String css) {
        Element root = scope < 0 ? doc : el(scope);
        StringJoiner j = new StringJoiner(",");
        for (Element e : selector(css).select(root, deadline)) {
            if (e != root) {
                j.add(String.valueOf(id(e)));
            }
        }
        return j.toString();
    }

    @HostAccess.Export
    public boolean matches(int id, String css) {
        Element e = el(id);
        return e != null && selector(css).matches(e, deadline);
    }

    @HostAccess.Export
    public int closest(int id, String css) {
        Element e = el(id);
        if (e == null) {
            return -1;
        }
        Element c = selector(css).closest(e, deadline);
        return c == null ? -1 : id(c);
    }

    @HostAccess.Export
    public int parent(int id) {
        Node p = node(id).parentNode();
        return p == null || p == doc ? -1 : id(p);
    }

    @HostAccess.Export
    public int nodeType(int id) {
        return node(id) instanceof Element ? 1 : node(id) instanceof TextNode ? 3 : 8;
    }

    @HostAccess.Export
    public String tag(int id) {
        Element e = el(id);
        return e == null ? "" : e.tagName().toUpperCase(java.util.Locale.ROOT);
    }

    @HostAccess.Export
    public String attr(int id, String name) {
        Element e = el(id);
        return e != null && e.hasAttr(name) ? e.attr(name) : null;
    }

    @HostAccess.Export
    public boolean hasAttr(int id, String name) {
        Element e = el(id);
        return e != null && e.hasAttr(name);
    }

    @HostAccess.Export
    public void setAttr(int id, String name, String value) {
        Element e = el(id);
        if (e != null) {
            e.attr(name, value);
        }
    }

    @HostAccess.Export
    public void removeAttr(int id, String name) {
        Element e = el(id);
        if (e != null) {
            e.removeAttr(name);
        }
    }

    @HostAccess.Export
    public String text(int id) {
        Node n = node(id);
        if (n instanceof Element e) {
            return e.wholeText();
        }
        return n instanceof TextNode t ? t.getWholeText() : "";
    }

    /** The value a form control reports: input value attribute, textarea text, selected option. */
    @HostAccess.Export
    public String value(int id) {
        Element e = el(id);
        if (e == null) {
            return "";
        }
        switch (e.tagName()) {
            case "textarea":
                return e.wholeText();
            case "select": {
                Element opt = e.selectFirst("option[selected]");
                if (opt == null) {
                    opt = e.selectFirst("option");
                }
                return opt == null ? "" : opt.hasAttr("value") ? opt.attr("value") : opt.text();
            }
            case "input": {
                String type = e.attr("type").toLowerCase(java.util.Locale.ROOT);
                if (!e.hasAttr("value") && (type.equals("checkbox") || type.equals("radio"))) {
                    return "on";
                }
                return e.attr("value");
            }
            default:
                return e.hasAttr("value") ? e.attr("value") : "";
        }
    }

    @HostAccess.Export
    public int byId(String elementId) {
        Element e = doc.getElementById(elementId);
        return e == null ? -1 : id(e);
    }


}
