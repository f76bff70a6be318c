package dev.trackplan.diag;

/**
 * The source line a problem is on, with a caret under its column, the way compilers show it:
 * <pre>
 *    5 |       from: { attribute: data-plan
 *      |       ^
 * </pre>
 */
public final class Excerpt {
    private static final int MAX_WIDTH = 120;

    private Excerpt() {}

    /** The excerpt of {@code text} at 1-based {@code line} and {@code column}, or "" when out of range. */
    public static String of(String text, int line, int column) {
        String[] lines = text.split("\r?\n", -1);
        if (line < 1 || line > lines.length) {
            return "";
        }
        String src = lines[line - 1].replace('\t', ' ');
        int col = Math.max(1, Math.min(column, src.length() + 1));
        if (src.length() > MAX_WIDTH) {
            int from = Math.max(0, Math.min(col - 1 - MAX_WIDTH / 2, src.length() - MAX_WIDTH));
            src = src.substring(from, from + MAX_WIDTH);
            col -= from;
        }
        String number = String.valueOf(line);
        String gutter = " ".repeat(number.length());
        return " " + number + " | " + src.stripTrailing() + "\n " + gutter + " | " + " ".repeat(col - 1) + "^";
    }
}
