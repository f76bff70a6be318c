package dev.trackplan.site;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The whole generated site in memory, ready to be verified and then written: files by path under
 * the site root, and the HTML pages with their URLs.
 */
public record GeneratedSite(SortedMap<String, byte[]> files, List<HtmlPage> pages, Map<String, List<String>> coverage) {

    /** A generated HTML page: its URL, its file under the site, and its HTML. */
    public record HtmlPage(String url, String file, String html, String source) {}
}
