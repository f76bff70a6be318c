package dev.trackplan.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * All events of a site, sorted by name so every later stage is independent of file order, with
 * each event's publishing state (from the lock file; empty when the site has none).
 */
public record TrackingPlan(List<EventSpec> events, Map<String, PublishState> states) {

    public TrackingPlan {
        events = events.stream().sorted(Comparator.comparing(EventSpec::name)
                .thenComparing(e -> e.pos().file())).toList();
        states = Map.copyOf(states);
    }

    public TrackingPlan(List<EventSpec> events) {
        this(events, Map.of());
    }

    public EventSpec event(String name) {
        return events.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The plan the site's bundle carries: events that have a trigger and are not retired, each
     * without its retired properties. Rendering, coverage and verification work on this one.
     */
    public TrackingPlan bundled() {
        return new TrackingPlan(events.stream().filter(EventSpec::bundled).map(EventSpec::withoutRetiredProperties)
                .toList(), states);
    }

    /** The event's state for the tracking-plan page and the dev server. */
    public PublishState state(EventSpec e) {
        if (e.retired()) {
            return PublishState.RETIRED;
        }
        return states.getOrDefault(e.name(), PublishState.NOT_PUBLISHED);
    }

    public TrackingPlan withStates(Map<String, PublishState> newStates) {
        return new TrackingPlan(events, newStates);
    }
}
