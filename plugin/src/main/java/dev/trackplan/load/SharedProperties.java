package dev.trackplan.load;

import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's shared property library (every spec file's top-level {@code properties:}) and the
 * resolution of each event's {@code {use: NAME}} reference onto it: the event gets the shared
 * definition's type, label, description and options, its own name, and its own {@code from} when
 * it gives one (an event without trigger, sent from elsewhere, does not take the shared {@code from}).
 * A name defined in two files is ambiguous; a name defined nowhere is unknown.
 */
final class SharedProperties {
    private final Map<String, List<PropertySpec>> byName = new LinkedHashMap<>();

    SharedProperties(List<PropertySpec> library, Diagnostics d) {
        for (PropertySpec p : library) {
            List<PropertySpec> defs = byName.computeIfAbsent(p.name(), k -> new ArrayList<>());
            if (!defs.isEmpty()) {
                PropertySpec first = defs.get(0);
                d.error(p.pos(), Rule.SHARED_PROPERTY_TWICE.code(), "shared property '" + p.name()
                        + "' is already defined at " + first.pos().toString() + "; keep one definition");
            }
            defs.add(p);
        }
    }

    List<EventSpec> resolve(List<EventSpec> events, Diagnostics d) {
        List<EventSpec> out = new ArrayList<>(events.size());
        for (EventSpec e : events) {
            if (e.properties().stream().noneMatch(PropertySpec::shared)) {
                out.add(e);
                continue;
            }
            List<PropertySpec> props = new ArrayList<>();
            for (PropertySpec p : e.properties()) {
                if (!p.shared()) {
                    props.add(p);
                    continue;
                }
                PropertySpec resolved = resolve(e, p, d);
                if (resolved != null) {
                    props.add(resolved);
                }
            }
            out.add(new EventSpec(e.name(), e.pos(), e.label(), e.labelPos(), e.description(), e.descriptionPos(),
                    e.object(), e.objectPos(), e.matching(), e.trigger(), props, e.examples(), e.retired(), e.retiredPos(),
                    e.sentElsewhere()));
        }
        return out;
    }

    private PropertySpec resolve(EventSpec e, PropertySpec ref, Diagnostics d) {
        List<PropertySpec> defs = byName.get(ref.use());
        if (defs == null) {
            String hint = byName.isEmpty() ? "" : Suggest.hint(ref.use(), List.copyOf(byName.keySet()));
            d.error(ref.usePos(), Rule.SHARED_PROPERTY_UNKNOWN.code(), "property '" + ref.name() + "' of event '"
                    + e.name() + "' uses shared property '" + ref.use() + "', which no top-level 'properties:' defines"
                    + (hint.isEmpty() ? "; define it in the shared library (e.g. events/properties.yaml)" : hint));
            return null;
        }
        if (defs.size() > 1) {
            d.error(ref.usePos(), Rule.SHARED_PROPERTY_TWICE.code(), "shared property '" + ref.use()
                    + "' is ambiguous: it is defined at " + String.join(" and ",
                            defs.stream().map(p -> p.pos().toString()).toList()) + "; keep one definition");
            return null;
        }
        PropertySpec def = defs.get(0);
        boolean ownFrom = ref.from() != null || ref.fromPos() != null
                // nothing in the browser sends an event without trigger: the shared 'from:' does not apply
                || e.sentElsewhere();
        return new PropertySpec(ref.name(), ref.pos(), def.type(), def.typePos(), def.label(), def.labelPos(),
                def.description(), def.options(), def.optionsPos(),
                ownFrom ? ref.from() : def.from(), ownFrom ? ref.fromPos() : def.fromPos(),
                ref.retired(), ref.retiredPos(), ref.use(), ref.usePos(),
                ref.required() || def.required(), ref.required() ? ref.requiredPos() : def.requiredPos(),
                def.pii(), def.piiPos(), ownFrom ? ref.keepQuery() : def.keepQuery());
    }
}
