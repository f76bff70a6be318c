package dev.trackplan.glob;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches a checked glob against a path without a regular expression: the {@code {a,b}}
 * alternatives are expanded (at most {@link Glob#MAX_ALTERNATIVES}), and each alternative is run
 * over the path as a set of reachable positions, so a match costs at most
 * alternatives x glob length x path length steps, whatever the glob ({@code /*a*a*a*a*b}
 * backtracks exponentially in {@code java.util.regex}, not here).
 */
final class GlobMatcher {
    private enum Kind { LITERAL, SEGMENT_CHAR, SEGMENT_STAR, ANY_DIRS, ANY }

    private record Token(Kind kind, char c) {}

    private final List<Token[]> alternatives;

    private GlobMatcher(List<Token[]> alternatives) {
        this.alternatives = alternatives;
    }

    static GlobMatcher of(String glob) throws Glob.InvalidGlobException {
        List<String> expanded = new ArrayList<>();
        expand(glob, 0, new StringBuilder(), expanded);
        List<Token[]> alts = new ArrayList<>();
        for (String alt : expanded) {
            alts.add(tokens(alt));
        }
        return new GlobMatcher(alts);
    }

    /** Expands the (not nested) braces of a checked glob into its alternatives. */
    private static void expand(String glob, int from, StringBuilder prefix, List<String> out)
            throws Glob.InvalidGlobException {
        int open = glob.indexOf('{', from);
        if (open < 0) {
            if (out.size() >= Glob.MAX_ALTERNATIVES) {
                throw new Glob.InvalidGlobException("the glob has more than " + Glob.MAX_ALTERNATIVES
                        + " alternatives once its {a,b} choices are combined");
            }
            out.add(prefix + glob.substring(from));
            return;
        }
        int close = glob.indexOf('}', open);
        int mark = prefix.length();
        for (String choice : glob.substring(open + 1, close).split(",", -1)) {
            prefix.append(glob, from, open).append(choice);
            expand(glob, close + 1, prefix, out);
            prefix.setLength(mark);
        }
    }

    private static Token[] tokens(String alt) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < alt.length(); i++) {
            char c = alt.charAt(i);
            if (c == '*' && i + 1 < alt.length() && alt.charAt(i + 1) == '*') {
                if (i + 2 < alt.length()) { // "**/": any number of whole segments, the slash included
                    out.add(new Token(Kind.ANY_DIRS, '/'));
                    i += 2;
                } else {
                    out.add(new Token(Kind.ANY, '*'));
                    i += 1;
                }
            } else if (c == '*') {
                out.add(new Token(Kind.SEGMENT_STAR, c));
            } else if (c == '?') {
                out.add(new Token(Kind.SEGMENT_CHAR, c));
            } else {
                out.add(new Token(Kind.LITERAL, c));
            }
        }
        return out.toArray(new Token[0]);
    }

    boolean matches(String path) {
        for (Token[] alt : alternatives) {
            if (matches(alt, path)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inSegment(char c) {
        return c != '/' && c != '?' && c != '#';
    }

    private static boolean inPath(char c) {
        return c != '?' && c != '#';
    }

    /** reach[j]: the tokens so far can end just before path position j. */
    private static boolean matches(Token[] tokens, String path) {
        int n = path.length();
        boolean[] reach = new boolean[n + 1];
        reach[0] = true;
        for (Token t : tokens) {
            boolean[] next = new boolean[n + 1];
            boolean any = false;
            switch (t.kind()) {
                case LITERAL, SEGMENT_CHAR -> {
                    for (int j = 0; j < n; j++) {
                        char c = path.charAt(j);
                        if (reach[j] && (t.kind() == Kind.LITERAL ? c == t.c() : inSegment(c))) {
                            next[j + 1] = true;
                            any = true;
                        }
                    }
                }
                case SEGMENT_STAR, ANY -> {
                    for (int j = 0; j <= n; j++) {
                        boolean ok = reach[j] || j > 0 && next[j - 1] && (t.kind() == Kind.ANY
                                ? inPath(path.charAt(j - 1)) : inSegment(path.charAt(j - 1)));
                        next[j] = ok;
                        any |= ok;
                    }
                }
                case ANY_DIRS -> {
                    boolean run = false; // some reachable start with only path characters since
                    for (int j = 0; j <= n; j++) {
                        if (reach[j]) {
                            next[j] = true; // no segments at all
                            any = true;
                        }
                        run = reach[j] || run && inPath(path.charAt(j - 1));
                        if (run && j < n && path.charAt(j) == '/') {
                            next[j + 1] = true;
                            any = true;
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
            if (!any) {
                return false;
            }
            reach = next;
        }
        return reach[n];
    }
}
