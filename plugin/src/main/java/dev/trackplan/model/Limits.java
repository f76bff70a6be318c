package dev.trackplan.model;

import java.util.regex.Pattern;

/**
 * Limits for custom behavioral events: HubSpot's (reference/hubspot-tracking.md) and, marked as
 * such, Trackplan's own where HubSpot documents none.
 */
public final class Limits {
    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");
    public static final int NAME_MAX = 50;
    public static final int EVENT_LABEL_MAX = 100;
    public static final int PROPERTY_LABEL_MAX = 50;
    /** HubSpot: event definitions per account. */
    public static final int EVENTS_MAX = 500;
    /** Trackplan's own: HubSpot documents no limit on descriptions. */
    public static final int DESCRIPTION_MAX = 1000;
    public static final int PROPERTIES_MAX = 50;
    public static final int VALUE_MAX = 256;
    public static final int LONG_VALUE_MAX = 1024;
    /** Trackplan's own: HubSpot documents no limit on option labels. */
    public static final int OPTION_LABEL_MAX = 100;
    /** Trackplan's own: the size of a custom trigger's code. */
    public static final int CODE_MAX = 20_000;

    private Limits() {}

    /** Whether a property may hold 1024 characters: its name contains url, referrer or link. */
    public static boolean isLongValueName(String propertyName) {
        String n = propertyName.toLowerCase(java.util.Locale.ROOT);
        return n.contains("url") || n.contains("referrer") || n.contains("link");
    }

    public static int maxValueLength(String propertyName) {
        return isLongValueName(propertyName) ? LONG_VALUE_MAX : VALUE_MAX;
    }
}
