package dev.trackplan.check;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.PlanSettings;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.TriggerKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The plan's own rules on top of HubSpot's: the team's naming conventions (only those the plan's
 * {@code conventions:} block turns on, reported as warnings or errors as it says) and the privacy
 * guard (personal data only where the plan allows it and the property says so).
 */
public final class PlanPolicies {
    static final String OBJECT_ACTION = "object_action";
    private static final Pattern OBJECT_ACTION_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
    /** Words of a field name that say it holds personal data. */
    private static final Set<String> PERSONAL_WORDS = Set.of("email", "mail", "phone", "tel", "telephone", "mobile",
            "password", "passwd", "pwd", "firstname", "lastname", "fullname", "surname", "address", "street", "zip",
            "postcode", "ssn", "birthday", "birthdate", "dob");
    private static final Set<String> PERSONAL_INPUT_TYPES = Set.of("email", "password", "tel");
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "for",
            "by", "with", "at", "as", "from");
    private static final int MAX_PATTERN = 200;

    private final PlanSettings settings;

    public PlanPolicies(PlanSettings settings) {
        this.settings = settings;
    }

    public void check(List<EventSpec> events, Diagnostics d) {
        PlanSettings.Conventions c = settings.conventions();
        Pattern namePattern = c == null ? null : namePattern(c, d);
        for (EventSpec e : events) {
            if (c != null && !e.retired()) {
                conventions(e, c, namePattern, d);
            }
            for (PropertySpec p : e.properties()) {
                privacy(e, p, d);
            }
        }
    }

    private Pattern namePattern(PlanSettings.Conventions c, Diagnostics d) {
        if (c.eventName() == null || c.eventName().equals(OBJECT_ACTION)) {
            return c.eventName() == null ? null : OBJECT_ACTION_NAME;
        }
        if (c.eventName().length() > MAX_PATTERN) {
            d.error(c.eventNamePos(), Rule.CONVENTION_SETTINGS.code(), "eventName is longer than " + MAX_PATTERN
                    + " characters; write object_action or a short regular expression");
            return null;
        }
        try {
            return Pattern.compile(c.eventName());
        } catch (PatternSyntaxException ex) {
            d.error(c.eventNamePos(), Rule.CONVENTION_SETTINGS.code(), "eventName is neither object_action nor a valid "
                    + "regular expression: " + ex.getDescription());
            return null;
        }
    }

    private void conventions(EventSpec e, PlanSettings.Conventions c, Pattern namePattern, Diagnostics d) {
        if (namePattern != null && !namePattern.matcher(e.name()).matches()) {
            report(c, d, e.pos(), Rule.CONVENTION_NAME, "event name '" + e.name() + "' does not follow the plan's "
                    + "convention " + (c.eventName().equals(OBJECT_ACTION) ? "object_action (like pricing_cta_clicked)"
                    : "/" + c.eventName() + "/") + " (set at " + c.eventNamePos() + ")");
        } else if (!c.verbs().isEmpty()) {
            String verb = e.name().substring(e.name().lastIndexOf('_') + 1);
            if (!c.verbs().contains(verb)) {
                report(c, d, e.pos(), Rule.CONVENTION_NAME, "event name '" + e.name() + "' ends in '" + verb
                        + "', not one of the plan's verbs " + c.verbs() + dev.trackplan.load.Suggest.hint(verb, c.verbs())
                                .replace("; expected one of " + String.join(", ", c.verbs()), ""));
            }
        }
        if (c.labelCase() != null && e.label() != null) {
            String wrong = c.labelCase().equals("sentence") ? notSentenceCase(e.label()) : notTitleCase(e.label());
            if (wrong != null) {
                report(c, d, e.labelPos(), Rule.CONVENTION_LABEL, "label '" + e.label() + "' is not in " + c.labelCase()
                        + " case: " + wrong);
            }
        }
        if (c.requireDescription() && (e.description() == null || e.description().isBlank())) {
            report(c, d, e.pos(), Rule.CONVENTION_DESCRIPTION, "event '" + e.name() + "' has no description; the plan "
                    + "requires one (say what the visitor did and why it is tracked)");
        }
    }

    /** Sentence case: a capital first letter, later words lowercase (acronyms like CTA allowed). */
    static String notSentenceCase(String label) {
        String[] words = label.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        if (Character.isLowerCase(words[0].charAt(0))) {
            return "'" + words[0] + "' should start with a capital letter";
        }
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase(Locale.ROOT))) {
                return "'" + w + "' should be lowercase";
            }
        }
        return null;
    }

    /** Title case: every word capitalised but the small ones (a, of, the, ...) after the first. */
    static String notTitleCase(String label) {
        String[] words = label.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            boolean small = i > 0 && SMALL_WORDS.contains(w.toLowerCase(Locale.ROOT));
            if (!small && Character.isLowerCase(w.charAt(0))) {
                return "'" + w + "' should start with a capital letter";
            }
        }
        return null;
    }

    private static void report(PlanSettings.Conventions c, Diagnostics d, SourcePos pos, Rule rule, String message) {
        if (c.error()) {
            d.error(pos, rule.code(), message);
        } else {
            d.warning(pos, rule.code(), message);
        }
    }

    private void privacy(EventSpec e, PropertySpec p, Diagnostics d) {
        if (p.pii() && !settings.allowPersonalData()) {
            d.error(p.piiPos(), Rule.PERSONAL_DATA.code(), "property '" + p.name() + "' of event '" + e.name()
                    + "' is personal data (pii: true), and the plan does not allow personal data; remove it, or add "
                    + "'privacy: {allowPersonalData: true}' after checking the consent and legal basis");
            return;
        }
        String field = fieldRead(e, p);
        if (field == null || p.pii() || p.retired()) {
            return;
        }
        String why = personalName(field) ? "its name '" + field + "' looks personal" : personalType(e, field);
        if (why != null) {
            SourcePos at = p.from() != null ? p.from().pos() : p.pos();
            d.error(at, Rule.PERSONAL_FIELD.code(), "property '" + p.name() + "' of event '" + e.name() + "' reads form "
                    + "field '" + field + "', and " + why + "; do not send personal data to analytics, or mark the "
                    + "property pii: true (the plan must allow personal data)");
        }
    }

    /** The form field a property reads: {@code {field: NAME}}, or a submit property without from. */
    private static String fieldRead(EventSpec e, PropertySpec p) {
        if (p.from() != null) {
            return p.from().kind() == SourceKind.FIELD ? p.from().argument() : null;
        }
        return e.trigger() != null && e.trigger().kind().hasFields() ? p.name() : null;
    }

    static boolean personalName(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        if (lower.equals("name") || lower.matches(".*(first|last|full|given|family)[_\\-.\\s]?name.*")
                || lower.matches(".*e[_\\-.]?mail.*")) {
            return true;
        }
        for (String word : lower.split("[^a-z0-9]+")) {
            if (PERSONAL_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an example's form has the field as an email, password or phone input. */
    private static String personalType(EventSpec e, String field) {
        for (Example x : e.examples()) {
            if (x.element() == null) {
                continue;
            }
            Document doc = Jsoup.parseBodyFragment(x.element());
            for (Element input : doc.getElementsByAttributeValue("name", field)) {
                String type = input.attr("type").toLowerCase(Locale.ROOT);
                if (PERSONAL_INPUT_TYPES.contains(type)) {
                    return "the example's form has it as an input of type " + type;
                }
            }
        }
        return null;
    }
}
