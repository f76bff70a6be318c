package dev.trackplan.check;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.glob.Glob;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.Limits;
import dev.trackplan.model.MatchingRule;
import dev.trackplan.model.PrimaryObject;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.Trigger;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.model.ValueSource;
import dev.trackplan.model.Values;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import dev.trackplan.css.BrowserSelector;

/**
 * Checks events against HubSpot's rules (reference/hubspot-tracking.md) and Trackplan's own
 * (sources that fit their trigger and type, examples that fit the plan). Everything that can be
 * known from the YAML alone is reported here, at the offending key or value.
 */
public final class PlanChecker {
    private static final java.util.regex.Pattern HUBSPOT_FORM_ID = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final java.util.regex.Pattern OBJECT_PROPERTY = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    public void check(List<EventSpec> events, Diagnostics d) {
        if (events.size() > Limits.EVENTS_MAX) {
            List<EventSpec> byName = events.stream().sorted(java.util.Comparator.comparing(EventSpec::name)).toList();
            EventSpec over = byName.get(Limits.EVENTS_MAX);
            d.error(over.pos(), Rule.TOO_MANY_EVENTS.code(), "the plan defines " + events.size() + " events; "
                    + "HubSpot keeps at most " + Limits.EVENTS_MAX + " event definitions per account, so '"
                    + over.name() + "' and the ones after it (by name) could not be created; retire some events");
        }
        Map<String, EventSpec> seen = new HashMap<>();
        for (EventSpec e : events) {
            EventSpec first = seen.putIfAbsent(e.name(), e);
            if (first != null) {
                d.error(e.pos(), Rule.DUPLICATE_EVENT.code(), "event '" + e.name() + "' is already defined at "
                        + first.pos() + "; event names are unique across all files");
            }
            checkEvent(e, d);
        }
    }

    void checkEvent(EventSpec e, Diagnostics d) {
        checkName(e.name(), e.pos(), Rule.EVENT_NAME, Rule.EVENT_NAME_LENGTH, "event", d);
        if (e.label() != null) {
            if (e.label().isBlank()) {
                d.error(e.labelPos(), Rule.LABEL_LENGTH.code(), "label is empty; give the name HubSpot shows");
            } else if (e.label().length() > Limits.EVENT_LABEL_MAX) {
                d.error(e.labelPos(), Rule.LABEL_LENGTH.code(), "label is " + e.label().length()
                        + " characters, over HubSpot's limit of " + Limits.EVENT_LABEL_MAX + "; shorten it");
            }
        }
        if (e.description() != null && e.description().length() > Limits.DESCRIPTION_MAX) {
            d.error(e.descriptionPos(), Rule.DESCRIPTION_LENGTH.code(), "description is " + e.description().length()
                    + " characters, over Trackplan's limit of " + Limits.DESCRIPTION_MAX + " (HubSpot sets none; "
                    + "the description is help text in HubSpot and on the tracking plan page)");
        }
        if (e.object() != null && !PrimaryObject.isValid(e.object())) {
            d.error(e.objectPos(), Rule.OBJECT.code(), "object '" + e.object() + "' is not one of contact, company, "
                    + "deal, ticket, nor a custom object written as HubSpot identifies it (its objectTypeId like "
                    + "'2-1234567', or its name like 'p_cars' or 'p1234567_cars')"
                    + hintOf(e.object(), HubSpotDefaults.OBJECTS));
        }
        checkMatching(e, d);
        Trigger t = e.trigger();
        if (t != null) {
            checkTrigger(t, d);
        }
        checkProperties(e, d);
        if (e.sentElsewhere()) {
            checkSentElsewhere(e, d);
        }
        if (t != null) {
            for (Example x : e.examples()) {
                checkExample(e, x, d);
            }
            if (e.examples().isEmpty() && !e.retired()) {
                d.warning(e.pos(), Rule.NO_EXAMPLES.code(), "event '" + e.name()
                        + "' has no examples; add one so the build proves the values it sends");
            }
        }
    }

