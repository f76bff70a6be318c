package dev.trackplan.model;

import dev.trackplan.diag.SourcePos;
import java.util.List;

/**
 * The trigger of an event: its kind, the kind's value (CSS selector, path glob or JS code) and
 * the optional {@code pages} globs that restrict it.
 */
public record Trigger(TriggerKind kind, String value, SourcePos valuePos, List<PageGlob> pages, SourcePos pos) {

    public Trigger {
        pages = List.copyOf(pages);
    }

    /** One glob of {@code pages:} with its position. */
    public record PageGlob(String glob, SourcePos pos) {}
}
