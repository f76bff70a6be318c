package dev.trackplan.site;

import dev.trackplan.bundle.Bundle;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Makes sure a page carries the HubSpot loader tag and the bundle's script tag, whatever its
 * layout does; with the banner policy, HubSpot's own banner is switched off before the loader.
 */
final class TrackingTags {
    /** Selectors are parsed once: parsing one per page costs more than the page itself. */
    private static final Evaluator CONSENT_MODE = QueryParser.parse("script[data-trackplan-consent-mode]");
    private static final Evaluator SCRIPTS = QueryParser.parse("script[src]");

    private TrackingTags() {}

    private static boolean hasScript(Document doc, String src) {
        for (Element s : doc.select(SCRIPTS)) {
            if (s.attr("src").equals(src)) {
                return true;
            }
        }
        return false;
    }

    static void ensure(Document doc, SiteSettings settings, Bundle bundle) {
        Element head = doc.head();
        if (settings.banner() && doc.selectFirst(CONSENT_MODE) == null) {
            head.appendElement("script").attr("data-trackplan-consent-mode", "banner")
                    .appendChild(new org.jsoup.nodes.DataNode("window.disableHubSpotCookieBanner = true;"));
        }
        if (doc.getElementById("hs-script-loader") == null) {
            head.appendElement("script").attr("id", "hs-script-loader").attr("async", "").attr("defer", "")
                    .attr("src", settings.loaderSrc());
        }
        if (bundle != null && !hasScript(doc, bundle.url())) {
            head.appendElement("script").attr("defer", "").attr("src", bundle.url());
        }
    }
}
