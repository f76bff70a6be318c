package dev.trackplan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One shared property of the plan's library and the event properties that use it. The definition
 * shown is the resolved property of the first user (all users share its type, label and options).
 */
public record SharedUse(String name, PropertySpec definition, List<User> users) {

    public SharedUse {
        users = List.copyOf(users);
    }

    /** An event property resolved from the shared definition. */
    public record User(String event, String property, ValueSource from) {}

    /** The shared properties the plan's events use, sorted by name, each with its users in plan order. */
    public static List<SharedUse> of(TrackingPlan plan) {
        Map<String, List<User>> users = new TreeMap<>();
        Map<String, PropertySpec> defs = new TreeMap<>();
        for (EventSpec e : plan.events()) {
            for (PropertySpec p : e.properties()) {
                if (p.shared()) {
                    defs.putIfAbsent(p.use(), p);
                    users.computeIfAbsent(p.use(), k -> new ArrayList<>()).add(new User(e.name(), p.name(), p.from()));
                }
            }
        }
        List<SharedUse> out = new ArrayList<>();
        users.forEach((name, list) -> out.add(new SharedUse(name, defs.get(name), list)));
        return out;
    }
}
