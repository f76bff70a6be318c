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
    CUSTOM(false),
    /**
     * A HubSpot form (by form id, or {@code *} for any) submitted successfully: the form is injected
     * at run time, so the bundle listens to the events HubSpot's form embed sends on the window.
     */
    HUBSPOT_FORM(false, "hubspotForm");

    private final boolean hasElement;
    private final String id;

    TriggerKind(boolean hasElement) {
        this(hasElement, null);
    }

    TriggerKind(boolean hasElement, String id) {
        this.hasElement = hasElement;
        this.id = id;
    }

    /** Whether the bundle reads submitted form fields ({@code {field: NAME}}) for this trigger. */
    public boolean hasFields() {
        return this == SUBMIT || this == HUBSPOT_FORM;
    }

    /** Whether the trigger has an element (the clicked element or the submitted form). */
    public boolean hasElement() {
        return hasElement;
    }

    public String id() {
        return id != null ? id : name().toLowerCase(Locale.ROOT);
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
