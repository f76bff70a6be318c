package dev.trackplan.model;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CRM object an event is attached to. HubSpot's standard objects are written in lowercase in
 * the spec ({@code contact}, {@code company}, {@code deal}, {@code ticket}) and sent in uppercase;
 * a custom object is written the way HubSpot identifies custom object types (its
 * {@code objectTypeId} {@code 2-1234567}, its fully qualified name {@code p1234567_car} or the
 * short form {@code p_car}; base names alone are no longer accepted by HubSpot) and sent as written.
 */
public final class PrimaryObject {
    public static final String CONTACT = "contact";
    public static final List<String> STANDARD = List.of("contact", "company", "deal", "ticket");
    private static final Pattern OBJECT_TYPE_ID = Pattern.compile("2-[1-9][0-9]*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("p([1-9][0-9]*)?_[A-Za-z][A-Za-z0-9_]*");

    private PrimaryObject() {}

    public static boolean isStandard(String object) {
        return STANDARD.contains(object);
    }

    public static boolean isCustom(String object) {
        return object != null && (OBJECT_TYPE_ID.matcher(object).matches() || QUALIFIED_NAME.matcher(object).matches());
    }

    public static boolean isValid(String object) {
        return isStandard(object) || isCustom(object);
    }

    public static boolean isContact(String object) {
        return CONTACT.equals(object);
    }

    /** The value of {@code primaryObject} in HubSpot's event-definitions API. */
    public static String apiValue(String object) {
        return isStandard(object) ? object.toUpperCase(Locale.ROOT) : object;
    }
}
