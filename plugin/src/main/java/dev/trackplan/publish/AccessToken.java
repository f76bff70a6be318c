package dev.trackplan.publish;

/**
 * A HubSpot private app access token. It is only ever put into the {@code Authorization} header:
 * {@link #toString()} hides it, and {@link #scrub(String)} removes it from any text before that
 * text reaches a log, a message or an exception.
 */
public final class AccessToken {
    /** The environment variable the token is read from first. */
    public static final String ENV = "HUBSPOT_ACCESS_TOKEN";
    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    /** The token, or null when {@code value} is null or blank. */
    public static AccessToken of(String value) {
        return value == null || value.isBlank() ? null : new AccessToken(value.strip());
    }

    String header() {
        return "Bearer " + value;
    }

    /** {@code text} with every occurrence of the token replaced by {@code ****}. */
    public String scrub(String text) {
        return text == null ? null : text.replace(value, "****");
    }

    @Override
    public String toString() {
        return "AccessToken[****]";
    }
}
