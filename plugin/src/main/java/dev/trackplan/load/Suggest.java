package dev.trackplan.load;

import java.util.Collection;

/** "Did you mean ..." for misspelt keys and values. */
public final class Suggest {
    private Suggest() {}

    /** The closest candidate within a small edit distance, or null. */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(1, Math.min(3, word.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** " (did you mean 'x'?)" or " (expected one of a, b, c)". */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        return c != null ? "; did you mean '" + c + "'?" : "; expected one of " + String.join(", ", candidates);
    }

    /**
     * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
     * alignment), so {@code lable} is one edit from {@code label}, as a typist sees it.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
