package dev.trackplan.pipeline;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.model.EventSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The events a later stage can still work on: those without an error in their part of the spec
 * file. An invalid event is left out of rendering, the site and the verification, not the whole
 * build, so one build reports the problems of every stage.
 */
final class ValidEvents {
    private ValidEvents() {}

    static List<EventSpec> of(List<EventSpec> events, List<Diagnostic> diagnostics) {
        // each file's events by first line: an error belongs to the event it is written under
        Map<String, TreeMap<Integer, EventSpec>> byFile = new HashMap<>();
        for (EventSpec e : events) {
            byFile.computeIfAbsent(e.file(), f -> new TreeMap<>()).putIfAbsent(e.pos().line(), e);
        }
        Set<EventSpec> invalid = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Diagnostic d : diagnostics) {
            TreeMap<Integer, EventSpec> inFile = byFile.get(d.file());
            if (!d.isError() || inFile == null) {
                continue;
            }
            Map.Entry<Integer, EventSpec> owner = inFile.floorEntry(d.line());
            if (owner != null) {
                invalid.add(owner.getValue());
            }
        }
        // a second definition of a name is an error at its own line, so the first one stays
        List<EventSpec> valid = new ArrayList<>();
        for (EventSpec e : events) {
            if (!invalid.contains(e)) {
                valid.add(e);
            }
        }
        valid.sort(Comparator.comparing(EventSpec::name));
        return valid;
    }
}
