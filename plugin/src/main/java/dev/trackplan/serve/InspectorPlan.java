package dev.trackplan.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Limits;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plan as the on-page inspector needs it: by wire name, labels, types, options and limits. */
final class InspectorPlan {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InspectorPlan() {}

    static String json(TrackingPlan plan, String hubId) {
        Map<String, Object> events = new LinkedHashMap<>();
        for (EventSpec e : plan.events()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (PropertySpec p : e.properties()) {
                if (p.type() == null) {
                    continue;
                }
                props.put(p.name(), Map.of("type", p.type().id(), "max", p.maxLength(),
                        "options", p.options().stream().map(EnumOption::value).toList()));
            }
            events.put(e.fullName(hubId), Map.of("name", e.name(), "label", e.label() == null ? e.name() : e.label(),
                    "properties", props, "state", plan.state(e).label()));
        }
        try {
            return JSON.writeValueAsString(Map.of("hubId", hubId, "maxProperties", Limits.PROPERTIES_MAX, "events", events));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String problems(List<String> lines) {
        try {
            return JSON.writeValueAsString(lines);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
