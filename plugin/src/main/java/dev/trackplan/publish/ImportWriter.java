package dev.trackplan.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trackplan.model.PropertyType;
import dev.trackplan.publish.Definition.Option;
import dev.trackplan.publish.Definition.PropertyDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One YAML spec for a definition that exists in the account but not in the plan: label,
 * description, object, properties with types and options, and no trigger (so it is published and
 * checked, but not bundled until someone adds a trigger). Written with Jackson's YAML generator.
 */
final class ImportWriter {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ImportWriter() {}

    /** The spec file's text; properties of a type Trackplan does not support are left out and reported. */
    static String yaml(Definition d, String hubId, Consumer<String> log) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("label", d.label() == null ? d.name() : d.label());
        if (d.description() != null) {
            event.put("description", d.description());
        }
        event.put("object", d.object());
        Map<String, Object> props = new LinkedHashMap<>();
        for (PropertyDefinition p : d.properties().values()) {
            if (PropertyType.byId(p.type()) == null) {
                log.accept("property " + d.name() + "." + p.name() + " has type '" + p.type() + "', which Trackplan "
                        + "does not support (string, number, datetime, enumeration); left out of the spec");
                continue;
            }
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("type", p.type());
            if (p.label() != null && !p.label().equals(p.name())) {
                pm.put("label", p.label());
            }
            if (p.description() != null) {
                pm.put("description", p.description());
            }
            List<Option> visible = p.visibleOptions();
            if (!visible.isEmpty()) {
                Map<String, String> options = new LinkedHashMap<>();
                visible.forEach(o -> options.put(o.value(), o.label()));
                pm.put("options", options);
            }
            props.put(p.name(), pm);
        }
        if (!props.isEmpty()) {
            event.put("properties", props);
        }
        try {
            return "# Imported by trackplan:import from the HubSpot account " + hubId + ".\n"
                    + "# No trigger: the event is sent from elsewhere (a server or an app). It is checked, published and\n"
                    + "# listed on the tracking-plan page, but not bundled. Add a trigger (click, visit, submit or\n"
                    + "# custom) to send it from the site.\n"
                    + YAML.writeValueAsString(Map.of("events", Map.of(d.name(), event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
