package dev.trackplan.site;

import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.Values;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One source page with its front matter. {@code url} is the pretty URL ("/about/"), {@code output}
 * the file under the site ("about/index.html"). {@code layout} is null when the front matter names
 * none (then "list" for a section's index, else "default"); {@code nav} is null when the front matter
 * leaves it to the default (pages at the top level are in the navigation).
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
        SourcePos bodyPos,
        Extras extras) {

    /** The front matter beyond the basics: listing, sharing, navigation and publication keys. */
    public record Extras(
            String summary,
            Located image,
            List<String> tags,
            Map<String, Object> params,
            Map<String, String> meta,
            List<Located> aliases,
            Boolean nav,
            Integer menu,
            String lastmod,
            String publishDate,
            String expiryDate,
            Integer paginate) {

        public static final Extras NONE = new Extras(null, null, List.of(), Map.of(), Map.of(), List.of(), null, null,
                null, null, null, null);
    }

    /** A front matter value with where it was written, for messages about it later. */
    public record Located(String value, SourcePos pos) {}

    public Page {
        extras = extras == null ? Extras.NONE : extras;
    }

    public boolean isHome() {
        return "/".equals(url);
    }

    /** Depth of the URL: "/" is 0, "/about/" is 1, "/blog/post/" is 2. */
    public int depth() {
        return (int) url.chars().filter(c -> c == '/').count() - 1;
    }

    /** The URL of the folder the page sits in: "/blog/" for "/blog/post/", null for the home page. */
    public String parentUrl() {
        if (isHome()) {
            return null;
        }
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.substring(0, u.lastIndexOf('/') + 1);
    }

    /** The page's date in epoch milliseconds, if it has one. */
    public OptionalLong dateMillis() {
        return date == null ? OptionalLong.empty() : Values.datetime(date);
    }

    /** When the page last changed: {@code lastmod}, else {@code date}. */
    public OptionalLong lastmodMillis() {
        OptionalLong l = extras.lastmod() == null ? OptionalLong.empty() : Values.datetime(extras.lastmod());
        return l.isPresent() ? l : dateMillis();
    }
}
