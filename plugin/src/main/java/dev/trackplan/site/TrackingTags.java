package dev.trackplan.site;

import dev.trackplan.bundle.Bundle;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Makes sure a page carries the HubSpot loader tag and the bundle's script tag, whatever its
 * layout does; with the banner policy, HubSpot's own banner is switched off before the loader.
 */
final class TrackingTags {
    private TrackingTags() {}

    static void ensure(Document doc, SiteSettings settings, Bundle bundle) {
        Element head = doc.head();
        if (settings.banner() && doc.select("script[data-trackplan-consent-mode]").isEmpty()) {
            head.appendElement("script").attr("data-trackplan-consent-mode", "banner")
                    .appendChild(new org.jsoup.nodes.DataNode("window.disableHubSpotCookieBanner = true;"));
        }
        if (doc.getElementById("hs-script-loader") == null) {
            head.appendElement("script").attr("id", "hs-script-loader").attr("async", "").attr("defer", "")
                    .attr("src", settings.loaderSrc());
        }
        if (bundle != null && doc.select("script[src=" + bundle.url() + "]").isEmpty()) {
            head.appendElement("script").attr("defer", "").attr("src", bundle.url());
        }
    }
}
