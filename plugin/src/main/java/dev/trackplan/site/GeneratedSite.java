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
     * A generated HTML page: its URL, its file under the site, and its HTML ({@link PageText}: a
     * page kept by the build cache is decoded only when its text is read; a page the render workers
     * stored as it was rendered is held only when an event can fire on it, the verification reads
     * it, and otherwise read back from where it was stored when asked).
     */
    public record HtmlPage(String url, String file, PageText text, String source) {
        public HtmlPage(String url, String file, String html, String source) {
            this(url, file, PageText.of(html), source);
        }

        /** The page's HTML. */
        public String html() {
            return text.html();
        }

        /** Whether a render worker stored the page already (a clean build's staging folder). */
        public boolean stored() {
            return text.stored();
        }
    }
}
