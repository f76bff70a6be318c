package dev.trackplan.site;

import dev.trackplan.bundle.Bundle;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Makes sure a page carries the HubSpot loader tag and the bundle's script tag, whatever its
 * layout does; with the banner policy, HubSpot's own banner is switched off before the loader.
 * The missing tags are spliced into the page's text just before its {@code </head>}, so the
 * layout's HTML is written as it was rendered; only a page without an explicit {@code </head>} is
 * serialised again from a parsed document. Where the {@code </head>} is comes from the parser's
 * source positions, which cost more than the parse itself: a page is parsed with them only when
 * a tag is missing (a layout that leaves out the tracking partial).
 */
final class TrackingTags {
    /** Selectors are parsed once: parsing one per page costs more than the page itself. */
    private static final Evaluator CONSENT_MODE = QueryParser.parse("script[data-trackplan-consent-mode]");
    private static final Evaluator SCRIPTS = QueryParser.parse("script[src]");
    static final String CONSENT_MODE_TAG =
            "<script data-trackplan-consent-mode=\"banner\">window.disableHubSpotCookieBanner = true;</script>";

    private TrackingTags() {}

    private static boolean hasScript(Document doc, String src) {
        for (Element s : doc.select(SCRIPTS)) {
            if (s.attr("src").equals(src)) {
                return true;
            }
        }
        return false;
    }

    /** The page's HTML with the missing tags added; {@code doc} was parsed from {@code html}. */
    static String ensure(String html, Document doc, SiteSettings settings, Bundle bundle) {
        StringBuilder missing = new StringBuilder();
        if (settings.banner() && doc.selectFirst(CONSENT_MODE) == null) {
            missing.append(CONSENT_MODE_TAG);
        }
        if (doc.getElementById("hs-script-loader") == null) {
            missing.append("<script id=\"hs-script-loader\" async defer src=\"")
                    .append(Entities.escape(settings.loaderSrc())).append("\"></script>");
        }
        if (bundle != null && !hasScript(doc, bundle.url())) {
            missing.append("<script defer src=\"").append(Entities.escape(bundle.url())).append("\"></script>");
        }
        if (missing.isEmpty()) {
            return html;
        }
        Document tracked = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        Range end = tracked.head().endSourceRange();
        if (end.isTracked() && !end.isImplicit()) {
            int at = end.startPos();
            return html.substring(0, at) + missing + html.substring(at);
        }
        tracked.head().append(missing.toString());
        tracked.outputSettings().prettyPrint(false);
        return tracked.outerHtml();
    }
}
