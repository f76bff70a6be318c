package dev.trackplan.site;

import dev.trackplan.css.BrowserSelector;
import dev.trackplan.css.Deadline;
import dev.trackplan.glob.Glob;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.model.Trigger;
import dev.trackplan.model.TriggerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;

/** Which generated pages each event can fire on: the pages its globs allow where its selector matches. */
public final class PlanCoverage {
    private PlanCoverage() {}

    public static Map<String, List<String>> of(TrackingPlan plan, Map<String, Document> pages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EventSpec e : plan.events()) {
            List<String> urls = new ArrayList<>();
            BrowserSelector selector = hasSelector(e) ? selector(e) : null;
            for (Map.Entry<String, Document> p : pages.entrySet()) {
                if (firesOn(e, selector, p.getKey(), p.getValue())) {
                    urls.add(p.getKey());
                }
            }
            out.put(e.name(), urls);
        }
        return out;
    }

    /** Whether the page's path passes the event's {@code pages} globs. */
    public static boolean allowed(EventSpec e, String path) {
        if (e.trigger().pages().isEmpty()) {
            return true;
        }
        for (Trigger.PageGlob g : e.trigger().pages()) {
            if (compile(g.glob()).matches(path)) {
                return true;
            }
        }
        return false;
    }

    public static boolean firesOn(EventSpec e, String path, Document doc) {
        return firesOn(e, hasSelector(e) ? selector(e) : null, path, doc);
    }

    private static boolean hasSelector(EventSpec e) {
        return e.trigger().kind() == TriggerKind.CLICK || e.trigger().kind() == TriggerKind.SUBMIT;
    }

    /** As {@link #firesOn(EventSpec, String, Document)}, with the event's selector already parsed. */
    public static boolean firesOn(EventSpec e, BrowserSelector selector, String path, Document doc) {
        if (!allowed(e, path) || path.endsWith(".html")) {
            return false;
        }
        TriggerKind k = e.trigger().kind();
        return switch (k) {
            case CLICK, SUBMIT -> selector.first(doc, Deadline.NONE) != null; // checked selectors cost little per element
            case VISIT -> compile(e.trigger().value()).matches(path);
            case CUSTOM, HUBSPOT_FORM -> true; // HubSpot forms are injected at run time
        };
    }

    private static BrowserSelector selector(EventSpec e) {
        try {
            return BrowserSelector.parse(e.trigger().value());
        } catch (BrowserSelector.InvalidSelectorException ex) {
            throw new IllegalStateException("selector was checked before: " + e.trigger().value(), ex);
        }
    }

    static Glob compile(String glob) {
        try {
            return Glob.compile(glob);
        } catch (Glob.InvalidGlobException ex) {
            throw new IllegalStateException("glob was checked before: " + glob, ex);
        }
    }
}
