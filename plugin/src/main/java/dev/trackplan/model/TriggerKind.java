package dev.trackplan.model;

import java.util.Locale;

/** What makes an event fire in the browser. */
public enum TriggerKind {
    /** A click on an element matching a CSS selector (delegated listener on the document). */
    CLICK(true),
    /** A page view whose path matches a glob, also after single-page navigation. */
    VISIT(false),
    /** A submit of a form matching a CSS selector. */
    SUBMIT(true),
    /** The site's own JavaScript, given a {@code track(properties)} helper. */
    CUSTOM(false);

    private final boolean hasElement;

    TriggerKind(boolean hasElement) {
        this.hasElement = hasElement;
    }

    /** Whether the trigger has an element (the clicked element or the submitted form). */
    public boolean hasElement() {
        return hasElement;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TriggerKind byId(String id) {
        for (TriggerKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }
}
