package dev.trackplan.publish;

/**
 * HubSpot's API refused a request or could not be reached. The message is for the user: it says
 * what happened and what to do, and never contains the access token.
 */
public final class HubSpotException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String category;

    HubSpotException(int status, String category, String message) {
        super(message);
        this.status = status;
        this.category = category;
    }

    /** The HTTP status, or 0 when no answer came (connection lost, timeout). */
    public int status() {
        return status;
    }

    /** HubSpot's error category ({@code CONFLICT}, {@code MISSING_SCOPES}, ...), or "". */
    public String category() {
        return category;
    }
}
