package dev.trackplan.publish;

import java.util.Locale;
import java.util.Map;

/**
 * Object names as the spec writes them ({@code contact}) and as HubSpot's API does ({@code CONTACT},
 * or the object type id {@code 0-1}); custom objects pass through as written.
 */
final class ObjectNames {
    private static final Map<String, String> BY_TYPE_ID = Map.of("0-1", "contact", "0-2", "company", "0-3", "deal",
            "0-5", "ticket");

    private ObjectNames() {}

    /** The spec's form: lowercase for HubSpot's standard objects. */
    static String spec(String apiName) {
        if (apiName == null) {
            return "contact";
        }
        String byId = BY_TYPE_ID.get(apiName);
        if (byId != null) {
            return byId;
        }
        String lower = apiName.toLowerCase(Locale.ROOT);
        return BY_TYPE_ID.containsValue(lower) ? lower : apiName;
    }

    static boolean same(String a, String b) {
        return spec(a).equals(spec(b));
    }
}
