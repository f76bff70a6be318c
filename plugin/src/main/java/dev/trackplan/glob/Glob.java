package dev.trackplan.glob;

/**
 * A page-path glob: {@code *} stays within one path segment, {@code **} spans any number of
 * segments including none, {@code ?} is one character of a segment, {@code {a,b}} is either.
 * The browser bundle gets it as a regular expression (only syntax common to Java and JavaScript);
 * Java matches it without one, in time proportional to the glob's length times the path's
 * ({@link GlobMatcher}), so no glob can make the build backtrack for ever.
 */
public final class Glob {
    /** Longer globs are refused; real ones are a few dozen characters. */
    public static final int MAX_LENGTH = 1024;
    /** At most this many alternatives after expanding every {@code {a,b}}. */
    public static final int MAX_ALTERNATIVES = 256;
    private static final String SPECIAL = ".^$|()[]+\\";
    private final String glob;
    private final String regex;
    private final GlobMatcher matcher;

    private Glob(String glob, String regex, GlobMatcher matcher) {
        this.glob = glob;
        this.regex = regex;
        this.matcher = matcher;
    }

    /** Thrown for a glob that cannot be used; the message says why. */
    public static final class InvalidGlobException extends Exception {
        public InvalidGlobException(String message) {
            super(message);
        }
    }

    public static Glob compile(String glob) throws InvalidGlobException {
        if (glob.isEmpty() || glob.charAt(0) != '/') {
            throw new InvalidGlobException("a path glob starts with '/', like /pricing/**");
        }
        if (glob.length() > MAX_LENGTH) {
            throw new InvalidGlobException("the glob is " + glob.length() + " characters long, over the limit of "
                    + MAX_LENGTH);
        }
        if (glob.contains("***")) {
            throw new InvalidGlobException("'***' is not a glob; use '**' for any number of segments");
        }
        StringBuilder re = new StringBuilder("^");
        boolean inBraces = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (Character.isWhitespace(c) || c == '#' || c == '[' || c == ']') {
                throw new InvalidGlobException("character '" + printable(c) + "' at position " + (i + 1)
                        + " is not allowed in a path glob");
            }
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    boolean followedBySlash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    boolean atEnd = i + 2 == glob.length();
                    if (!segmentStart || !(followedBySlash || atEnd)) {
                        throw new InvalidGlobException("'**' must be a whole path segment, like /blog/**/ or /blog/**");
                    }
                    if (followedBySlash) {
                        re.append("(?:[^?#]*/)?");
                        i += 2;
                    } else {
                        re.append("[^?#]*");
                        i += 1;
                    }
                } else {
                    re.append("[^/?#]*");
                }
            } else if (c == '?') {
                re.append("[^/?#]");
            } else if (c == '{') {
                if (inBraces) {
                    throw new InvalidGlobException("nested '{' at position " + (i + 1));
                }
                inBraces = true;
                re.append("(?:");
            } else if (c == '}') {
                if (!inBraces) {
                    throw new InvalidGlobException("'}' at position " + (i + 1) + " has no opening '{'");
                }
                inBraces = false;
                re.append(')');
            } else if (c == ',' && inBraces) {
                re.append('|');
            } else {
                if (SPECIAL.indexOf(c) >= 0) {
                    re.append('\\');
                }
                re.append(c);
            }
        }
        if (inBraces) {
            throw new InvalidGlobException("'{' is never closed");
        }
        re.append('$');
        return new Glob(glob, re.toString(), GlobMatcher.of(glob));
    }

    private static String printable(char c) {
        return Character.isWhitespace(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    public boolean matches(String path) {
        return matcher.matches(path);
    }

    /** The regular expression's source, valid in both Java and JavaScript. */
    public String regex() {
        return regex;
    }

    public String glob() {
        return glob;
    }

    @Override
    public String toString() {
        return glob;
    }
}
