package dev.trackplan.site;

import dev.trackplan.diag.SourcePos;

/**
 * One source page with its front matter. {@code url} is the pretty URL ("/about/"), {@code output}
 * the file under the site ("about/index.html").
 */
public record Page(
        String source,
        String url,
        String output,
        String title,
        String description,
        String layout,
        boolean draft,
        String date,
        int weight,
        String body,
        boolean markdown,
        SourcePos bodyPos) {

    public boolean isHome() {
        return "/".equals(url);
    }

    /** Depth of the URL: "/" is 0, "/about/" is 1, "/blog/post/" is 2. */
    public int depth() {
        return (int) url.chars().filter(c -> c == '/').count() - 1;
    }
}
