package dev.trackplan.site;

import dev.trackplan.diag.SourcePos;
import java.util.List;
import java.util.Map;

/**
 * Everything a layout shows of one output page, whether it comes from a source page, a section's
 * list, a tag or a generated page (tracking plan, 404).
 *
 * @param kind     "page", "list" (a section or a tag), "tags" (the list of tags) or "generated"
 * @param list     the list and paginator for list pages, else an empty map
 * @param feedUrl  the Atom feed of the section the page belongs to, or null
 */
record PageView(
        String kind,
        String layout,
        String title,
        String description,
        String summary,
        String url,
        String date,
        String lastmod,
        String content,
        boolean ownH1,
        String image,
        List<String> tags,
        Map<String, Object> params,
        Map<String, String> meta,
        String feedUrl,
        String feedTitle,
        Map<String, Object> list,
        SourcePos at) {

    /** A generated page with no front matter of its own. */
    static PageView generated(String title, String description, String url, String content, SourcePos at) {
        return new PageView("generated", "default", title, description, null, url, null, null, content, false, null,
                List.of(), Map.of(), Map.of(), null, null, Map.of(), at);
    }
}
