package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * One custom behavioral event as the spec defines it. Fields the spec got wrong are null (the
 * mapper already reported them); the checker reports rule violations on the rest. {@code matching}
 * is null when the spec declares no custom matching rule.
 *
 * <p>{@code retired} events were published once and stay in the plan (and the lock file) so their
 * name is never reused, but are never bundled. {@code sentElsewhere} events have no {@code trigger:}
 * at all: a server or an app sends them, so they are checked and published but not bundled.
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
        List<Example> examples,
        boolean retired,
        SourcePos retiredPos,
        boolean sentElsewhere) {

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

    /** Whether the site's bundle sends this event: it has a trigger and is not retired. */
    public boolean bundled() {
        return !retired && !sentElsewhere && trigger != null;
    }

    /** The same event with only the properties the bundle still sends (retired ones dropped). */
    public EventSpec withoutRetiredProperties() {
        if (properties.stream().noneMatch(PropertySpec::retired)) {
            return this;
        }
        return new EventSpec(name, pos, label, labelPos, description, descriptionPos, object, objectPos, matching, trigger,
                properties.stream().filter(p -> !p.retired()).toList(), examples, retired, retiredPos, sentElsewhere);
    }

    public String file() {
        return pos.file();
    }
}
