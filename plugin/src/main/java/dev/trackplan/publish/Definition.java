package dev.trackplan.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.HubSpotDefinition;
import dev.trackplan.model.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event definition as HubSpot's event-definitions API sees it, built either from a spec or
 * from the account's answer, so the two can be compared field by field. Absent descriptions are
 * null on both sides (HubSpot answers "" for none).
 */
public record Definition(String name, String label, String description, String object,
        Map<String, PropertyDefinition> properties, boolean archived) {

    public Definition {
        properties = new LinkedHashMap<>(properties);
    }

    /** One property definition; {@code options} in display order. */
    public record PropertyDefinition(String name, String label, String description, String type, List<Option> options) {
        public PropertyDefinition {
            options = List.copyOf(options);
        }

        /** The options a visitor can be sent: the account may keep hidden ones the plan dropped. */
        public List<Option> visibleOptions() {
            return options.stream().filter(o -> !o.hidden()).toList();
        }
    }

    /** One enumeration option. */
    public record Option(String value, String label, boolean hidden) {}

    public static Definition of(EventSpec e) {
        Map<String, PropertyDefinition> props = new LinkedHashMap<>();
        for (PropertySpec p : e.properties()) {
            props.put(p.name(), of(p));
        }
        return new Definition(e.name(), e.label(), blankToNull(e.description()), ObjectNames.spec(e.object()), props,
                false);
    }

    public static PropertyDefinition of(PropertySpec p) {
        List<Option> options = new ArrayList<>();
        for (EnumOption o : p.options()) {
            options.add(new Option(o.value(), o.label(), false));
        }
        return new PropertyDefinition(p.name(), p.displayLabel(), blankToNull(p.description()),
                p.type() == null ? null : p.type().id(), options);
    }

    /**
     * A definition from the account's answer ({@code GET /events/v3/event-definitions}). HubSpot's own
     * default properties ({@code hubspotDefined}, {@code hs_...}) are left out: the plan never declares them.
     */
    public static Definition fromAccount(JsonNode n) {
        Map<String, PropertyDefinition> props = new LinkedHashMap<>();
        for (JsonNode p : n.path("properties")) {
            String name = p.path("name").asText("");
            if (name.isEmpty() || p.path("hubspotDefined").asBoolean(false) || name.startsWith("hs_")
                    || p.path("archived").asBoolean(false)) {
                continue;
            }
            List<Option> options = new ArrayList<>();
            List<JsonNode> raw = new ArrayList<>();
            p.path("options").forEach(raw::add);
            raw.sort(java.util.Comparator.comparingInt(o -> o.path("displayOrder").asInt(Integer.MAX_VALUE)));
            for (JsonNode o : raw) {
                options.add(new Option(o.path("value").asText(), o.path("label").asText(), o.path("hidden").asBoolean()));
            }
            props.put(name, new PropertyDefinition(name, p.path("label").asText(name),
                    blankToNull(p.path("description").asText(null)), p.path("type").asText(null), options));
        }
        String label = n.path("labels").path("singular").asText(null);
        if (label == null) {
            label = n.path("label").asText(null);
        }
        String object = n.hasNonNull("primaryObject") ? n.get("primaryObject").asText()
                : n.path("primaryObjectId").asText(n.path("objectTypeId").asText(null));
        return new Definition(n.path("name").asText(), label, blankToNull(n.path("description").asText(null)),
                ObjectNames.spec(object), props, n.path("archived").asBoolean(false));
    }

    /**
     * The body of {@code PATCH .../property/{name}}: label, description and options (HubSpot's mutable
     * fields), with the options the account keeps hidden.
     */
    static ObjectNode patchBody(PropertyDefinition p) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        b.put("label", p.label());
        if (p.description() != null) {
            b.put("description", p.description());
        }
        if (!p.options().isEmpty()) {
            ArrayNode opts = b.putArray("options");
            int order = 0;
            for (Option o : p.options()) {
                HubSpotDefinition.addOption(opts, o.label(), o.value(), order++, o.hidden());
            }
        }
        return b;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
