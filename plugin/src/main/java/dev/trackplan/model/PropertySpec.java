package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * One property of an event. {@code type} is null when the spec gave an unknown type (already
 * reported); {@code from} is null when the spec has no {@code from:}. A {@code retired} property
 * was published once: it stays declared (its name and type are locked) but is no longer sent.
 *
 * <p>{@code use} names the shared definition (the plan's {@code properties:} library) the property
 * was resolved from, null for a property defined in its event. Before resolution a reference has
 * only its name, {@code use}, {@code from} and {@code required}. A {@code required} value must be
 * present and convert, or the bundle skips the call. A {@code pii} property carries personal data.
 * {@code keepQuery} names the query parameters a {@code url} or {@code referrer} value keeps (the
 * rest of the query and the fragment are dropped).
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
        SourcePos retiredPos,
        String use,
        SourcePos usePos,
        boolean required,
        SourcePos requiredPos,
        boolean pii,
        SourcePos piiPos,
        List<String> keepQuery) {

    public PropertySpec {
        options = List.copyOf(options);
        keepQuery = List.copyOf(keepQuery);
    }

    /** HubSpot's value limit: 1024 characters when the name says url, referrer or link, else 256. */
    public int maxLength() {
        return Limits.maxValueLength(name);
    }

    /**
     * Where the bundle reads the value under the given trigger: its {@code from:}, else the form
     * field of its name for triggers that submit fields; null when nothing is read (a custom
     * trigger passes the values).
     */
    public SourceKind source(TriggerKind trigger) {
        if (from != null) {
            return from.kind();
        }
        return trigger.hasFields() ? SourceKind.FIELD : null;
    }

    /** Whether the property comes from the plan's shared library. */
    public boolean shared() {
        return use != null;
    }

    public String displayLabel() {
        return label == null || label.isBlank() ? name : label;
    }
}
