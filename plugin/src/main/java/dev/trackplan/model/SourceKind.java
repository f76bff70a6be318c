package dev.trackplan.model;

import java.util.Locale;

/** Where a property's value comes from in the browser ({@code from:} in the spec). */
public enum SourceKind {
    TEXT(false), URL(false), PATH(false), REFERRER(false), TITLE(false), NOW(false),
    ATTRIBUTE(true), QUERY(true), FIELD(true), META(true), VALUE(true);

    private final boolean takesArgument;

    SourceKind(boolean takesArgument) {
        this.takesArgument = takesArgument;
    }

    /** {@code true} for the map forms, e.g. {@code {attribute: data-plan}}. */
    public boolean takesArgument() {
        return takesArgument;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind byId(String id) {
        for (SourceKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
