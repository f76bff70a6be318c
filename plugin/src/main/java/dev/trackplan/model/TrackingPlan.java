package dev.trackplan.model;

import java.util.Comparator;
import java.util.List;

/** All events of a site, sorted by name so every later stage is independent of file order. */
public record TrackingPlan(List<EventSpec> events) {

    public TrackingPlan {
        events = events.stream().sorted(Comparator.comparing(EventSpec::name)
                .thenComparing(e -> e.pos().file())).toList();
    }

    public EventSpec event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
