package dev.trackplan.site;

import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.SharedUse;
import dev.trackplan.model.TrackingPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The view of the plan shown on /tracking-plan/, for content teams and legal review. */
final class TrackingPlanModel {
    private TrackingPlanModel() {}

    static Map<String, Object> of(TrackingPlan plan, String hubId, Map<String, List<String>> coverage) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (EventSpec e : plan.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("fullName", e.fullName(hubId));
            m.put("label", e.label());
            m.put("description", e.description() == null ? "" : e.description());
            m.put("object", e.object());
            List<Map<String, Object>> matching = new ArrayList<>();
            if (e.matching() != null) {
                matching.add(Map.of("eventProperty", e.matching().eventPropertyName(),
                        "objectProperty", e.matching().targetObjectPropertyName()));
            }
            m.put("matching", matching);
            m.put("state", plan.state(e).label());
            m.put("stateClass", "state-" + plan.state(e).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            m.put("bundled", e.bundled());
            m.put("notBundledWhy", e.retired() ? "retired: kept in the plan so its name is never reused, never sent"
                    : "sent from elsewhere (a server or an app), not by this site's bundle");
            m.put("trigger", describe(e));
            m.put("pageGlobs", e.trigger() == null ? ""
                    : String.join(", ", e.trigger().pages().stream().map(g -> g.glob()).toList()));
            List<Map<String, Object>> urls = new ArrayList<>();
            for (String u : coverage.getOrDefault(e.name(), List.of())) {
                urls.add(Map.of("url", u));
            }
            m.put("firesOn", urls);
            m.put("firesNowhere", urls.isEmpty());
            List<Map<String, Object>> props = new ArrayList<>();
            for (PropertySpec p : e.properties()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("label", p.displayLabel());
                pm.put("type", p.type().id());
                pm.put("source", p.retired() ? "retired, no longer sent" : p.from() != null ? p.from().describe()
                        : e.trigger() == null ? "the sender (server or app)"
                        : e.trigger().kind().id().equals("submit") ? "form field '" + p.name() + "'" : "the custom code");
                pm.put("limit", p.maxLength() + " characters");
                List<Map<String, Object>> opts = new ArrayList<>();
                for (EnumOption o : p.options()) {
                    opts.add(Map.of("value", o.value(), "label", o.label()));
                }
                pm.put("options", p.shared() ? List.of() : opts);
                pm.put("hasOptions", !opts.isEmpty());
                pm.put("shared", p.shared() ? p.use() : "");
                pm.put("required", p.required());
                pm.put("pii", p.pii());
                props.add(pm);
            }
            m.put("properties", props);
            m.put("hasProperties", !props.isEmpty());
            events.add(m);
        }
        List<Map<String, Object>> shared = new ArrayList<>();
        for (SharedUse u : SharedUse.of(plan)) {
            PropertySpec p = u.definition();
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", u.name());
            sm.put("label", p.displayLabel());
            sm.put("description", p.description() == null ? "" : p.description());
            sm.put("type", p.type().id());
            sm.put("required", p.required());
            sm.put("pii", p.pii());
            List<Map<String, Object>> opts = new ArrayList<>();
            for (EnumOption o : p.options()) {
                opts.add(Map.of("value", o.value(), "label", o.label()));
            }
            sm.put("options", opts);
            List<Map<String, Object>> users = new ArrayList<>();
            for (SharedUse.User user : u.users()) {
                users.add(Map.of("event", user.event(), "property", user.property(),
                        "source", user.from() == null ? "" : user.from().describe()));
            }
            sm.put("usedBy", users);
            shared.add(sm);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("shared", shared);
        model.put("hasShared", !shared.isEmpty());
        model.put("events", events);
        model.put("count", String.valueOf(plan.events().stream().filter(EventSpec::bundled).count()));
        model.put("listed", String.valueOf(events.size()));
        return model;
    }

    static String describe(EventSpec e) {
        if (e.trigger() == null) {
            return "none";
        }
        return switch (e.trigger().kind()) {
            case CLICK -> "click on " + e.trigger().value();
            case SUBMIT -> "submit of form " + e.trigger().value();
            case VISIT -> "visit of " + e.trigger().value();
            case CUSTOM -> "custom code";
            case HUBSPOT_FORM -> e.trigger().value().equals("*") ? "successful submission of any HubSpot form"
                    : "successful submission of HubSpot form " + e.trigger().value();
        };
    }
}
