package dev.trackplan.publish;

import dev.trackplan.diag.SourcePos;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * What has been published to HubSpot: per event its object (and whether it is retired), per
 * property its type. Labels and descriptions are not locked; they may change. Entries are only
 * ever added (or marked retired): a published name is forever.
 */
public record Lock(Map<String, LockedEvent> events) {

    public static final Lock EMPTY = new Lock(Map.of());

    public Lock {
        events = new TreeMap<>(events);
    }

    /** One published event; {@code pos} is its place in the lock file (for messages). */
    public record LockedEvent(String name, String object, boolean retired, Map<String, LockedProperty> properties,
            SourcePos pos) {
        public LockedEvent {
            properties = new TreeMap<>(properties);
        }
    }

    /** One published property of an event. */
    public record LockedProperty(String name, String type, SourcePos pos) {}

    public LockedEvent event(String name) {
        return events.get(name);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    /**
     * This lock plus {@code e} as published: its object and retired flag, and the given properties
     * added to those already locked (a locked property is never dropped).
     */
    public Lock with(EventSpec e, Collection<PropertySpec> publishedProperties) {
        Map<String, String> types = new TreeMap<>();
        for (PropertySpec p : publishedProperties) {
            if (p.type() != null) {
                types.put(p.name(), p.type().id());
            }
        }
        return with(e.name(), e.object(), e.retired(), types);
    }

    /** This lock plus one published event with the given property types (name to type). */
    public Lock with(String name, String object, boolean retired, Map<String, String> propertyTypes) {
        Map<String, LockedEvent> all = new TreeMap<>(events);
        LockedEvent old = all.get(name);
        Map<String, LockedProperty> props = new TreeMap<>(old == null ? Map.of() : old.properties());
        propertyTypes.forEach((p, type) -> props.putIfAbsent(p, new LockedProperty(p, type, null)));
        all.put(name, new LockedEvent(name, ObjectNames.spec(object), retired || old != null && old.retired(), props,
                old == null ? null : old.pos()));
        return new Lock(all);
    }

    /** This lock plus every event of the plan with all its properties (for teams that publish by hand). */
    public Lock withAll(Collection<EventSpec> plan) {
        Lock l = this;
        for (EventSpec e : plan) {
            l = l.with(e, e.properties());
        }
        return l;
    }
}
