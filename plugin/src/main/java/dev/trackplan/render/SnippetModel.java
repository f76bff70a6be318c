package dev.trackplan.render;

import dev.trackplan.glob.Glob;
import dev.trackplan.model.EnumOption;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.model.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context a snippet template sees. Every key is always present (templates are strict about
 * missing variables), and every value is text or a list: templates write each as a JS literal.
 */
final class SnippetModel {
    private SnippetModel() {}

    static Map<String, Object> of(EventSpec e, String hubId) {
        Trigger t = e.trigger();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.name());
        m.put("fullName", e.fullName(hubId));
        m.put("label", e.label() == null ? e.name() : e.label());
        m.put("object", e.object() == null ? "contact" : e.object());
        m.put("kind", t.kind().id());
        boolean selectorKind = t.kind() == TriggerKind.CLICK || t.kind() == TriggerKind.SUBMIT;
        m.put("selector", selectorKind ? t.value() : "");
        m.put("visitPattern", t.kind() == TriggerKind.VISIT ? regex(t.value()) : "");
        m.put("formId", t.kind() == TriggerKind.HUBSPOT_FORM ? t.value() : "");
        List<Map<String, Object>> pages = new ArrayList<>();
        for (Trigger.PageGlob g : t.pages()) {
            pages.add(Map.of("glob", g.glob(), "pattern", regex(g.glob())));
        }
        m.put("pages", pages);
        m.put("hasPages", !pages.isEmpty());
        m.put("pagesPattern", pagesPattern(t.pages()));
        List<Map<String, Object>> props = new ArrayList<>();
        for (PropertySpec p : e.properties()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", p.name());
            pm.put("type", p.type().id());
            SourceKind kind = p.source(t.kind());
            String source = kind == null ? "" : kind.id();
            String argument = p.from() != null ? p.from().argument() : kind == SourceKind.FIELD ? p.name() : "";
            pm.put("source", source);
            pm.put("hasSource", kind != null);
            pm.put("hasArgument", kind != null && kind.takesArgument());
            pm.put("isEnumeration", p.type() == PropertyType.ENUMERATION);
            pm.put("required", p.required());
            pm.put("hasKeepQuery", !p.keepQuery().isEmpty());
            pm.put("keepQuery", p.keepQuery().stream().map(k -> Map.of("name", k)).toList());
            pm.put("argument", argument);
            List<Map<String, Object>> options = new ArrayList<>();
            for (EnumOption o : p.options()) {
                options.add(Map.of("value", o.value(), "label", o.label()));
            }
            pm.put("options", options);
            // the descriptor's positions (event.js.mustache): a slot is written when it or a later one has a value
            boolean keep = !p.keepQuery().isEmpty();
            boolean slotRequired = p.required() || keep;
            boolean slotOptions = slotRequired || p.type() == PropertyType.ENUMERATION;
            boolean slotArgument = slotOptions || kind != null && kind.takesArgument();
            pm.put("slotRequired", slotRequired);
            pm.put("slotOptions", slotOptions);
            pm.put("slotArgument", slotArgument);
            pm.put("slotFrom", slotArgument || kind != null);
            props.add(pm);
        }
        m.put("properties", props);
        return m;
    }

    /** One regular expression for all of an event's page globs (empty when it has none). */
    private static String pagesPattern(List<Trigger.PageGlob> globs) {
        if (globs.size() == 1) {
            return regex(globs.get(0).glob());
        }
        StringBuilder sb = new StringBuilder();
        for (Trigger.PageGlob g : globs) {
            sb.append(sb.length() == 0 ? "" : "|").append("(?:").append(regex(g.glob())).append(')');
        }
        return sb.toString();
    }

    private static String regex(String glob) {
        try {
            return Glob.compile(glob).regex();
        } catch (Glob.InvalidGlobException ex) {
            throw new IllegalStateException("glob was checked before rendering: " + glob, ex);
        }
    }
}
