package dev.trackplan.load;

import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.MatchingRule;
import dev.trackplan.model.PlanSettings;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.Trigger;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.model.ValueSource;
import dev.trackplan.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps one file's YAML tree onto the model. Reports the structural problems (unknown keys, wrong
 * shapes, missing keys); HubSpot's rules are the checker's business.
 */
final class SpecMapper {
    static final List<String> ROOT_KEYS = List.of("events", "properties", "conventions", "privacy");
    static final List<String> CONVENTION_KEYS = List.of("severity", "eventName", "verbs", "labelCase",
            "requireDescription");
    static final List<String> PRIVACY_KEYS = List.of("allowPersonalData");
    static final List<String> EVENT_KEYS = List.of("label", "description", "object", "customMatchingId", "trigger",
            "properties", "examples", "retired");
    static final List<String> MATCHING_KEYS = List.of("primaryObjectRule");
    static final List<String> RULE_KEYS = List.of("eventPropertyName", "targetObjectPropertyName");
    static final List<String> TRIGGER_KEYS = List.of("click", "visit", "submit", "custom", "hubspotForm", "pages");
    static final List<String> PROPERTY_KEYS = List.of("type", "label", "description", "options", "from", "retired",
            "required", "pii", "keepQuery");
    /** What a reference to a shared property may say: the definition itself lives in the library. */
    static final List<String> REFERENCE_KEYS = List.of("use", "from", "required", "retired", "keepQuery");
    static final List<String> EXAMPLE_KEYS = List.of("page", "element", "expect");
    private static final Pattern YAML11_BOOL = Pattern.compile("(?i)y|n|yes|no|on|off");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private final List<Diagnostic> out;
    private final List<PropertySpec> library = new ArrayList<>();
    private PlanSettings settings;

    SpecMapper(List<Diagnostic> out) {
        this.out = out;
    }

    /** The shared property definitions of the file's top-level {@code properties:} (after {@link #map}). */
    List<PropertySpec> library() {
        return library;
    }

    /** The file's {@code conventions:} and {@code privacy:} blocks, null when it has neither. */
    PlanSettings settings() {
        return settings;
    }

    List<EventSpec> map(YamlNode root, String file) {
        List<EventSpec> events = new ArrayList<>();
        if (root == null || root instanceof YamlNode.Scalar s && s.isNull()) {
            out.add(Diagnostic.warning(SourcePos.of(file), Rule.NO_EVENTS.code(),
                    "the file is empty; add an 'events:' map or delete the file"));
            return events;
        }
        if (!(root instanceof YamlNode.Mapping m)) {
            error(root.pos(), Rule.NO_EVENTS, "a spec file is a map with a top-level 'events:' key, found "
                    + root.shape());
            return events;
        }
        unknownKeys(m, ROOT_KEYS, "top-level");
        boolean unknown = m.entries().keySet().stream().anyMatch(k -> !ROOT_KEYS.contains(k));
        YamlNode.Entry shared = m.entry("properties");
        if (shared != null && !isNull(shared.value())) {
            YamlNode.Mapping pm = mapping(shared.value(), "top-level 'properties'",
                    "a map from shared property name to property");
            if (pm != null) {
                for (YamlNode.Entry p : pm.entries().values()) {
                    if (p.value() instanceof YamlNode.Mapping pmm && pmm.entry("use") != null) {
                        error(pmm.entry("use").keyPos(), Rule.UNKNOWN_KEY, "a shared property is a definition, "
                                + "it cannot 'use:' another one; give it its own type");
                        continue;
                    }
                    PropertySpec ps = property(p);
                    if (ps != null) {
                        library.add(ps);
                    }
                }
            }
        }
        YamlNode.Entry conventions = m.entry("conventions");
        YamlNode.Entry privacy = m.entry("privacy");
        if (conventions != null || privacy != null) {
            settings = new PlanSettings(conventions == null ? null : conventions(conventions),
                    privacy != null && allowPersonalData(privacy), privacy == null ? conventions.keyPos() : privacy.keyPos());
        }
        YamlNode.Entry ev = m.entry("events");
        if (ev == null) {
            if (!unknown && shared == null && settings == null) {
                error(m.pos(), Rule.NO_EVENTS, "missing top-level 'events:' map");
            }
            return events;
        }
        if (ev.value() instanceof YamlNode.Scalar s && s.isNull()) {
            out.add(Diagnostic.warning(ev.keyPos(), Rule.NO_EVENTS.code(), "'events:' is empty"));
            return events;
        }
        YamlNode.Mapping eventMap = mapping(ev.value(), "'events'", "a map from event name to event");
        if (eventMap == null) {
            return events;
        }
        for (YamlNode.Entry e : eventMap.entries().values()) {
            EventSpec spec = event(e);
            if (spec != null) {
                events.add(spec);
            }
        }
        return events;
    }

