package dev.trackplan.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An event as the body of HubSpot's create-definition request
 * ({@code POST /events/v3/event-definitions}, same body under {@code /events/2026-03/...}).
 * Only request fields, never the response-only ones ({@code fullyQualifiedName}, {@code id},
 * {@code objectTypeId}, ...), and an absent value is left out, never written as {@code ""}.
 *
 * <p>Fields, as HubSpot's reference lists them: {@code label} (required), {@code name},
 * {@code description}, {@code primaryObject}, {@code includeDefaultProperties} (required),
 * {@code customMatchingId} ({@code primaryObjectRule}: {@code eventPropertyName},
 * {@code targetObjectPropertyName}) and {@code propertyDefinitions} (required; each {@code label}
 * and {@code type} required, {@code name}, {@code description}, {@code options} of
 * {@code label}, {@code value}, {@code displayOrder}, {@code hidden} (all four required) and
 * {@code description}). Shared by tracking-plan.json and the publisher, so both send the same thing.
 */
public final class HubSpotDefinition {
    /** The top-level fields of the request body, in the order they are written. */
    public static final List<String> REQUEST_FIELDS = List.of("label", "name", "description",
            "primaryObject", "includeDefaultProperties", "customMatchingId", "propertyDefinitions");
    /** The fields of one entry of {@code propertyDefinitions}. */
    public static final List<String> PROPERTY_FIELDS = List.of("name", "label", "type",
            "description", "options");
    /** The fields of one option of an enumeration property. */
    public static final List<String> OPTION_FIELDS = List.of("label", "value", "displayOrder",
            "hidden", "description");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HubSpotDefinition() {}

    /** The create-definition request body of one checked event. */
    public static ObjectNode requestBody(EventSpec e) {
        ObjectNode d = NODES.objectNode();
        d.put("label", e.label());
        d.put("name", e.name());
        putIfPresent(d, "description", e.description());
        d.put("primaryObject", PrimaryObject.apiValue(e.object() == null ? PrimaryObject.CONTACT : e.object()));
        d.put("includeDefaultProperties", true);
        MatchingRule m = e.matching();
        if (m != null) {
            ObjectNode rule = d.putObject("customMatchingId").putObject("primaryObjectRule");
            rule.put("eventPropertyName", m.eventPropertyName());
            rule.put("targetObjectPropertyName", m.targetObjectPropertyName());
        }
        ArrayNode props = d.putArray("propertyDefinitions");
        for (PropertySpec p : e.properties()) {
            props.add(property(p));
        }
        return d;
    }

    /** One entry of {@code propertyDefinitions}; also the body of the create-property request. */
    public static ObjectNode property(PropertySpec p) {
        ObjectNode pm = NODES.objectNode();
        pm.put("name", p.name());
        pm.put("label", p.displayLabel());
        pm.put("type", p.type().id());
        putIfPresent(pm, "description", p.description());
        if (p.type() == PropertyType.ENUMERATION) {
            ArrayNode opts = pm.putArray("options");
            int order = 0;
            for (EnumOption o : p.options()) {
                addOption(opts, o.label(), o.value(), order++, false);
            }
        }
        return pm;
    }

    /** Appends one enumeration option in HubSpot's shape (create and PATCH requests alike). */
    public static void addOption(ArrayNode options, String label, String value, int displayOrder, boolean hidden) {
        ObjectNode om = options.addObject();
        om.put("label", label);
        om.put("value", value);
        om.put("displayOrder", displayOrder);
        om.put("hidden", hidden);
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(field, value);
        }
    }
}
