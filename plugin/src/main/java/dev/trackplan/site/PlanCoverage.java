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

/**
 * Which generated pages each event can fire on: the pages its globs allow where its selector
 * matches. Selectors and globs (checked and bounded by the plan checker) are compiled once per
 * plan; each page is asked once, while the site stage holds its only parse of it.
 */
public final class PlanCoverage {
    private final List<Compiled> events = new ArrayList<>();

    private record Compiled(EventSpec event, BrowserSelector selector, List<Glob> pages, Glob visit) {}

    public PlanCoverage(TrackingPlan plan) {
        for (EventSpec e : plan.events()) {
            List<Glob> pages = new ArrayList<>();
            for (Trigger.PageGlob g : e.trigger().pages()) {
                pages.add(compile(g.glob()));
            }
            events.add(new Compiled(e, hasSelector(e) ? selector(e) : null, pages,
                    e.trigger().kind() == TriggerKind.VISIT ? compile(e.trigger().value()) : null));
        }
    }

    /** The names of the events that can fire on the page at {@code path}, in plan order. */
    public List<String> eventsOn(String path, Document doc) {
        List<String> out = new ArrayList<>();
        if (path.endsWith(".html")) {
            return out; // 404.html is shown at any address
        }
        for (Compiled c : events) {
            if (firesOn(c, path, doc)) {
                out.add(c.event().name());
            }
        }
        return out;
    }

    /** Event name to the URLs it can fire on (URL order as given), from each page's {@link #eventsOn}. */
    public Map<String, List<String>> byEvent(Map<String, List<String>> eventsByPage) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Compiled c : events) {
            out.put(c.event().name(), new ArrayList<>());
        }
        eventsByPage.forEach((url, names) -> names.forEach(n -> out.get(n).add(url)));
        return out;
    }

    public static Map<String, List<String>> of(TrackingPlan plan, Map<String, Document> pages) {
        PlanCoverage matcher = new PlanCoverage(plan);
        Map<String, List<String>> byPage = new LinkedHashMap<>();
        pages.forEach((url, doc) -> byPage.put(url, matcher.eventsOn(url, doc)));
        return matcher.byEvent(byPage);
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

    private static boolean firesOn(Compiled c, String path, Document doc) {
        if (!c.pages().isEmpty() && c.pages().stream().noneMatch(g -> g.matches(path))) {
            return false;
        }
        return switch (c.event().trigger().kind()) {
            case CLICK, SUBMIT -> c.selector().first(doc, Deadline.NONE) != null; // checked selectors cost little per element
            case VISIT -> c.visit().matches(path);
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
