package dev.trackplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each event becomes exactly a create-definition request body. The field lists are HubSpot's API
 * reference (POST /events/v3/event-definitions; the same body under /events/2026-03/): the request
 * fields with the required ones, and the response-only fields that must never appear.
 */
public class HubSpotDefinitionTest {
    static final Set<String> BODY = Set.of("label", "name", "description", "primaryObject",
            "includeDefaultProperties", "customMatchingId", "propertyDefinitions");
    static final Set<String> BODY_REQUIRED = Set.of("label", "includeDefaultProperties", "propertyDefinitions");
    static final Set<String> PROPERTY = Set.of("name", "label", "type", "description", "options");
    static final Set<String> PROPERTY_REQUIRED = Set.of("label", "type");
    static final Set<String> OPTION = Set.of("label", "value", "displayOrder", "hidden", "description");
    static final Set<String> OPTION_REQUIRED = Set.of("label", "value", "displayOrder", "hidden");
    static final Set<String> RESPONSE_ONLY = Set.of("fullyQualifiedName", "id", "objectTypeId", "archived",
            "associations", "createdAt", "updatedAt", "createdUserId", "updatedUserId", "labels", "properties",
            "propertyOrder", "trackingType", "primaryObjectId", "comboEventRules", "headerTemplate",
            "detailTemplate", "hubId");
    static final Set<String> TYPES = Set.of("string", "number", "enumeration", "datetime");

    @TempDir
    Path dir;

    @Test
    void everyEventIsACreateDefinitionBodyAndNothingElse() throws IOException {
        for (EventSpec e : load(Path.of("../example-site/src/main/tracking/events"))) {
            assertBody(HubSpotDefinition.requestBody(e), e);
        }
        for (EventSpec e : load(Path.of("src/test/resources/corpus/valid"))) {
            assertBody(HubSpotDefinition.requestBody(e), e);
        }
    }

    @Test
    void absentValuesAreLeftOutAndObjectsAreSentTheWayHubSpotNamesThem() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                events:
                  plain:
                    label: Plain
                    trigger: { visit: "/" }
                  on_car:
                    label: On car
                    description: ""
                    object: p_cars
                    customMatchingId:
                      primaryObjectRule: { eventPropertyName: vin, targetObjectPropertyName: vin_number }
                    trigger: { custom: "track({vin: 'x'})" }
                    properties:
                      vin: string
                      tier:
                        type: enumeration
                        options: { gold: Gold, silver: Silver }
                """);
        List<EventSpec> events = load(dir);
        ObjectNode onCar = HubSpotDefinition.requestBody(events.stream().filter(e -> e.name().equals("on_car")).findFirst().orElseThrow());
        ObjectNode plain = HubSpotDefinition.requestBody(events.stream().filter(e -> e.name().equals("plain")).findFirst().orElseThrow());
        assertThat(plain.has("description")).isFalse();
        assertThat(plain.has("customMatchingId")).isFalse();
        assertThat(plain.path("primaryObject").asText()).isEqualTo("CONTACT");
        assertThat(plain.path("propertyDefinitions").isArray()).isTrue();
        assertThat(plain.path("propertyDefinitions")).isEmpty();
        assertThat(onCar.has("description")).as("empty description left out").isFalse();
        assertThat(onCar.path("primaryObject").asText()).isEqualTo("p_cars");
        assertThat(onCar.path("customMatchingId")).hasToString(
                "{\"primaryObjectRule\":{\"eventPropertyName\":\"vin\",\"targetObjectPropertyName\":\"vin_number\"}}");
        JsonNode vin = onCar.path("propertyDefinitions").get(0);
        assertThat(vin).hasToString("{\"name\":\"vin\",\"label\":\"vin\",\"type\":\"string\"}");
        JsonNode tier = onCar.path("propertyDefinitions").get(1);
        assertThat(tier.path("options")).hasToString("[{\"label\":\"Gold\",\"value\":\"gold\",\"displayOrder\":0,"
                + "\"hidden\":false},{\"label\":\"Silver\",\"value\":\"silver\",\"displayOrder\":1,\"hidden\":false}]");
    }

    private List<EventSpec> load(Path d) {
        Diagnostics diags = new Diagnostics();
        List<EventSpec> events = new SpecLoader(d).load(d, diags);
        assertThat(diags.errors()).isEmpty();
        assertThat(events).isNotEmpty();
        return events;
    }

    /** Asserts that {@code body} is exactly the create-definition request body of {@code e}. */
    public static void assertBody(JsonNode body, EventSpec e) {
        assertFields(body, BODY, BODY_REQUIRED, e.name());
        assertThat(names(body)).doesNotContainAnyElementsOf(RESPONSE_ONLY);
        assertThat(body.path("name").asText()).isEqualTo(e.name());
        assertThat(body.path("label").asText()).isEqualTo(e.label());
        assertThat(body.path("includeDefaultProperties").isBoolean()).isTrue();
        String po = body.path("primaryObject").asText();
        assertThat(po).matches("CONTACT|COMPANY|DEAL|TICKET|2-[0-9]+|p[0-9]*_[A-Za-z][A-Za-z0-9_]*");
        if (body.has("customMatchingId")) {
            assertFields(body.path("customMatchingId"), Set.of("primaryObjectRule"), Set.of("primaryObjectRule"), e.name());
            JsonNode rule = body.path("customMatchingId").path("primaryObjectRule");
            assertFields(rule, Set.of("eventPropertyName", "targetObjectPropertyName"),
                    Set.of("eventPropertyName", "targetObjectPropertyName"), e.name());
            assertThat(e.property(rule.path("eventPropertyName").asText())).isNotNull();
        }
        assertThat(body.path("propertyDefinitions")).hasSize(e.properties().size());
        int i = 0;
        for (JsonNode p : body.path("propertyDefinitions")) {
            PropertySpec spec = e.properties().get(i++);
            assertFields(p, PROPERTY, PROPERTY_REQUIRED, e.name() + "." + spec.name());
            assertThat(p.path("name").asText()).isEqualTo(spec.name());
            assertThat(p.path("type").asText()).isIn(TYPES).isEqualTo(spec.type().id());
            assertThat(p.has("options")).isEqualTo(spec.type() == PropertyType.ENUMERATION);
            for (JsonNode o : p.path("options")) {
                assertFields(o, OPTION, OPTION_REQUIRED, e.name() + "." + spec.name() + " option");
                assertThat(o.path("displayOrder").isInt()).isTrue();
                assertThat(o.path("hidden").isBoolean()).isTrue();
            }
        }
    }

    /** Only known fields, every required one, no empty strings and no nulls anywhere. */
    static void assertFields(JsonNode node, Set<String> allowed, Set<String> required, String what) {
        assertThat(node.isObject()).as(what).isTrue();
        assertThat(allowed).as(what).containsAll(names(node));
        assertThat(names(node)).as(what).containsAll(required);
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            assertThat(f.getValue().isNull()).as(what + "." + f.getKey()).isFalse();
            if (f.getValue().isTextual()) {
                assertThat(f.getValue().asText()).as(what + "." + f.getKey()).isNotEmpty();
            }
        }
    }

    static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
