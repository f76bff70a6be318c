package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * One property of an event. {@code type} is null when the spec gave an unknown type (already
 * reported); {@code from} is null when the spec has no {@code from:}. A {@code retired} property
 * was published once: it stays declared (its name and type are locked) but is no longer sent.
 */
public record PropertySpec(
        String name,
        SourcePos pos,
        PropertyType type,
        SourcePos typePos,
        String label,
        SourcePos labelPos,
        String description,
        List<EnumOption> options,
        SourcePos optionsPos,
        ValueSource from,
        SourcePos fromPos,
        boolean retired,
        SourcePos retiredPos) {

    public PropertySpec {
        options = List.copyOf(options);
    }

    /** HubSpot's value limit: 1024 characters when the name says url, referrer or link, else 256. */
    public int maxLength() {
        return Limits.maxValueLength(name);
    }

    public String displayLabel() {
        return label == null || label.isBlank() ? name : label;
    }
}