    private void checkMatching(EventSpec e, Diagnostics d) {
        MatchingRule m = e.matching();
        if (m == null) {
            if (e.trigger() != null && !e.retired() && e.object() != null && PrimaryObject.isValid(e.object())
                    && !PrimaryObject.isContact(e.object())) {
                d.warning(e.objectPos(), Rule.OBJECT_MATCHING.code(), "event '" + e.name() + "' is attached to '"
                        + e.object() + "' but is sent from the browser, where HubSpot matches an event to the "
                        + "visitor's cookie, which identifies a contact: the occurrences attach to no " + e.object()
                        + " record. Add 'customMatchingId: {primaryObjectRule: {eventPropertyName: <a property of "
                        + "this event>, targetObjectPropertyName: <the " + e.object() + " property it equals>}}', or "
                        + "use 'object: contact'");
            }
            return;
        }
        if (m.eventPropertyName() != null && e.property(m.eventPropertyName()) == null) {
            d.error(m.eventPropertyPos(), Rule.MATCHING_RULE.code(), "eventPropertyName '" + m.eventPropertyName()
                    + "' is not a property of event '" + e.name() + "'; name one of its properties, the one whose "
                    + "value identifies the " + e.object() + " record"
                    + hintOf(m.eventPropertyName(), e.properties().stream().map(PropertySpec::name)
                            .collect(java.util.stream.Collectors.toSet())));
        } else if (m.eventPropertyName() != null && e.property(m.eventPropertyName()).retired() && !e.retired()) {
            d.error(m.eventPropertyPos(), Rule.MATCHING_RULE.code(), "eventPropertyName '" + m.eventPropertyName()
                    + "' is retired: the site no longer sends it, so no occurrence could be matched to a "
                    + e.object() + " record; name a property that is still sent");
        }
        if (m.targetObjectPropertyName() != null && !OBJECT_PROPERTY.matcher(m.targetObjectPropertyName()).matches()) {
            d.error(m.targetObjectPropertyPos(), Rule.MATCHING_RULE.code(), "targetObjectPropertyName '"
                    + m.targetObjectPropertyName() + "' is not a HubSpot property internal name (a letter, then "
                    + "letters, digits and '_'); use the internal name shown in the property's settings, e.g. 'domain'");
        }
    }

    /** An event without a trigger is sent by a server or an app: nothing in the browser reads its values. */
    private void checkSentElsewhere(EventSpec e, Diagnostics d) {
        for (PropertySpec p : e.properties()) {
            if (p.from() != null) {
                d.error(p.fromPos(), Rule.SENT_ELSEWHERE.code(), "event '" + e.name() + "' has no trigger (it is sent "
                        + "from elsewhere, not by the site), so 'from:' has nothing to read; remove it or add a trigger");
            }
        }
        for (Example x : e.examples()) {
            d.error(x.pos(), Rule.SENT_ELSEWHERE.code(), "event '" + e.name() + "' has no trigger (it is sent from "
                    + "elsewhere, not by the site), so its examples cannot run in the browser; remove them or add a trigger");
        }
    }

