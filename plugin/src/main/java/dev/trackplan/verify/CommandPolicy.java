package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Which {@code _hsq}/{@code _hsp} commands a page may push, and when: only the commands HubSpot
 * documents; before the visitor consents to analytics, after a decline or withdrawal, and with Do
 * Not Track or Global Privacy Control only the consent plumbing (the consent listener,
 * {@code doNotTrack}, handing over a choice that grants no analytics, the banner commands); with
 * Do Not Track or Global Privacy Control also nothing after consent. {@code trackCustomBehavioralEvent} payloads are checked
 * against the plan by {@link CallValidator}.
 */
final class CommandPolicy {
    private static final Set<String> HSQ = Set.of("trackPageView", "setPath", "identify",
            "trackCustomBehavioralEvent", "doNotTrack", "addPrivacyConsentListener", "addIdentityListener",
            "refreshPageHandlers", "setContentType", "revokeCookieConsent");
    private static final Set<String> HSP = Set.of("addPrivacyConsentListener", "setHubSpotConsent",
            "revokeCookieConsent", "showBanner");

    private CommandPolicy() {}

    /** What is wrong with a command pushed in its phase, or null. */
    static CallValidator.Problem problem(Recorder.Command c, String refusal) {
        boolean doNotTrack = refusal != null;
        String shown = shown(c);
        JsonNode cmd = c.command();
        if (!cmd.isArray() || cmd.isEmpty() || !cmd.get(0).isTextual()) {
            return new CallValidator.Problem(VerifyRules.UNKNOWN_COMMAND, "pushed " + shown + " to _" + c.queue()
                    + ", which is not a command (an array starting with the method's name)");
        }
        String method = c.method();
        if ("hsq".equals(c.queue()) && "trackEvent".equals(method)) {
            return new CallValidator.Problem(VerifyRules.UNKNOWN_COMMAND, "pushed " + shown + ": the legacy "
                    + "trackEvent no longer works; use trackCustomBehavioralEvent");
        }
        if (!("hsq".equals(c.queue()) ? HSQ : HSP).contains(method)) {
            return new CallValidator.Problem(VerifyRules.UNKNOWN_COMMAND, "pushed " + shown + " to _" + c.queue()
                    + ": '" + method + "' is not a command HubSpot documents for _" + c.queue());
        }
        if (doNotTrack && "doNotTrack".equals(method) && cmd.size() > 1) {
            return new CallValidator.Problem(VerifyRules.DO_NOT_TRACK, "pushed " + shown
                    + " (tracking back on) although the visitor asked not to be tracked (" + refusal + ")");
        }
        if (plumbing(c)) {
            return null;
        }
        if (doNotTrack) {
            return new CallValidator.Problem(VerifyRules.DO_NOT_TRACK, "pushed " + shown
                    + " although the visitor asked not to be tracked (" + refusal + ")");
        }
        return c.phase() == Recorder.Phase.ACCEPTED ? null
                : new CallValidator.Problem(VerifyRules.CONSENT, "pushed " + shown + " " + c.when());
    }

    /** Consent plumbing: allowed whatever the visitor chose. */
    private static boolean plumbing(Recorder.Command c) {
        String m = c.method();
        if ("hsq".equals(c.queue())) {
            return m.equals("doNotTrack") || m.equals("addPrivacyConsentListener");
        }
        if (m.equals("setHubSpotConsent")) {
            return c.phase() == Recorder.Phase.ACCEPTED || !grantsAnalytics(c.argument());
        }
        return true;
    }

    /** Events are analytics: handing HubSpot an analytics grant the visitor did not give decides for them. */
    private static boolean grantsAnalytics(JsonNode arg) {
        JsonNode a = arg == null ? null : arg.get("analytics");
        return a != null && !(a.isBoolean() && !a.asBoolean()) && !a.isNull();
    }

    static String shown(Recorder.Command c) {
        String s = c.command().toString();
        return s.length() > 160 ? s.substring(0, 160) + "...]" : s;
    }
}
