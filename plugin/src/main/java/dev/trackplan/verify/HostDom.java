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
 *
 * <p>Everything the page's code can learn about the page passes through here (its address too),
 * so every call is written down with its answer ({@link #trace()}): asked again of another page,
 * the same questions with the same answers mean the code cannot tell the two pages apart
 * ({@link Situations}).
 */
public final class HostDom {
    private final Document doc;
    private final String url;
    private final List<DomStep> trace = new ArrayList<>();
    private Deadline deadline;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Integer> ids = new IdentityHashMap<>();
    /** Selectors already checked, in any page view (a site's pages ask for the same few again and again). */
    private static final Map<String, BrowserSelector> VALID = new java.util.concurrent.ConcurrentHashMap<>();
    /** Selectors already checked in this page view (the page asks for the same few again and again). */
    private final Map<String, BrowserSelector> checked = new java.util.HashMap<>();
    /** Selectors parsed for this page as it is now; dropped when the page's code changes an attribute. */
    private final Map<String, BrowserSelector.OnPage> parsed = new java.util.HashMap<>();

    public HostDom(Document doc, Deadline deadline) {
        this(doc, "", deadline);
    }

    /** The page at {@code url}, as its code sees it. */
    public HostDom(Document doc, String url, Deadline deadline) {
        this.doc = doc;
        this.url = url;
        this.deadline = deadline;
    }

    /** Every question asked of the page so far, with its answer, in order. */
    List<DomStep> trace() {
        return trace;
    }

    private boolean changed;

    /** Whether the page's code changed the page (an attribute set or removed). */
    boolean changed() {
        return changed;
    }

    private void threw(RuntimeException e, String method, Object... args) {
        trace.add(new DomStep(method, java.util.Arrays.asList(args.clone()), DomStep.threw(e)));
    }

    private <T> T log(T answer, String method, Object... args) {
        trace.add(new DomStep(method, java.util.Arrays.asList(args.clone()), answer == null ? DomStep.NULL : answer));
        return answer;
    }

    /** Asks this page the question of {@code step} (for a trace taken on another page); its answer. */
    Object ask(DomStep step) {
        int before = trace.size();
        try {
            return asked(step);
        } catch (RuntimeException e) {
            return DomStep.threw(e);
        } finally {
            while (trace.size() > before) { // asked only to compare: not this page's own history
                trace.remove(trace.size() - 1);
            }
        }
    }

    private Object asked(DomStep step) {
        List<Object> a = step.args();
        Object answer = switch (step.method()) {
            case "selectorError" -> selectorError((String) a.get(0));
            case "documentElement" -> documentElement();
            case "head" -> head();
            case "body" -> body();
            case "title" -> title();
            case "url" -> url();
            case "select" -> select((Integer) a.get(0), (String) a.get(1));
            case "matches" -> matches((Integer) a.get(0), (String) a.get(1));
            case "closest" -> closest((Integer) a.get(0), (String) a.get(1));
            case "parent" -> parent((Integer) a.get(0));
            case "nodeType" -> nodeType((Integer) a.get(0));
            case "tag" -> tag((Integer) a.get(0));
            case "attr" -> attr((Integer) a.get(0), (String) a.get(1));
            case "hasAttr" -> hasAttr((Integer) a.get(0), (String) a.get(1));
            case "setAttr" -> {
                setAttr((Integer) a.get(0), (String) a.get(1), (String) a.get(2));
                yield DomStep.NULL;
            }
            case "removeAttr" -> {
                removeAttr((Integer) a.get(0), (String) a.get(1));
                yield DomStep.NULL;
            }
            case "text" -> text((Integer) a.get(0));
            case "value" -> value((Integer) a.get(0));
            case "byId" -> byId((String) a.get(0));
            case "hostSelect" -> ids(hostSelect((String) a.get(0)));
            default -> throw new IllegalArgumentException("no such question: " + step.method());
        };
        return answer == null ? DomStep.NULL : answer;
    }

    /** The page's address, as its code reads it from {@code location}. */
    private String urlAsked() {
        return log(url, "url");
    }

    /** The elements of the page {@code css} matches, as the verifier (not the page) asks. */
    List<Element> hostSelect(String css) {
        List<Element> out = new ArrayList<>();
        try {
            for (Element e : onPage(css).select(doc, deadline)) {
                if (e != doc) {
                    out.add(e);
                }
            }
        } catch (RuntimeException e) {
            threw(e, "hostSelect", css);
            throw e;
        }
        log(ids(out), "hostSelect", css);
        return out;
    }

    private String ids(List<Element> els) {
        StringJoiner j = new StringJoiner(",");
        for (Element e : els) {
            j.add(String.valueOf(id(e)));
        }
        return j.toString();
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
        if (known == null) {
            known = VALID.get(css);
            if (known != null && checked.size() < 256) {
                checked.put(css, known);
            }
        }
        if (known != null) {
            return known;
        }
        try {
            BrowserSelector s = BrowserSelector.parse(css);
            if (VALID.size() < 4096) {
                VALID.put(css, s); // a checked selector is only its text: safe to share between page views
            }
            if (checked.size() < 256) {
                checked.put(css, s);
            }
            return s;
        } catch (BrowserSelector.InvalidSelectorException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** The selector, parsed for this page as it is now (once per page view while nothing changes). */
    private BrowserSelector.OnPage onPage(String css) {
        BrowserSelector.OnPage p = parsed.get(css);
        if (p == null) {
            p = selector(css).onPage();
            if (parsed.size() < 4096) {
                parsed.put(css, p);
            }
        }
        return p;
    }

    /**
     * Checks a selector the way the browser would reject it (a SyntaxError for invalid CSS), and
     * refuses what the verification cannot match at a bounded cost (jsoup's regex selectors, very
     * long selectors): browsers accept a few of those, the verification does not.
     */
    private String selectorErrorAsked(String css) {
        if (checked.containsKey(css)) {
            return log(null, "selectorError", css);
        }
        try {
            selector(css);
            return log(null, "selectorError", css);
        } catch (IllegalArgumentException e) {
            return log(e.getMessage(), "selectorError", css);
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

    private int documentElementAsked() {
        return log(id(doc.child(0)), "documentElement");
    }

    private int headAsked() {
        return log(id(doc.head()), "head");
    }

    private int bodyAsked() {
        return log(id(doc.body()), "body");
    }

    private String titleAsked() {
        return log(doc.title(), "title");
    }

    private String selectAsked(int scope, String css) {
        Element root = scope < 0 ? doc : el(scope);
        StringJoiner j = new StringJoiner(",");
        for (Element e : onPage(css).select(root, deadline)) {
            if (e != root) {
                j.add(String.valueOf(id(e)));
            }
        }
        return log(j.toString(), "select", scope, css);
    }

    private boolean matchesAsked(int id, String css) {
        Element e = el(id);
        return log(e != null && onPage(css).matches(e, deadline), "matches", id, css);
    }

    private int closestAsked(int id, String css) {
        Element e = el(id);
        if (e == null) {
            return log(-1, "closest", id, css);
        }
        Element c = onPage(css).closest(e, deadline);
        return log(c == null ? -1 : id(c), "closest", id, css);
    }

    private int parentAsked(int id) {
        Node p = node(id).parentNode();
        return log(p == null || p == doc ? -1 : id(p), "parent", id);
    }

    private int nodeTypeAsked(int id) {
        return log(node(id) instanceof Element ? 1 : node(id) instanceof TextNode ? 3 : 8, "nodeType", id);
    }

    private String tagAsked(int id) {
        Element e = el(id);
        return log(e == null ? "" : e.tagName().toUpperCase(java.util.Locale.ROOT), "tag", id);
    }

    private String attrAsked(int id, String name) {
        Element e = el(id);
        return log(e != null && e.hasAttr(name) ? e.attr(name) : null, "attr", id, name);
    }

    private boolean hasAttrAsked(int id, String name) {
        Element e = el(id);
        return log(e != null && e.hasAttr(name), "hasAttr", id, name);
    }

    private void setAttrAsked(int id, String name, String value) {
        Element e = el(id);
        if (e != null) {
            e.attr(name, value);
            changed = true;
            parsed.clear(); // a structural match remembered by an evaluator may no longer hold
        }
        log(null, "setAttr", id, name, value);
    }

    private void removeAttrAsked(int id, String name) {
        Element e = el(id);
        if (e != null) {
            e.removeAttr(name);
            changed = true;
            parsed.clear();
        }
        log(null, "removeAttr", id, name);
    }

    private String textAsked(int id) {
        Node n = node(id);
        if (n instanceof Element e) {
            return log(e.wholeText(), "text", id);
        }
        return log(n instanceof TextNode t ? t.getWholeText() : "", "text", id);
    }

    /** The value a form control reports: input value attribute, textarea text, selected option. */
    private String valueAsked(int id) {
        return log(valueOf(id), "value", id);
    }

    private String valueOf(int id) {
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

    private int byIdAsked(String elementId) {
        Element e = doc.getElementById(elementId);
        return log(e == null ? -1 : id(e), "byId", elementId);
    }


    // What the page's code may call: every call is noted with its answer, or with the failure it
    // ended in (an exception a page's code catches is an answer like any other)

    @HostAccess.Export
    public String url() {
        try {
            return urlAsked();
        } catch (RuntimeException e) {
            threw(e, "url");
            throw e;
        }
    }

    @HostAccess.Export
    public String selectorError(String css) {
        try {
            return selectorErrorAsked(css);
        } catch (RuntimeException e) {
            threw(e, "selectorError", css);
            throw e;
        }
    }

    @HostAccess.Export
    public int documentElement() {
        try {
            return documentElementAsked();
        } catch (RuntimeException e) {
            threw(e, "documentElement");
            throw e;
        }
    }

    @HostAccess.Export
    public int head() {
        try {
            return headAsked();
        } catch (RuntimeException e) {
            threw(e, "head");
            throw e;
        }
    }

    @HostAccess.Export
    public int body() {
        try {
            return bodyAsked();
        } catch (RuntimeException e) {
            threw(e, "body");
            throw e;
        }
    }

    @HostAccess.Export
    public String title() {
        try {
            return titleAsked();
        } catch (RuntimeException e) {
            threw(e, "title");
            throw e;
        }
    }

    @HostAccess.Export
    public String select(int scope, String css) {
        try {
            return selectAsked(scope, css);
        } catch (RuntimeException e) {
            threw(e, "select", scope, css);
            throw e;
        }
    }

    @HostAccess.Export
    public boolean matches(int id, String css) {
        try {
            return matchesAsked(id, css);
        } catch (RuntimeException e) {
            threw(e, "matches", id, css);
            throw e;
        }
    }

    @HostAccess.Export
    public int closest(int id, String css) {
        try {
            return closestAsked(id, css);
        } catch (RuntimeException e) {
            threw(e, "closest", id, css);
            throw e;
        }
    }

    @HostAccess.Export
    public int parent(int id) {
        try {
            return parentAsked(id);
        } catch (RuntimeException e) {
            threw(e, "parent", id);
            throw e;
        }
    }

    @HostAccess.Export
    public int nodeType(int id) {
        try {
            return nodeTypeAsked(id);
        } catch (RuntimeException e) {
            threw(e, "nodeType", id);
            throw e;
        }
    }

    @HostAccess.Export
    public String tag(int id) {
        try {
            return tagAsked(id);
        } catch (RuntimeException e) {
            threw(e, "tag", id);
            throw e;
        }
    }

    @HostAccess.Export
    public String attr(int id, String name) {
        try {
            return attrAsked(id, name);
        } catch (RuntimeException e) {
            threw(e, "attr", id, name);
            throw e;
        }
    }

    @HostAccess.Export
    public boolean hasAttr(int id, String name) {
        try {
            return hasAttrAsked(id, name);
        } catch (RuntimeException e) {
            threw(e, "hasAttr", id, name);
            throw e;
        }
    }

    @HostAccess.Export
    public void setAttr(int id, String name, String value) {
        try {
            setAttrAsked(id, name, value);
        } catch (RuntimeException e) {
            threw(e, "setAttr", id, name, value);
            throw e;
        }
    }

    @HostAccess.Export
    public void removeAttr(int id, String name) {
        try {
            removeAttrAsked(id, name);
        } catch (RuntimeException e) {
            threw(e, "removeAttr", id, name);
            throw e;
        }
    }

    @HostAccess.Export
    public String text(int id) {
        try {
            return textAsked(id);
        } catch (RuntimeException e) {
            threw(e, "text", id);
            throw e;
        }
    }

    @HostAccess.Export
    public String value(int id) {
        try {
            return valueAsked(id);
        } catch (RuntimeException e) {
            threw(e, "value", id);
            throw e;
        }
    }

    @HostAccess.Export
    public int byId(String elementId) {
        try {
            return byIdAsked(elementId);
        } catch (RuntimeException e) {
            threw(e, "byId", elementId);
            throw e;
        }
    }
}
