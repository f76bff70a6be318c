package dev.trackplan.site;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The whole generated site in memory, ready to be verified and then written: files by path under
 * the site root, and the HTML pages with their URLs. {@code validUntil} is when a page is due to
 * appear or expire (null: never), so an up-to-date check knows the same sources give another site then.
 * {@code coverage}: event name to the URLs of the pages it can fire on (the generated tracking plan
 * page included), found while each page was parsed, so later stages need not parse again.
 */
public record GeneratedSite(SortedMap<String, byte[]> files, List<HtmlPage> pages, Map<String, List<String>> coverage,
        Instant validUntil) {

    public GeneratedSite(SortedMap<String, byte[]> files, List<HtmlPage> pages, Map<String, List<String>> coverage) {
        this(files, pages, coverage, null);
    }

    /**
     * A generated HTML page: its URL, its file under the site, and its HTML. A page stored by the
     * render workers as it was rendered is held only when an event can fire on it (the
     * verification reads it); otherwise {@code stored} reads its HTML back when asked.
     */
    public record HtmlPage(String url, String file, String html, String source,
            java.util.function.Supplier<String> stored) {
        public HtmlPage(String url, String file, String html, String source) {
            this(url, file, html, source, null);
        }

        /** The page's HTML: held, or read back from where the render worker stored it. */
        @Override
        public String html() {
            return html != null || stored == null ? html : stored.get();
        }
    }
}
