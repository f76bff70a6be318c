package dev.trackplan.model;

/** Where an event stands against the HubSpot account, as far as the lock file knows. */
public enum PublishState {
    /** In the lock file: defined in the account; its name, object and property types are fixed. */
    PUBLISHED("published"),
    /** Not in the lock file yet: {@code trackplan:apply} will create it. */
    NOT_PUBLISHED("not yet published"),
    /** Marked {@code retired: true}: kept so its name is never reused, never sent. */
    RETIRED("retired");

    private final String label;

    PublishState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
