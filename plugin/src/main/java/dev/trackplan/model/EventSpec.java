package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * One custom behavioral event as the spec defines it. Fields the spec got wrong are null (the
 * mapper already reported them); the checker reports rule violations on the rest. {@code matching}
 * is null when the spec declares no custom matching rule.
 */
public record EventSpec(
        String name,
        SourcePos pos,
        String label,
        SourcePos labelPos,
        String description,
        SourcePos descriptionPos,
        String object,
        SourcePos objectPos,
        MatchingRule matching,
        Trigger trigger,
        List<PropertySpec> properties,
        List<Example> examples) {

    public EventSpec {
        properties = List.copyOf(properties);
        examples = List.copyOf(examples);
    }

    /** The fully qualified name HubSpot uses on the wire: {@code pe<hubId>_<name>}. */
    public String fullName(String hubId) {
        return "pe" + hubId + "_" + name;
    }

    public PropertySpec property(String propertyName) {
        for (PropertySpec p : properties) {
            if (p.name().equals(propertyName)) {
                return p;
            }
        }
        return null;
    }

    public String file() {
        return pos.file();
    }
}
