package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of the generated site by path, each owned by what produced it. A second claim on a
 * path is an error located at the user's file, never a silent overwrite: an asset named like the
 * bundle, a page or {@code tracking-plan.json} would otherwise replace the verified output. Paths
 * that differ only in case or Unicode normalisation collide too (they are one file on macOS and
 * Windows), and so does a file where another path needs a folder.
 */
final class SiteFiles {
    private final SortedMap<String, Object> contents = new TreeMap<>();
    /** By folded path: who owns the file. */
    private final Map<String, Claim> files = new HashMap<>();
    /** By folded folder path: the first file claimed below it. */
    private final Map<String, Claim> folders = new HashMap<>();

    private record Claim(String path, String owner) {}

    /**
     * Claims {@code path} for {@code owner} (words like "page src/main/site/pages/about.md");
     * reports a collision at {@code at} and returns false if something else has it.
     */
    boolean claim(String path, String owner, SourcePos at, Diagnostics d) {
        String key = fold(path);
        Claim other = files.get(key);
        if (other != null) {
            String how = other.path().equals(path) ? "has the same path " + path + " as"
                    : "(" + path + ") differs only in upper/lower case or accents from " + other.path()
                            + ", which is one file on macOS and Windows, of";
            d.error(at, SiteRules.PATH_TAKEN, owner + " " + how + " " + other.owner() + "; rename one of them");
            return false;
        }
        Claim below = folders.get(key);
        if (below != null) {
            d.error(at, SiteRules.PATH_TAKEN, owner + " is a file at " + path + ", where " + below.owner()
                    + " needs a folder (" + below.path() + "); rename one of them");
            return false;
        }
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            Claim file = files.get(fold(path.substring(0, i)));
            if (file != null) {
                d.error(at, SiteRules.PATH_TAKEN, owner + " needs a folder " + path.substring(0, i) + "/ where "
                        + file.owner() + " is a file; rename one of them");
                return false;
            }
        }
        Claim c = new Claim(path, owner);
        files.put(key, c);
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            folders.putIfAbsent(fold(path.substring(0, i)), c);
        }
        return true;
    }

    boolean claimed(String path) {
        return files.containsKey(fold(path));
    }

    /** The content of a claimed path. */
    void put(String path, byte[] content) {
        if (!files.containsKey(fold(path))) {
            throw new IllegalStateException("unclaimed site path " + path);
        }
        contents.put(path, content);
    }

    /** The content of a claimed path that is a page: its HTML, encoded when written (kept bytes as they are). */
    void putPage(String path, PageText html) {
        if (!files.containsKey(fold(path))) {
            throw new IllegalStateException("unclaimed site path " + path);
        }
        contents.put(path, html);
    }

    SortedMap<String, byte[]> contents() {
        return new SiteContents(contents);
    }

    private static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
