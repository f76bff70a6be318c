package dev.trackplan.css;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A CSS selector in the subset that both jsoup (the build's matcher) and browsers accept with the
 * same meaning, matched with bounded cost.
 * <p>
 * Refused: jsoup's own extensions ({@code :contains()}, {@code :matches()}, {@code :eq()},
 * {@code [attr!=v]}, {@code [^prefix]}, {@code ::text}, a leading combinator), which throw in a
 * browser's {@code querySelector}; {@code [attr~=v]}, a word match in browsers but a regular
 * expression in jsoup (whose backtracking can take forever); namespaces, attribute flags and
 * nested {@code :has()}, which browsers refuse; and selectors over {@value #MAX_LENGTH} characters
 * (jsoup parses long ones in quadratic time). What is left has no regular expression and costs at
 * most a bounded amount per element, and matching checks a {@link Deadline} per element.
 */
public final class BrowserSelector {
    public static final int MAX_LENGTH = 1024;
    private static final int MAX_NESTING = 8;
    private static final Set<String> PLAIN_PSEUDO = Set.of("first-child", "last-child", "only-child",
            "first-of-type", "last-of-type", "only-of-type", "empty", "root");
    private static final Set<String> NTH_PSEUDO = Set.of("nth-child", "nth-last-child", "nth-of-type",
            "nth-last-of-type");
    private static final Set<String> JSOUP_ONLY = Set.of("contains", "containsown", "containswholetext",
            "containswholeowntext", "containsdata", "matches", "matchesown", "matcheswholetext",
            "matcheswholeowntext", "matchtext", "lt", "gt", "eq", "blank");

    private final String css;

    private BrowserSelector(String css) {
        this.css = css;
    }

    /** A selector that cannot be used; {@link #index()} is the 0-based character at fault. */
    public static final class InvalidSelectorException extends Exception {
        private final int index;

        InvalidSelectorException(String message, int index) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** Checks the selector; the exception says what is wrong and at which character. */
    public static BrowserSelector parse(String css) throws InvalidSelectorException {
        if (css == null || css.isBlank()) {
            throw new InvalidSelectorException("it is empty", 0);
        }
        if (css.length() > MAX_LENGTH) {
            throw new InvalidSelectorException("it is " + css.length() + " characters long, over the limit of "
                    + MAX_LENGTH, MAX_LENGTH);
        }
        new Subset(css).check();
        try {
            QueryParser.parse(css);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidSelectorException(e.getMessage(), 0);
        }
        return new BrowserSelector(css);
    }

    /** Why the selector cannot be used, as one line ("':contains' at character 3 is ..."), or null. */
    public static String problem(String css) {
        try {
            parse(css);
            return null;
        } catch (InvalidSelectorException e) {
            return e.getMessage();
        }
    }

    public String css() {
        return css;
    }

    /**
     * A fresh jsoup evaluator: jsoup memoises structural matches inside an evaluator, so one must
     * not outlive a change of the page.
     */
    private Evaluator evaluator() {
        return QueryParser.parse(css);
    }

    /**
     * This selector for one page while it does not change: jsoup's evaluator is parsed once for
     * it (its memo of structural matches is valid only while the page is the same). Drop it when
     * the page changes.
     */
    public OnPage onPage() {
        return new OnPage(evaluator());
    }

    /** The selector parsed for one unchanged page ({@link #onPage()}). */
    public static final class OnPage {
        private final Evaluator ev;

        private OnPage(Evaluator ev) {
            this.ev = ev;
        }

        /** As {@link BrowserSelector#select}. */
        public List<Element> select(Element root, Deadline deadline) {
            return BrowserSelector.select(ev, root, deadline);
        }

        /** As {@link BrowserSelector#matches}. */
        public boolean matches(Element el, Deadline deadline) {
            deadline.check();
            return ev.matches(el.root(), el);
        }

        /** As {@link BrowserSelector#closest}. */
        public Element closest(Element el, Deadline deadline) {
            return BrowserSelector.closest(ev, el, deadline);
        }
    }

    /** The elements under {@code root} (itself included) that match, in document order. */
    public List<Element> select(Element root, Deadline deadline) {
        return select(evaluator(), root, deadline);
    }

    private static List<Element> select(Evaluator ev, Element root, Deadline deadline) {
        List<Element> out = new ArrayList<>();
        for (Element el : root.getAllElements()) {
            deadline.check();
            if (ev.matches(root, el)) {
                out.add(el);
            }
        }
        return out;
    }

    /** The first match under {@code root} (itself included), or null. */
    public Element first(Element root, Deadline deadline) {
        Evaluator ev = evaluator();
        for (Element el : root.getAllElements()) {
            deadline.check();
            if (ev.matches(root, el)) {
                return el;
            }
        }
        return null;
    }

    /** Whether the element matches, as {@code element.matches(css)} in a browser. */
    public boolean matches(Element el, Deadline deadline) {
        deadline.check();
        return evaluator().matches(el.root(), el);
    }

    /** The element or its nearest ancestor that matches, as {@code element.closest(css)}; or null. */
    public Element closest(Element el, Deadline deadline) {
        return closest(evaluator(), el, deadline);
    }

    private static Element closest(Evaluator ev, Element el, Deadline deadline) {
        Element root = el.root();
        for (Element c = el; c != null; c = c.parent()) {
            deadline.check();
            if (ev.matches(root, c)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return css;
    }

    /** A scan of the selector grammar, refusing what is outside the shared subset. */
    private static final class Subset {
        private final String s;
        private int i;
        private int depth;
        private boolean inHas;

        Subset(String s) {
            this.s = s;
        }

        void check() throws InvalidSelectorException {
            skipWs();
            group(false);
            skipWs();
            if (i < s.length()) {
                throw unexpected();
            }
        }

        private void group(boolean relative) throws InvalidSelectorException {
            selector(relative);
            skipWs();
            while (peek() == ',') {
                i++;
                skipWs();
                selector(relative);
                skipWs();
            }
        }

        private void selector(boolean relative) throws InvalidSelectorException {
            if (isCombinator(peek())) {
                if (!relative) {
                    throw fail("a selector cannot start with '" + peek() + "' (only inside :has())", i);
                }
                i++;
                skipWs();
            }
            compound();
            while (true) {
                boolean ws = skipWs();
                char c = peek();
                if (isCombinator(c)) {
                    i++;
                    skipWs();
                    compound();
                } else if (ws && c != 0 && c != ',' && c != ')') {
                    compound();
                } else {
                    return;
                }
            }
        }

        private void compound() throws InvalidSelectorException {
            int start = i;
            if (peek() == '*') {
                i++;
            } else if (isIdentStart()) {
                ident("element name");
            }
            while (true) {
                char c = peek();
                if (c == '#') {
                    i++;
                    ident("id");
                } else if (c == '.') {
                    i++;
                    ident("class name");
                } else if (c == '[') {
                    attribute();
                } else if (c == ':') {
                    pseudo();
                } else {
                    break;
                }
            }
            if (i == start) {
                throw unexpected();
            }
            if (peek() == '|') {
                throw fail("namespaces ('|') are not supported", i);
            }
        }

        private void attribute() throws InvalidSelectorException {
            int open = i++;
            skipWs();
            if (peek() == '^' || peek() == '*' && peekAt(1) != '=') {
                throw fail("'[" + peek() + "...]' is a jsoup extension that browsers refuse", i);
            }
            ident("attribute name");
            skipWs();
            char c = peek();
            if (c == ']') {
                i++;
                return;
            }
            if (c == 0) {
                throw fail("'[' at character " + (open + 1) + " is never closed", open);
            }
            if (c == '~' && peekAt(1) == '=') {
                throw fail("'~=' means a regular expression to jsoup but a word in a list to browsers; "
                        + "use a class selector (.name) or [attr*=value]", i);
            }
            if (c == '!' && peekAt(1) == '=') {
                throw fail("'!=' is a jsoup extension that browsers refuse; use :not([attr=value])", i);
            }
            if (c == '|') {
                throw fail("'|' (namespaces, |=) is not supported in attribute selectors", i);
            }
            if (c == '=') {
                i++;
            } else if ((c == '^' || c == '$' || c == '*') && peekAt(1) == '=') {
                i += 2;
            } else {
                throw unexpected();
            }
            skipWs();
            if (peek() == '"' || peek() == '\'') {
                string();
            } else if (isIdentStart()) {
                ident("attribute value");
            } else {
                throw fail("an attribute value must be a name or a quoted string", i);
            }
            skipWs();
            if (peek() != ']') {
                throw fail(peek() == 0 ? "'[' at character " + (open + 1) + " is never closed"
                        : "attribute flags (' i', ' s') and other text after the value are not supported", i);
            }
            i++;
        }

        private void pseudo() throws InvalidSelectorException {
            int at = i++;
            if (peek() == ':') {
                throw fail("'::' pseudo-elements and jsoup's node selectors match nothing in a browser", at);
            }
            String name = identText().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw unexpected();
            }
            String shown = "':" + s.substring(at + 1, i) + "'";
            if (JSOUP_ONLY.contains(name)) {
                throw fail(shown + " is a jsoup extension: browsers refuse the selector (querySelector "
                        + "throws), so the event would never fire", at);
            }
            if (PLAIN_PSEUDO.contains(name)) {
                if (peek() == '(') {
                    throw fail(shown + " takes no argument", i);
                }
                return;
            }
            if (NTH_PSEUDO.contains(name)) {
                expect('(', shown + " needs an argument, like " + shown.substring(0, shown.length() - 1) + "(2n+1)'");
                nth();
                skipWs();
                expect(')', "expected ')' to close " + shown);
                return;
            }
            if (name.equals("not") || name.equals("is") || name.equals("has")) {
                expect('(', shown + " needs a selector in parentheses");
                if (++depth > MAX_NESTING) {
                    throw fail("selectors nested more than " + MAX_NESTING + " levels deep", at);
                }
                boolean has = name.equals("has");
                if (has && inHas) {
                    throw fail("':has()' inside ':has()' is refused by browsers", at);
                }
                boolean outer = inHas;
                inHas = inHas || has;
                skipWs();
                group(has);
                skipWs();
                inHas = outer;
                depth--;
                expect(')', "expected ')' to close " + shown);
                return;
            }
            throw fail(shown + " is not a pseudo-class supported by both jsoup and browsers", at);
        }

        /** an+b, odd, even. */
        private void nth() throws InvalidSelectorException {
            skipWs();
            int start = i;
            while (i < s.length() && s.charAt(i) != ')') {
                i++;
            }
            String arg = s.substring(start, i).trim().toLowerCase(Locale.ROOT);
            if (!arg.matches("odd|even|[+-]?\\d{0,9}n(\\s*[+-]\\s*\\d{1,9})?|[+-]?\\d{1,9}")) {
                throw fail("'" + arg + "' is not an+b, odd or even", start);
            }
        }

        private void string() throws InvalidSelectorException {
            char quote = s.charAt(i);
            int start = i++;
            while (i < s.length() && s.charAt(i) != quote) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r' || c == '\f') {
                    throw fail("a line break inside a quoted value", i);
                }
                i += c == '\\' ? 2 : 1;
            }
            if (i >= s.length()) {
                throw fail("the quote at character " + (start + 1) + " is never closed", start);
            }
            i++;
        }

        private void ident(String what) throws InvalidSelectorException {
            if (!isIdentStart()) {
                throw fail("expected " + what + " at character " + (i + 1), i);
            }
            identText();
        }

        /** Consumes a CSS identifier (with escapes); returns its raw text. */
        private String identText() {
            int start = i;
            if (!isIdentStart()) {
                return "";
            }
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                    i = escapeEnd(i);
                } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c >= 0x80) {
                    i++;
                } else {
                    break;
                }
            }
            return s.substring(start, i);
        }

        /** The end of the escape at {@code at}: up to six hex digits and one optional space, or one character. */
        private int escapeEnd(int at) {
            int j = at + 1;
            int hex = 0;
            while (hex < 6 && j < s.length() && Character.digit(s.charAt(j), 16) >= 0) {
                j++;
                hex++;
            }
            if (hex == 0) {
                return at + 2;
            }
            return j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t') ? j + 1 : j;
        }

        /** CSS: an identifier starts with a letter, '_', a non-ASCII character, an escape or '-' plus one of those. */
        private boolean isIdentStart() {
            int j = i;
            if (peekAt(0) == '-') {
                j++;
                if (j < s.length() && s.charAt(j) == '-') {
                    return true;
                }
            }
            if (j >= s.length()) {
                return false;
            }
            char c = s.charAt(j);
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
                    || c == '\\' && j + 1 < s.length() && s.charAt(j + 1) != '\n';
        }

        private static boolean isCombinator(char c) {
            return c == '>' || c == '+' || c == '~';
        }

        private boolean skipWs() {
            int start = i;
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                    || s.charAt(i) == '\r' || s.charAt(i) == '\f')) {
                i++;
            }
            return i > start;
        }

        private char peek() {
            return peekAt(0);
        }

        private char peekAt(int ahead) {
            return i + ahead < s.length() ? s.charAt(i + ahead) : 0;
        }

        private void expect(char c, String message) throws InvalidSelectorException {
            if (peek() != c) {
                throw fail(message, i);
            }
            i++;
        }

        private InvalidSelectorException unexpected() {
            if (i >= s.length()) {
                return fail("it ends too early", s.length());
            }
            return fail("unexpected '" + s.charAt(i) + "' at character " + (i + 1), i);
        }

        private InvalidSelectorException fail(String message, int at) {
            String where = message.contains("at character") ? "" : " (at character " + (at + 1) + ")";
            return new InvalidSelectorException(message + where, at);
        }
    }
}
