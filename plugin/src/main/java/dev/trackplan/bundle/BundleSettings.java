package dev.trackplan.bundle;

/**
 * Site-wide settings baked into the bundle.
 *
 * @param consent           "hubspot" (HubSpot's own banner) or "banner" (Trackplan's banner)
 * @param respectDoNotTrack push ['doNotTrack'] and send nothing when the browser asks not to be tracked
 * @param respectGlobalPrivacyControl the same when the browser sends Global Privacy Control
 */
public record BundleSettings(String hubId, String consent, boolean respectDoNotTrack,
        boolean respectGlobalPrivacyControl, String consentCookie) {
    public static final String DEFAULT_CONSENT_COOKIE = "trackplan_consent";
}
