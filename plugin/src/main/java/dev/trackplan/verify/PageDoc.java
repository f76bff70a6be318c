package dev.trackplan.verify;

import dev.trackplan.site.GeneratedSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * One page's parse, handed from one of its scenarios to the next while nothing changed it: a page
 * in a situation seen before costs one parse for all its scenarios, not one each. Handed out to one
 * scenario at a time (never shared between threads), and dropped after the page's last scenario.
 */
final class PageDoc {
    private final GeneratedSite.HtmlPage page;
    private int scenarios;
    private Document parsed;

    PageDoc(GeneratedSite.HtmlPage page) {
        this.page = page;
    }

    /** One more scenario of the page will take it. */
    synchronized PageDoc expect() {
        scenarios++;
        return this;
    }

    /** The page, parsed: the unchanged parse of an earlier scenario, else a fresh one. */
    Document take() {
        Document d;
        synchronized (this) {
            d = parsed;
            parsed = null;
        }
        return d != null ? d : Jsoup.parse(page.html());
    }

    /** A scenario is done with the page; {@code unchanged} is its parse if nothing changed it, else null. */
    synchronized void done(Document unchanged) {
        scenarios--;
        parsed = scenarios > 0 ? unchanged : null;
    }
}
