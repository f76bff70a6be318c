package dev.trackplan.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * tracking-plan.json: the events in the shape of HubSpot's event-definitions API
 * ({@code POST /events/v3/event-definitions}), one request body per event.
 */
public final class TrackingPlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrackingPlanJson() {}

    public static String of(TrackingPlan plan, String hubId) {
        List<Map<String, Object>> defs = new ArrayList<>();
        for (EventSpec e : plan.events()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", e.label());
            d.put("name", e.name());
            d.put("description", e.description() == null ? "" : e.description());
            d.put("primaryObject", e.object().toUpperCase(Locale.ROOT));
            d.put("fullyQualifiedName", e.fullName(hubId));
            d.put("includeDefaultProperties", true);
            List<Map<String, Object>> props = new ArrayList<>();
            for (PropertySpec p : e.properties()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("name", p.name());
                pm.put("label", p.displayLabel());
                pm.put("type", p.type().id());
                pm.put("description", p.description() == null ? "" : p.description());
                if (!p.options().isEmpty()) {
                    List<Map<String, Object>> opts = new ArrayList<>();
                    int order = 0;
                    for (EnumOption o : p.options()) {
                        Map<String, Object> om = new LinkedHashMap<>();
                        om.put("label", o.label());
                        om.put("value", o.value());
                        om.put("displayOrder", order++);
                        om.put("hidden", false);
                        opts.add(om);
                    }
                    pm.put("options", opts);
                }
                props.add(pm);
            }
            d.put("propertyDefinitions", props);
            defs.add(d);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("hubId", hubId);
        root.put("eventDefinitions", defs);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