    private static String hintOf(String word, Set<String> options) {
        String c = dev.trackplan.load.Suggest.closest(word, options.stream().sorted().toList());
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    private void checkName(String name, SourcePos pos, Rule pattern, Rule length, String what, Diagnostics d) {
        if (!Limits.NAME.matcher(name).matches()) {
            String fixed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            d.error(pos, pattern.code(), what + " name '" + name + "' must start with a letter and use only "
                    + "lowercase a-z, 0-9 and '_'" + (Limits.NAME.matcher(fixed).matches() ? "; e.g. '" + fixed + "'" : ""));
        }
        if (name.length() > Limits.NAME_MAX) {
            d.error(pos, length.code(), what + " name '" + name + "' is " + name.length()
                    + " characters, over HubSpot's limit of " + Limits.NAME_MAX);
        }
    }

    private void checkTrigger(Trigger t, Diagnostics d) {
        switch (t.kind()) {
            case CLICK, SUBMIT -> {
                String problem = selectorProblem(t.value());
                if (problem != null) {
                    String shown = t.value().length() > 80 ? t.value().substring(0, 77) + "..." : t.value();
                    d.error(t.valuePos(), Rule.SELECTOR.code(), t.kind().id() + " selector '" + shown
                            + "' cannot be used: " + problem);
                }
            }
            case VISIT -> checkGlob(t.value(), t.valuePos(), "visit", d);
            case HUBSPOT_FORM -> {
                if (!t.value().equals("*") && !HUBSPOT_FORM_ID.matcher(t.value()).matches()) {
                    d.error(t.valuePos(), Rule.TRIGGER_KIND.code(), "hubspotForm is a HubSpot form id (the GUID in "
                            + "the form editor's URL, like 78c2891f-ebdd-44c0-bd94-15c012bbbfbf) or * for any form; "
                            + "found '" + t.value() + "'");
                }
            }
            case CUSTOM -> {
                if (t.value().isBlank()) {
                    d.error(t.valuePos(), Rule.CUSTOM_CODE.code(), "custom trigger code is empty; write the "
                            + "JavaScript that calls track({...})");
                } else if (t.value().length() > Limits.CODE_MAX) {
                    d.error(t.valuePos(), Rule.CUSTOM_CODE.code(), "custom trigger code is " + t.value().length()
                            + " characters, over Trackplan's limit of " + Limits.CODE_MAX
                            + "; move the logic into the site's own scripts");
                } else if (!t.value().contains("track(")) {
                    d.warning(t.valuePos(), Rule.CUSTOM_CODE.code(), "custom trigger code never calls track(...)");
                }
            }
            default -> throw new IllegalStateException();
        }
        for (Trigger.PageGlob g : t.pages()) {
            checkGlob(g.glob(), g.pos(), "pages", d);
        }
    }

    /** Null when the selector is CSS that both jsoup and browsers take alike, else why not. */
    public static String selectorProblem(String selector) {
        return BrowserSelector.problem(selector);
    }

    private void checkGlob(String glob, SourcePos pos, String what, Diagnostics d) {
        try {
            Glob.compile(glob);
        } catch (Glob.InvalidGlobException ex) {
            d.error(pos, Rule.GLOB.code(), what + " glob '" + glob + "' is invalid: " + ex.getMessage());
        }
    }

    private void checkProperties(EventSpec e, Diagnostics d) {
        if (e.properties().size() > Limits.PROPERTIES_MAX) {
            PropertySpec over = e.properties().get(Limits.PROPERTIES_MAX);
            d.error(over.pos(), Rule.TOO_MANY_PROPERTIES.code(), "event '" + e.name() + "' has "
                    + e.properties().size() + " properties; HubSpot keeps only " + Limits.PROPERTIES_MAX
                    + " per event, this one and the rest would be dropped");
        }
        Map<String, PropertySpec> lower = new HashMap<>();
        for (PropertySpec p : e.properties()) {
            PropertySpec twin = lower.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
            if (twin == null) {
                checkName(p.name(), p.pos(), Rule.PROPERTY_NAME, Rule.PROPERTY_NAME_LENGTH, "property", d);
            } else {
                d.error(p.pos(), Rule.DUPLICATE_PROPERTY.code(), "property '" + p.name() + "' is the same as '"
                        + twin.name() + "' (line " + twin.pos().line() + ") after lowercasing; HubSpot keeps only one");
            }
            if (p.name().toLowerCase(Locale.ROOT).startsWith("hs_")) {
                boolean known = HubSpotDefaults.PROPERTY_NAMES.contains(p.name().toLowerCase(Locale.ROOT));
                d.error(p.pos(), Rule.RESERVED_PROPERTY.code(), "property '" + p.name() + "' "
                        + (known ? "is a HubSpot default property, filled in by HubSpot itself"
                                 : "uses the 'hs_' prefix reserved for HubSpot's default properties")
                        + "; choose another name");
            }
            if (p.label() != null && p.label().length() > Limits.PROPERTY_LABEL_MAX) {
                d.error(p.labelPos(), Rule.PROPERTY_LABEL_LENGTH.code(), "property label is " + p.label().length()
                        + " characters, over HubSpot's limit of " + Limits.PROPERTY_LABEL_MAX);
            }
            checkOptions(p, d);
            checkSource(e, p, d);
        }
    }

    private void checkOptions(PropertySpec p, Diagnostics d) {
        if (p.type() == null) {
            return;
        }
        if (p.type() != PropertyType.ENUMERATION) {
            if (!p.options().isEmpty() || p.optionsPos() != null) {
                d.error(p.optionsPos(), Rule.OPTIONS_NOT_ENUM.code(), "'options' only apply to enumeration "
                        + "properties; '" + p.name() + "' is " + p.type().id());
            }
            return;
        }
        if (p.options().isEmpty()) {
            d.error(p.optionsPos() != null ? p.optionsPos() : p.typePos(), Rule.NO_OPTIONS.code(),
                    "enumeration '" + p.name() + "' needs at least one option under 'options:' (value: Label)");
        }
        Set<String> values = new HashSet<>();
        for (EnumOption o : p.options()) {
            if (o.value().isEmpty() || o.value().contains(";")) {
                d.error(o.pos(), Rule.OPTION_VALUE.code(), "option value '" + o.value() + "' "
                        + (o.value().isEmpty() ? "is empty" : "contains ';', which HubSpot uses to separate several values"));
            } else if (o.value().length() > p.maxLength()) {
                d.error(o.pos(), Rule.OPTION_VALUE.code(), "option value is " + o.value().length()
                        + " characters, over the limit of " + p.maxLength() + " for '" + p.name() + "'");
            }
            if (!values.add(o.value())) {
                d.error(o.pos(), Rule.OPTION_VALUE.code(), "option value '" + o.value() + "' is listed twice");
            }
            if (o.label().isBlank() || o.label().length() > Limits.OPTION_LABEL_MAX) {
                d.error(o.pos(), Rule.OPTION_LABEL.code(), "option label of '" + o.value() + "' is "
                        + (o.label().isBlank() ? "empty" : o.label().length() + " characters, over Trackplan's limit of "
                        + Limits.OPTION_LABEL_MAX));
            }
        }
    }

    private void checkSource(EventSpec e, PropertySpec p, Diagnostics d) {
        TriggerKind kind = e.trigger() == null ? null : e.trigger().kind();
        ValueSource s = p.from();
        if (s == null) {
            if (p.fromPos() != null) {
                return; // a 'from:' was given but is invalid, already reported
            }
            if (kind == TriggerKind.CLICK || kind == TriggerKind.VISIT) {
                d.error(p.pos(), Rule.MISSING_SOURCE.code(), "property '" + p.name() + "' has no 'from:'; a "
                        + kind.id() + " trigger needs one (text, url, path, {attribute: NAME}, {value: ...}, ...)");
            }
            return;
        }
        if (kind != null) {
            if (s.kind() == SourceKind.FIELD && !kind.hasFields()) {
                d.error(s.pos(), Rule.SOURCE_TRIGGER.code(), "'{field: ...}' reads a form field and needs a submit "
                        + "or hubspotForm trigger; this event's trigger is " + kind.id());
            }
            if ((s.kind() == SourceKind.TEXT || s.kind() == SourceKind.ATTRIBUTE) && !kind.hasElement()) {
                d.error(s.pos(), Rule.SOURCE_TRIGGER.code(), "'" + s.kind().id() + "' reads the clicked element or "
                        + "submitted form, and a " + kind.id() + " trigger has none");
            }
        }
        if (s.kind().takesArgument() && s.kind() != SourceKind.VALUE && s.argument().isBlank()) {
            d.error(s.pos(), Rule.SOURCE_ARGUMENT.code(), "'{" + s.kind().id() + ": ...}' needs a name");
        }
        if (p.type() == null) {
            return;
        }
        if (s.kind() == SourceKind.NOW && p.type() != PropertyType.DATETIME) {
            d.error(s.pos(), Rule.SOURCE_TYPE.code(), "'now' gives a datetime, but '" + p.name() + "' is "
                    + p.type().id() + "; declare it 'type: datetime'");
        }
        if (s.kind() == SourceKind.VALUE) {
            checkConstant(p, s, d);
        }
    }

    private void checkConstant(PropertySpec p, ValueSource s, Diagnostics d) {
        String v = s.argument();
        switch (p.type()) {
            case NUMBER -> {
                java.math.BigDecimal n = Values.number(v);
                if (n == null) {
                    d.error(s.pos(), Rule.CONSTANT_NUMBER.code(), "constant '" + v + "' is not a number, but '"
                            + p.name() + "' is declared number");
                } else if (Double.isInfinite(n.doubleValue())) {
                    d.error(s.pos(), Rule.CONSTANT_NUMBER.code(), "constant '" + v + "' is beyond the range of a "
                            + "number in the browser (it would become Infinity and be left out); use a finite number");
                }
            }
            case DATETIME -> {
                if (Values.datetime(v).isEmpty()) {
                    d.error(s.pos(), Rule.CONSTANT_DATETIME.code(), "constant '" + v + "' is neither epoch "
                            + "milliseconds nor an ISO 8601 date/time (e.g. 2026-11-22T10:00:00Z)");
                }
            }
            case ENUMERATION -> {
                for (String one : v.split(";", -1)) {
                    if (p.options().stream().noneMatch(o -> o.value().equals(one))) {
                        d.error(s.pos(), Rule.CONSTANT_OPTION.code(), "constant '" + one + "' is not an option of '"
                                + p.name() + "'" + hintOf(one, optionValues(p)));
                    }
                }
            }
            case STRING -> {
                if (v.length() > p.maxLength()) {
                    d.error(s.pos(), Rule.CONSTANT_LENGTH.code(), "constant is " + v.length() + " characters; '"
                            + p.name() + "' holds at most " + p.maxLength() + lengthWhy(p));
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    static String lengthWhy(PropertySpec p) {
        return Limits.isLongValueName(p.name()) ? "" : " (1024 only for names containing url, referrer or link)";
    }

    private static Set<String> optionValues(PropertySpec p) {
        Set<String> s = new HashSet<>();
        p.options().forEach(o -> s.add(o.value()));
        return s;
    }

    private void checkExample(EventSpec e, Example x, Diagnostics d) {
        if (x.page() != null && !x.page().startsWith("/")) {
            d.error(x.pagePos(), Rule.EXAMPLE_PAGE.code(), "example page '" + x.page()
                    + "' must be a site path starting with '/', like /pricing/");
        }
        if (x.element() != null) {
            Parser parser = Parser.htmlParser().setTrackErrors(5);
            Document checked = parser.parseInput("<!doctype html><html><head></head><body>" + x.element()
                    + "</body></html>", "");
            if (!parser.getErrors().isEmpty()) {
                ParseError pe = parser.getErrors().get(0);
                d.error(x.elementPos(), Rule.EXAMPLE_ELEMENT.code(), "example element is not well-formed HTML: "
                        + pe.getErrorMessage());
            } else if ((e.trigger().kind() == TriggerKind.CLICK || e.trigger().kind() == TriggerKind.SUBMIT)
                    && selectorProblem(e.trigger().value()) == null) {
                boolean match = false;
                for (Element el : checked.body().select(e.trigger().value())) {
                    match |= el != checked.body();
                }
                if (!match) {
                    d.error(x.elementPos(), Rule.EXAMPLE_NO_MATCH.code(), "example element does not match the "
                            + "trigger selector '" + e.trigger().value() + "'");
                }
            }
        }
        for (PropertySpec p : e.properties()) {
            if (p.required() && !p.retired() && !x.expect().containsKey(p.name())) {
                d.error(x.pos(), Rule.REQUIRED_NOT_EXPECTED.code(), "example does not expect '" + p.name()
                        + "', which is required (declared at " + p.requiredPos() + "); add the value it sends");
            }
        }
        for (Map.Entry<String, Example.Expected> ex : x.expect().entrySet()) {
            PropertySpec p = e.property(ex.getKey());
            Example.Expected v = ex.getValue();
            if (p == null) {
                d.error(v.pos(), Rule.EXPECT_UNDECLARED.code(), "example expects '" + ex.getKey() + "', which event '"
                        + e.name() + "' does not declare" + dev.trackplan.load.Suggest.hint(ex.getKey(),
                        e.properties().stream().map(PropertySpec::name).toList()));
                continue;
            }
            if (p.retired()) {
                d.error(v.pos(), Rule.EXPECT_UNDECLARED.code(), "example expects '" + ex.getKey() + "', which is "
                        + "retired (declared but no longer sent); remove it from the example");
                continue;
            }
            if (p.type() == null) {
                continue;
            }
            String problem = switch (p.type()) {
                case NUMBER -> Values.number(v.text()) == null ? "is not a number" : null;
                case DATETIME -> Values.datetime(v.text()).isEmpty() ? "is not epoch ms or ISO 8601" : null;
                case ENUMERATION -> java.util.Arrays.stream(v.text().split(";", -1)).allMatch(optionValues(p)::contains)
                        ? null : "is not one of the options " + optionValues(p).stream().sorted().toList()
                        + " (several values: a list, or joined with ';')";
                case STRING -> v.text().length() > p.maxLength() ? "is longer than " + p.maxLength() : null;
            };
            if (problem != null) {
                d.error(v.pos(), Rule.EXPECT_TYPE.code(), "expected " + ex.getKey() + " = '" + v.text() + "' "
                        + problem + " (" + ex.getKey() + " is " + p.type().id() + ")");
            }
        }
    }
}
