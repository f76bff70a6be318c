package dev.trackplan.site;

/**
 * Old paths that redirect to a page ({@code aliases:} in front matter): each becomes a small HTML
 * file with a meta refresh and a canonical link to the page, which search engines treat as a
 * permanent move.
 */
final class Aliases {
    private Aliases() {}

    /** Why an alias is not a usable site path, or null when it is. */
    static String problem(String alias) {
        if (!alias.startsWith("/") || alias.startsWith("//")) {
            return "must be a path on this site starting with '/', like /old/post/";
        }
        if (alias.contains("?") || alias.contains("#") || alias.contains("\\") || alias.contains("//")) {
            return "must be a plain path without '?', '#', '\\' or '//'";
        }
        for (String seg : alias.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                return "must not contain '.' or '..' segments";
            }
        }
        if (alias.equals("/")) {
            return "cannot be the home page";
        }
        return null;
    }

    /** The file an alias is written to: "/old/" and "/old" are "old/index.html", "/old.html" is itself. */
    static String output(String alias) {
        String rel = alias.substring(1);
        if (rel.endsWith(".html") || rel.endsWith(".htm")) {
            return rel;
        }
        return rel.endsWith("/") ? rel + "index.html" : rel + "/index.html";
    }
}