    private EventSpec event(YamlNode.Entry entry) {
        if (misplaced(entry, EVENT_KEYS, "an event key", "the event above it", "event names")) {
            return null;
        }
        YamlNode.Mapping m = mapping(entry.value(), "event '" + entry.key() + "'",
                "a map with label, object, trigger, properties and examples");
        if (m == null) {
            return null;
        }
        Set<String> meant = unknownKeys(m, EVENT_KEYS, "event");
        YamlNode.Entry label = m.entry("label");
        String labelText = null;
        if (label == null && !meant.contains("label")) {
            error(entry.keyPos(), Rule.MISSING_KEY, "event '" + entry.key() + "' has no 'label:'; add the "
                    + "name HubSpot shows for it (at most 100 characters)");
        } else if (label != null) {
            labelText = text(label.value(), "label");
        }
        YamlNode.Entry description = m.entry("description");
        YamlNode.Entry object = m.entry("object");
        YamlNode.Entry matchingEntry = m.entry("customMatchingId");
        MatchingRule matching = matchingEntry == null ? null : matching(matchingEntry);
        YamlNode.Entry trigger = m.entry("trigger");
        // no 'trigger:' at all: the event is sent from elsewhere (a server, an app), never bundled
        Trigger t = trigger == null ? null : trigger(trigger);
        YamlNode.Entry retired = m.entry("retired");
        boolean isRetired = retired != null && flag(retired.value(), "retired");
        List<PropertySpec> properties = new ArrayList<>();
        YamlNode.Entry props = m.entry("properties");
        if (props != null && !isNull(props.value())) {
            YamlNode.Mapping pm = mapping(props.value(), "'properties'", "a map from property name to property");
            if (pm != null) {
                for (YamlNode.Entry p : pm.entries().values()) {
                    PropertySpec ps = property(p);
                    if (ps != null) {
                        properties.add(ps);
                    }
                }
            }
        }
        List<Example> examples = new ArrayList<>();
        YamlNode.Entry ex = m.entry("examples");
        if (ex != null && !isNull(ex.value())) {
            if (ex.value() instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    Example e = example(item);
                    if (e != null) {
                        examples.add(e);
                    }
                }
            } else {
                shape(ex.value(), "'examples'", "a list of examples, each starting with '- '");
            }
        }
        return new EventSpec(entry.key(), entry.keyPos(),
                labelText, label == null ? entry.keyPos() : label.value().pos(),
                description == null ? null : text(description.value(), "description"),
                description == null ? null : description.value().pos(),
                object == null ? "contact" : text(object.value(), "object"),
                object == null ? entry.keyPos() : object.value().pos(),
                matching, t, properties, examples, isRetired, retired == null ? null : retired.value().pos(),
                trigger == null);
    }

    private PlanSettings.Conventions conventions(YamlNode.Entry entry) {
        YamlNode.Mapping m = mapping(entry.value(), "'conventions'",
                "a map with severity, eventName, verbs, labelCase and requireDescription");
        if (m == null) {
            return null;
        }
        unknownKeys(m, CONVENTION_KEYS, "conventions");
        YamlNode.Entry severity = m.entry("severity");
        boolean error = false;
        if (severity != null) {
            String sv = text(severity.value(), "severity");
            if (sv != null && !sv.equals("error") && !sv.equals("warning")) {
                error(severity.value().pos(), Rule.CONVENTION_SETTINGS, "severity is 'error' or 'warning', found '"
                        + sv + "'");
            }
            error = "error".equals(sv);
        }
        YamlNode.Entry name = m.entry("eventName");
        String pattern = name == null ? null : text(name.value(), "eventName");
        List<String> verbs = new ArrayList<>();
        YamlNode.Entry verbEntry = m.entry("verbs");
        if (verbEntry != null) {
            if (verbEntry.value() instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    String v = text(item, "verb");
                    if (v != null) {
                        verbs.add(v);
                    }
                }
            } else {
                shape(verbEntry.value(), "'verbs'", "a list of words, like [clicked, viewed, submitted]");
            }
        }
        YamlNode.Entry labelCase = m.entry("labelCase");
        String lc = labelCase == null ? null : text(labelCase.value(), "labelCase");
        if (lc != null && !lc.equals("sentence") && !lc.equals("title")) {
            error(labelCase.value().pos(), Rule.CONVENTION_SETTINGS, "labelCase is 'sentence' or 'title', found '"
                    + lc + "'");
            lc = null;
        }
        YamlNode.Entry description = m.entry("requireDescription");
        return new PlanSettings.Conventions(pattern, name == null ? null : name.value().pos(), verbs, lc,
                description != null && flag(description.value(), "requireDescription"), error, entry.keyPos());
    }

    private boolean allowPersonalData(YamlNode.Entry entry) {
        YamlNode.Mapping m = mapping(entry.value(), "'privacy'", "a map with allowPersonalData: true or false");
        if (m == null) {
            return false;
        }
        unknownKeys(m, PRIVACY_KEYS, "privacy");
        YamlNode.Entry allow = m.entry("allowPersonalData");
        return allow != null && flag(allow.value(), "allowPersonalData");
    }

    private MatchingRule matching(YamlNode.Entry entry) {
        String expected = "a map with 'primaryObjectRule: {eventPropertyName: ..., targetObjectPropertyName: ...}'";
        YamlNode.Mapping m = mapping(entry.value(), "'customMatchingId'", expected);
        if (m == null) {
            return null;
        }
        unknownKeys(m, MATCHING_KEYS, "customMatchingId");
        YamlNode.Entry rule = m.entry("primaryObjectRule");
        if (rule == null) {
            error(entry.keyPos(), Rule.MISSING_KEY, "'customMatchingId' has no 'primaryObjectRule:'; add "
                    + "eventPropertyName and targetObjectPropertyName under it");
            return null;
        }
        YamlNode.Mapping r = mapping(rule.value(), "'primaryObjectRule'",
                "a map with eventPropertyName and targetObjectPropertyName");
        if (r == null) {
            return null;
        }
        unknownKeys(r, RULE_KEYS, "primaryObjectRule");
        boolean unknown = r.entries().keySet().stream().anyMatch(k -> !RULE_KEYS.contains(k));
        String[] names = new String[2];
        SourcePos[] poss = new SourcePos[2];
        for (int i = 0; i < 2; i++) {
            YamlNode.Entry e = r.entry(RULE_KEYS.get(i));
            if (e == null && unknown) {
                poss[i] = rule.keyPos();
            } else if (e == null) {
                error(rule.keyPos(), Rule.MISSING_KEY, "'primaryObjectRule' has no '" + RULE_KEYS.get(i) + ":'; "
                        + (i == 0 ? "name the event property that carries the matching value"
                                : "name the property of the object's records it is compared with"));
                poss[i] = rule.keyPos();
            } else {
                names[i] = text(e.value(), RULE_KEYS.get(i));
                poss[i] = e.value().pos();
            }
        }
        return new MatchingRule(names[0], poss[0], names[1], poss[1], entry.keyPos());
    }

    private Trigger trigger(YamlNode.Entry entry) {
        YamlNode.Mapping m = mapping(entry.value(), "'trigger'",
                "a map with one of click, visit, submit, custom, hubspotForm (and optionally pages)");
        if (m == null) {
            return null;
        }
        Set<String> meant = unknownKeys(m, TRIGGER_KEYS, "trigger");
        List<YamlNode.Entry> kinds = new ArrayList<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (TriggerKind.byId(e.key()) != null) {
                kinds.add(e);
            }
        }
        List<Trigger.PageGlob> pages = new ArrayList<>();
        YamlNode.Entry pagesEntry = m.entry("pages");
        if (pagesEntry != null) {
            YamlNode pv = pagesEntry.value();
            if (pv instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    String g = text(item, "pages glob");
                    if (g != null) {
                        pages.add(new Trigger.PageGlob(g, item.pos()));
                    }
                }
            } else {
                String g = text(pv, "pages");
                if (g != null) {
                    pages.add(new Trigger.PageGlob(g, pv.pos()));
                }
            }
        }
        if (kinds.isEmpty() && meant.stream().anyMatch(k -> TriggerKind.byId(k) != null)) {
            return null; // a misspelt kind, reported with its "did you mean" already
        }
        if (kinds.size() != 1) {
            String found = kinds.isEmpty() ? "none" : String.join(" and ", kinds.stream().map(YamlNode.Entry::key).toList());
            error(kinds.size() > 1 ? kinds.get(1).keyPos() : entry.keyPos(), Rule.TRIGGER_KIND,
                    "a trigger needs exactly one of click, visit, submit, custom, hubspotForm; found " + found);
            if (kinds.isEmpty()) {
                return null;
            }
        }
        YamlNode.Entry kind = kinds.get(0);
        String value = text(kind.value(), kind.key());
        if (value == null) {
            return null;
        }
        // custom code is located by its first line of code, so a JavaScript error maps onto the YAML line
        SourcePos valuePos = kind.key().equals("custom") && kind.value() instanceof YamlNode.Scalar s
                && !s.text().isBlank() ? s.contentPos() : kind.value().pos();
        return new Trigger(TriggerKind.byId(kind.key()), value, valuePos, pages, entry.keyPos());
    }

    private PropertySpec property(YamlNode.Entry entry) {
        if (misplaced(entry, PROPERTY_KEYS, "a property key", "the property above it", "property names")) {
            return null;
        }
        YamlNode v = entry.value();
        if (v instanceof YamlNode.Scalar s && !s.isNull() && PropertyType.byId(s.text()) != null) {
            // shorthand: "price: number"
            return new PropertySpec(entry.key(), entry.keyPos(), PropertyType.byId(s.text()), s.pos(),
                    null, null, null, List.of(), null, null, null, false, null, null, null, false, null, false, null,
                    List.of());
        }
        if (v instanceof YamlNode.Mapping rm && rm.entry("use") != null) {
            return reference(entry, rm);
        }
        YamlNode.Mapping m = mapping(v, "property '" + entry.key() + "'", "a map with type, label, options and from");
        if (m == null) {
            return null;
        }
        Set<String> meant = unknownKeys(m, PROPERTY_KEYS, "property");
        YamlNode.Entry type = m.entry("type");
        PropertyType pt = null;
        SourcePos typePos = entry.keyPos();
        if (type == null && meant.contains("type")) {
            // reported as a misspelt key already
        } else if (type == null) {
            error(entry.keyPos(), Rule.MISSING_KEY, "property '" + entry.key()
                    + "' has no 'type:'; use string, number, datetime or enumeration");
        } else {
            typePos = type.value().pos();
            String tt = text(type.value(), "type");
            if (tt != null) {
                pt = PropertyType.byId(tt);
                if (pt == null) {
                    List<String> ids = Arrays.stream(PropertyType.values()).map(PropertyType::id).toList();
                    error(typePos, Rule.TYPE, "unknown type '" + tt + "'" + Suggest.hint(tt, ids));
                }
            }
        }
        YamlNode.Entry label = m.entry("label");
        YamlNode.Entry description = m.entry("description");
        List<EnumOption> options = new ArrayList<>();
        YamlNode.Entry opts = m.entry("options");
        if (opts != null) {
            if (opts.value() instanceof YamlNode.Mapping om) {
                for (YamlNode.Entry o : om.entries().values()) {
                    String l = isNull(o.value()) ? o.key() : text(o.value(), "option label");
                    options.add(new EnumOption(o.key(), l == null ? o.key() : l, o.keyPos()));
                }
            } else if (opts.value() instanceof YamlNode.Sequence seq) {
                for (YamlNode item : seq.items()) {
                    String val = text(item, "option");
                    if (val != null) {
                        options.add(new EnumOption(val, val, item.pos()));
                    }
                }
            } else if (!isNull(opts.value())) {
                shape(opts.value(), "'options'", "a map from option value to label");
            }
        }
        YamlNode.Entry retired = m.entry("retired");
        YamlNode.Entry required = m.entry("required");
        YamlNode.Entry pii = m.entry("pii");
        ValueSource from = null;
        YamlNode.Entry fromEntry = m.entry("from");
        if (fromEntry != null) {
            from = source(fromEntry.value());
        }
        return new PropertySpec(entry.key(), entry.keyPos(), pt, typePos,
                label == null ? null : text(label.value(), "label"), label == null ? null : label.value().pos(),
                description == null ? null : text(description.value(), "description"),
                options, opts == null ? null : opts.keyPos(), from, fromEntry == null ? null : fromEntry.keyPos(),
                retired != null && flag(retired.value(), "retired"), retired == null ? null : retired.value().pos(),
                null, null, required != null && flag(required.value(), "required"),
                required == null ? null : required.value().pos(),
                pii != null && flag(pii.value(), "pii"), pii == null ? null : pii.value().pos(),
                keepQuery(m.entry("keepQuery"), from));
    }

    /** {@code keepQuery: [utm_source, ...]}: only beside {@code from: url} or {@code from: referrer}. */
    private List<String> keepQuery(YamlNode.Entry entry, ValueSource from) {
        if (entry == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        if (entry.value() instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) {
                String n = text(item, "keepQuery parameter");
                if (n != null) {
                    names.add(n);
                }
            }
        } else {
            shape(entry.value(), "'keepQuery'", "a list of query parameter names, like [utm_source, utm_medium]");
        }
        if (from != null && from.kind() != SourceKind.URL && from.kind() != SourceKind.REFERRER) {
            error(entry.keyPos(), Rule.SOURCE_ARGUMENT, "keepQuery applies to 'from: url' or 'from: referrer' only; "
                    + "this property is from " + from.describe());
        }
        return names;
    }

    /** {@code plan: {use: plan, from: ..., required: true}}: resolved against the library later. */
    private PropertySpec reference(YamlNode.Entry entry, YamlNode.Mapping m) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!REFERENCE_KEYS.contains(e.key())) {
                String why = PROPERTY_KEYS.contains(e.key()) ? "; a reference to a shared property takes only "
                        + String.join(", ", REFERENCE_KEYS) + " (change '" + e.key() + "' in the shared definition)"
                        : Suggest.hint(e.key(), REFERENCE_KEYS);
                error(e.keyPos(), Rule.UNKNOWN_KEY, "unknown reference key '" + e.key() + "'" + why);
            }
        }
        YamlNode.Entry use = m.entry("use");
        String name = text(use.value(), "use");
        if (name == null) {
            return null;
        }
        YamlNode.Entry fromEntry = m.entry("from");
        ValueSource from = fromEntry == null ? null : source(fromEntry.value());
        YamlNode.Entry required = m.entry("required");
        YamlNode.Entry retired = m.entry("retired");
        return new PropertySpec(entry.key(), entry.keyPos(), null, entry.keyPos(), null, null, null, List.of(), null,
                from, fromEntry == null ? null : fromEntry.keyPos(),
                retired != null && flag(retired.value(), "retired"), retired == null ? null : retired.value().pos(),
                name, use.value().pos(), required != null && flag(required.value(), "required"),
                required == null ? null : required.value().pos(), false, null, keepQuery(m.entry("keepQuery"), from));
    }

    private ValueSource source(YamlNode node) {
        List<String> simple = Arrays.stream(SourceKind.values()).filter(k -> !k.takesArgument()).map(SourceKind::id).toList();
        List<String> withArg = Arrays.stream(SourceKind.values()).filter(SourceKind::takesArgument).map(SourceKind::id).toList();
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            SourceKind k = SourceKind.byId(s.text());
            if (k == null || k.takesArgument()) {
                String hint = k != null ? "; write it as {" + k.id() + ": NAME}" : Suggest.hint(s.text(), allSources());
                error(s.pos(), Rule.SOURCE, "unknown value source '" + s.text() + "'" + hint);
                return null;
            }
            return new ValueSource(k, "", s.pos());
        }
        if (node instanceof YamlNode.Mapping m && m.entries().size() == 1) {
            YamlNode.Entry e = m.entries().values().iterator().next();
            SourceKind k = SourceKind.byId(e.key());
            if (k == null || !k.takesArgument()) {
                String hint = k != null ? "; write it as plain '" + k.id() + "'" : Suggest.hint(e.key(), withArg);
                error(e.keyPos(), Rule.SOURCE, "unknown value source '{" + e.key() + ": ...}'" + hint);
                return null;
            }
            if (!(e.value() instanceof YamlNode.Scalar arg) || (arg.isNull() && k != SourceKind.VALUE)) {
                error(e.value().pos(), Rule.SOURCE_ARGUMENT, "'{" + k.id() + ": ...}' needs a name, found "
                        + e.value().shape());
                return null;
            }
            return new ValueSource(k, arg.text(), arg.pos());
        }
        error(node.pos(), Rule.SOURCE, "'from' is one of " + String.join(", ", simple) + " or a one-key map like "
                + "{attribute: NAME}; found " + node.shape());
        return null;
    }

    private static List<String> allSources() {
        return Arrays.stream(SourceKind.values()).map(SourceKind::id).toList();
    }

    private Example example(YamlNode node) {
        YamlNode.Mapping m = mapping(node, "example", "a map with page, element and expect");
        if (m == null) {
            return null;
        }
        unknownKeys(m, EXAMPLE_KEYS, "example");
        YamlNode.Entry page = m.entry("page");
        YamlNode.Entry element = m.entry("element");
        Map<String, Example.Expected> expect = new LinkedHashMap<>();
        YamlNode.Entry ex = m.entry("expect");
        if (ex != null && !isNull(ex.value())) {
            YamlNode.Mapping em = mapping(ex.value(), "'expect'", "a map from property name to value");
            if (em != null) {
                for (YamlNode.Entry e : em.entries().values()) {
                    if (e.value() instanceof YamlNode.Scalar s) {
                        yaml11(s);
                        expect.put(e.key(), new Example.Expected(s.text(), s.kind() == YamlNode.ScalarKind.NUMBER, e.keyPos()));
                    } else if (e.value() instanceof YamlNode.Sequence seq && !seq.items().isEmpty()
                            && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar sc && !sc.isNull())) {
                        // several values (checked boxes, a multi-select enumeration) arrive joined with ';'
                        List<String> parts = new ArrayList<>();
                        for (YamlNode item : seq.items()) {
                            parts.add(((YamlNode.Scalar) item).text());
                        }
                        expect.put(e.key(), new Example.Expected(String.join(";", parts), false, e.keyPos()));
                    } else {
                        shape(e.value(), "expected value of '" + e.key() + "'", "a single value or a list of values");
                    }
                }
            }
        }
        return new Example(m.pos(),
                page == null ? null : text(page.value(), "page"), page == null ? null : page.value().pos(),
                element == null ? null : text(element.value(), "element"), element == null ? null : element.value().pos(),
                expect);
    }

    // helpers

    private void yaml11(YamlNode.Scalar s) {
        if (s.kind() == YamlNode.ScalarKind.BOOLEAN && YAML11_BOOL.matcher(s.text()).matches()
                || s.kind() == YamlNode.ScalarKind.NUMBER && LEADING_ZERO.matcher(s.text()).matches()) {
            out.add(Diagnostic.warning(s.pos(), Rule.YAML_11_SCALAR.code(), "unquoted '" + s.text()
                    + "' is read as the text \"" + s.text() + "\" (not as a boolean or octal number); quote it to say so"));
        }
    }

    /**
     * Reports each key that is not allowed here, saying when it belongs one level up or down
     * (a mis-indented line) or which allowed key it is probably a misspelling of. Returns the keys
     * suggested, so that "has no 'label:'" is not reported on top of "did you mean 'label'".
     */
    private Set<String> unknownKeys(YamlNode.Mapping m, List<String> allowed, String where) {
        Set<String> meant = new HashSet<>();
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String elsewhere = belongsElsewhere(e.key(), where);
                String suggestion = elsewhere == null ? Suggest.closest(e.key(), allowed) : null;
                if (suggestion != null) {
                    meant.add(suggestion);
                }
                if ("event".equals(where) && TRIGGER_KEYS.contains(e.key())) {
                    meant.add("trigger"); // its trigger is there, at the wrong level
                }
                error(e.keyPos(), Rule.UNKNOWN_KEY, "unknown " + where + " key '" + e.key() + "'"
                        + (elsewhere != null ? "; " + elsewhere : Suggest.hint(e.key(), allowed)));
            }
        }
        return meant;
    }

    /** Where a key that is wrong here is right: one level up or down, i.e. the line is mis-indented. */
    private static String belongsElsewhere(String key, String where) {
        switch (where) {
            case "top-level":
                if (EVENT_KEYS.contains(key)) {
                    return "'" + key + "' is an event key: indent it under an event name below 'events:'";
                }
                return null;
            case "event":
                if (TRIGGER_KEYS.contains(key)) {
                    return "'" + key + "' belongs under 'trigger:'; indent it one level further, below 'trigger:'";
                }
                if (PROPERTY_KEYS.contains(key)) {
                    return "'" + key + "' is a property key: indent it under a property below 'properties:'";
                }
                if (EXAMPLE_KEYS.contains(key)) {
                    return "'" + key + "' belongs to an example: write it below 'examples:' as '- " + key + ": ...'";
                }
                return null;
            case "trigger":
                if (EVENT_KEYS.contains(key)) {
                    return "'" + key + "' is an event key, indented one level too far: line it up with 'trigger:'";
                }
                if (PROPERTY_KEYS.contains(key)) {
                    return "'" + key + "' is a property key: indent it under a property below 'properties:'";
                }
                return null;
            case "property":
                if (EVENT_KEYS.contains(key)) {
                    return "'" + key + "' is an event key, indented too far: line it up with 'properties:'";
                }
                if (TRIGGER_KEYS.contains(key)) {
                    return "'" + key + "' belongs under 'trigger:', not under a property";
                }
                return null;
            case "example":
                if (EVENT_KEYS.contains(key)) {
                    return "'" + key + "' is an event key, indented too far: line it up with 'examples:'";
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * A key of the level below standing where names go ("from:" under "properties:", "label:"
     * under "events:"): the line lost one level of indentation. Reported once, in those words.
     */
    private boolean misplaced(YamlNode.Entry entry, List<String> childKeys, String what, String owner, String names) {
        if (!childKeys.contains(entry.key())) {
            return false;
        }
        YamlNode v = entry.value();
        if (v instanceof YamlNode.Mapping m && m.entries().keySet().stream().anyMatch(childKeys::contains)) {
            return false; // a real entry that happens to have that name
        }
        if (v instanceof YamlNode.Scalar s && !s.isNull() && childKeys == PROPERTY_KEYS
                && PropertyType.byId(s.text()) != null && !entry.key().equals("type")) {
            return false; // "label: string" is a property named label, in shorthand
        }
        error(entry.keyPos(), Rule.WRONG_SHAPE, "'" + entry.key() + "' is " + what + " but stands where " + names
                + " go: it is indented one level too little; indent it under " + owner);
        return true;
    }

    private YamlNode.Mapping mapping(YamlNode node, String what, String expected) {
        if (node instanceof YamlNode.Mapping m) {
            return m;
        }
        shape(node, what, expected);
        return null;
    }

    private String text(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && !s.isNull()) {
            yaml11(s);
            return s.text();
        }
        shape(node, "'" + what + "'", "a single value");
        return null;
    }

    /** A true/false key such as {@code retired: true}. */
    private boolean flag(YamlNode node, String what) {
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.BOOLEAN
                && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return s.text().equalsIgnoreCase("true");
        }
        shape(node, "'" + what + "'", "true or false");
        return false;
    }

    private void shape(YamlNode node, String what, String expected) {
        error(node.pos(), Rule.WRONG_SHAPE, what + " must be " + expected + ", found " + node.shape());
    }

    private static boolean isNull(YamlNode n) {
        return n instanceof YamlNode.Scalar s && s.isNull();
    }

    private void error(SourcePos pos, Rule rule, String message) {
        out.add(Diagnostic.error(pos, rule.code(), message));
    }
}
