package dev.trackplan.bundle;

import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.TriggerKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the runtime a bundle carries: only what its events use (value sources, property
 * types, page restrictions, navigation hooks, click and submit listeners, form reading, required
 * values) and what its
 * settings ask for (the banner, Do Not Track, Global Privacy Control). Each part is a Mustache
 * section of {@code bundle.js.mustache}, named by {@link #sections()}.
 */
public record RuntimeFeatures(boolean events, Set<TriggerKind> triggers, Set<SourceKind> sources,
        Set<PropertyType> types, boolean pages, boolean required, boolean keepQuery, boolean formFields,
        boolean hubspotFields, boolean manyElementEvents) {

    /**
     * Click and submit events above this many: a click finds the events whose selector matches by
     * asking about halves of their selectors as one selector list (a few questions however many
     * events), not each selector in turn (fewer bytes, as fast for a few events).
     */
    public static final int MANY_ELEMENT_EVENTS = 16;

    /** Parts for a plan with at most {@link #MANY_ELEMENT_EVENTS} click and submit events. */
    public RuntimeFeatures(boolean events, Set<TriggerKind> triggers, Set<SourceKind> sources, Set<PropertyType> types,
            boolean pages, boolean required, boolean keepQuery, boolean formFields, boolean hubspotFields) {
        this(events, triggers, sources, types, pages, required, keepQuery, formFields, hubspotFields, false);
    }

    /** What the given bundled events need. */
    public static RuntimeFeatures of(Iterable<EventSpec> bundled) {
        boolean any = false;
        boolean pages = false;
        boolean required = false;
        boolean keep = false;
        boolean formFields = false;
        boolean hubspotFields = false;
        int elementEvents = 0;
        Set<TriggerKind> triggers = EnumSet.noneOf(TriggerKind.class);
        Set<SourceKind> sources = EnumSet.noneOf(SourceKind.class);
        Set<PropertyType> types = EnumSet.noneOf(PropertyType.class);
        for (EventSpec e : bundled) {
            any = true;
            TriggerKind k = e.trigger().kind();
            triggers.add(k);
            if (k == TriggerKind.CLICK || k == TriggerKind.SUBMIT) {
                elementEvents++;
            }
            pages |= !e.trigger().pages().isEmpty();
            for (PropertySpec p : e.properties()) {
                if (p.type() != null) {
                    types.add(p.type());
                }
                required |= p.required();
                keep |= !p.keepQuery().isEmpty();
                SourceKind s = p.source(k);
                if (s != null) {
                    sources.add(s);
                    formFields |= s == SourceKind.FIELD && k == TriggerKind.SUBMIT;
                    hubspotFields |= s == SourceKind.FIELD && k == TriggerKind.HUBSPOT_FORM;
                }
            }
        }
        return new RuntimeFeatures(any, triggers, sources, types, pages, required, keep, formFields, hubspotFields,
                elementEvents > MANY_ELEMENT_EVENTS);
    }

    /** Every part (what an event of each kind with every source and type would need). */
    public static RuntimeFeatures all() {
        return new RuntimeFeatures(true, EnumSet.allOf(TriggerKind.class), EnumSet.allOf(SourceKind.class),
                EnumSet.allOf(PropertyType.class), true, true, true, true, true, true);
    }

    /** The section names of the runtime template, each true or false. */
    public Map<String, Object> sections() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", events);
        m.put("pages", pages);
        m.put("navigation", triggers.contains(TriggerKind.VISIT));
        m.put("elementTriggers", triggers.contains(TriggerKind.CLICK) || triggers.contains(TriggerKind.SUBMIT));
        m.put("manyElementEvents", manyElementEvents);
        m.put("customValues", triggers.contains(TriggerKind.CUSTOM));
        m.put("formFields", formFields);
        m.put("hubspotFields", hubspotFields);
        for (SourceKind s : SourceKind.values()) {
            m.put("from" + capitalized(s.id()), sources.contains(s));
        }
        m.put("cleanUrl", sources.contains(SourceKind.URL) || sources.contains(SourceKind.REFERRER));
        m.put("keepQuery", keepQuery);
        m.put("decode", sources.contains(SourceKind.QUERY) || keepQuery);
        for (PropertyType t : PropertyType.values()) {
            m.put("type" + capitalized(t.id()), types.contains(t));
        }
        m.put("cut", types.contains(PropertyType.STRING) || types.contains(PropertyType.ENUMERATION));
        m.put("finite", types.contains(PropertyType.NUMBER) || types.contains(PropertyType.DATETIME));
        m.put("required", required);
        m.put("fail", required || triggers.contains(TriggerKind.CUSTOM));
        return m;
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
