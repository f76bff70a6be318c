package dev.trackplan.model;

import java.util.Locale;

/** The HubSpot property types an event property can have. */
public enum PropertyType {
    STRING, NUMBER, DATETIME, ENUMERATION;

    /** The name used in YAML, in the bundle and in HubSpot's event-definitions API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PropertyType byId(String id) {
        for (PropertyType t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }
}
