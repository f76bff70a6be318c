package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TriggerKind;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The properties each event's calls carried, over every scenario of one verification: a declared
 * property that no call of its (otherwise sent) event ever carried, on any page or in any example,
 * is likely one the site cannot fill (TP319, a warning at the property).
 */
final class SentProperties {
    /** Event name -> the properties its calls carried. */
    private final Map<String, Set<String>> sent = new ConcurrentHashMap<>();

    void note(EventSpec e, JsonNode arg) {
        if (e != null && arg != null) {
            Set<String> names = sent.computeIfAbsent(e.name(), n -> ConcurrentHashMap.newKeySet());
            arg.path("properties").fieldNames().forEachRemaining(names::add);
        }
    }

    /** Properties {@code event}'s calls carried on a page verified in an earlier build. */
    void noteNames(String event, Set<String> names) {
        sent.computeIfAbsent(event, n -> ConcurrentHashMap.newKeySet()).addAll(names);
    }

    /** Warns about every page-filled property of {@code e} that none of its calls carried. */
    void warnNeverSent(EventSpec e, Diagnostics d) {
        Set<String> names = sent.get(e.name());
        if (names == null) {
            return; // the event itself was never sent: reported, if at all, as such
        }
        for (PropertySpec p : e.properties()) {
            if (names.contains(p.name()) || p.retired() || !filledByThePage(e, p)) {
                continue;
            }
            String how = p.from() == null ? "" : " (from " + p.from().kind().id()
                    + (p.from().argument().isEmpty() ? "" : ": " + p.from().argument()) + ")";
            d.warning(p.pos(), VerifyRules.NEVER_SENT, e.name() + ": property '" + p.name() + "'" + how
                    + " is declared but no page and no example ever sent it; make a page fill it, add it "
                    + "to an example, or remove it");
        }
    }

    /**
     * Sources the site's pages fill (an element's text or attribute, a form field, a meta tag):
     * never filled on any page means the site cannot fill it. The referrer, the query string and
     * custom code depend on the visit, so they are not judged.
     */
    private static boolean filledByThePage(EventSpec e, PropertySpec p) {
        if (p.from() == null) {
            return e.trigger().kind() == TriggerKind.SUBMIT;
        }
        return switch (p.from().kind()) {
            case TEXT, ATTRIBUTE, FIELD, META -> true;
            default -> false;
        };
    }
}
