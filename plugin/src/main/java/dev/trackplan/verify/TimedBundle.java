package dev.trackplan.verify;

import dev.trackplan.bundle.Bundle;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The bundle as the verification runs it: the shipped code, with a call of the page view's
 * {@link EventClock} at the start of each custom trigger's snippet and after it, so the time of
 * the spec's own code is charged to its event (the snippets of other triggers are Trackplan's
 * code, bounded by design, and run on the runtime's clock). Nothing else changes: the calls go on the
 * snippets' first lines (line numbers stay), stack offsets are mapped back to the shipped code
 * ({@link #toShipped}), and the clock is reached through a script-level constant whose name is
 * random (per JVM): page code cannot name it, and no code can list such constants. The global the
 * constant is read from exists only until the bundle's first snippet starts, before any code of an
 * event runs.
 */
final class TimedBundle {
    /** Where the page view puts its clock for the bundle to take (and delete) before the first snippet. */
    static final String HANDOFF = "__trackplanClock";
    private static final String NAME = "__tp" + HexFormat.of().formatHex(SecureRandom.getSeed(8));

    private final List<String> events = new ArrayList<>();
    /** Offsets in the shipped code where a call goes in, and the calls, in order. */
    private final int[] at;
    private final String[] calls;

    /** {@code timed}: the events whose snippets run on their own clock (those with the spec's own code). */
    TimedBundle(Bundle bundle, java.util.function.Predicate<String> timed) {
        List<Map.Entry<String, Bundle.Span>> spans = new ArrayList<>(bundle.snippets().entrySet());
        spans.sort(Comparator.comparingInt(s -> s.getValue().start()));
        List<Integer> offsets = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        int end = -1;
        for (Map.Entry<String, Bundle.Span> s : spans) {
            String call = NAME + ".at(" + events.size() + ");";
            events.add(s.getKey());
            Bundle.Span span = s.getValue();
            if (span.start() >= span.end() || !timed.test(s.getKey())) {
                continue; // nothing of it runs, or Trackplan's code: on the runtime's clock
            }
            if (span.start() == end) { // right after the previous snippet: one call switches
                inserted.set(inserted.size() - 1, call);
            } else {
                offsets.add(span.start());
                inserted.add(call);
            }
            offsets.add(span.end());
            inserted.add(NAME + ".at(-1);");
            end = span.end();
        }
        if (!inserted.isEmpty()) {
            inserted.set(0, "const " + NAME + "=globalThis." + HANDOFF + ";delete globalThis." + HANDOFF + ";"
                    + inserted.get(0));
        }
        this.at = offsets.stream().mapToInt(Integer::intValue).toArray();
        this.calls = inserted.toArray(String[]::new);
    }

    /** The events, numbered as the clock numbers them (by their snippet's place in the bundle). */
    List<String> events() {
        return events;
    }

    /** The code to run for {@code shipped}: the bundle, or a variant of it with the same offsets (events left out). */
    String instrument(String shipped) {
        StringBuilder out = new StringBuilder(shipped.length() + at.length * 24 + 80);
        int from = 0;
        for (int i = 0; i < at.length; i++) {
            out.append(shipped, from, at[i]).append(calls[i]);
            from = at[i];
        }
        return out.append(shipped, from, shipped.length()).toString();
    }

    /** The offset in the shipped code of an offset in the instrumented one (a call's own text: where it goes in). */
    int toShipped(int offset) {
        int shift = 0;
        for (int i = 0; i < at.length; i++) {
            int start = at[i] + shift;
            if (offset < start) {
                break;
            }
            if (offset < start + calls[i].length()) {
                return at[i];
            }
            shift += calls[i].length();
        }
        return offset - shift;
    }
}
