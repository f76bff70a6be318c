package dev.trackplan.publish;

import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.load.Suggest;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules HubSpot never forgives, checked offline against the lock file: a published event
 * keeps its name and object, a published property its name and type, a retired name is never
 * used again; and an account holds at most 500 definitions. Reported at the spec's line where the
 * spec still has the thing, else at the lock file's line.
 */
public final class LockRules {
    public static final int MAX_DEFINITIONS = 500;
    static final String WHY = "HubSpot never renames an event or property, never changes an event's object or a "
            + "property's type, and a deleted name can never be used again (reports and workflows depend on them)";

    private LockRules() {}

    public static void check(List<EventSpec> plan, Lock lock, String lockShown, Diagnostics d) {
        Map<String, EventSpec> byName = new java.util.HashMap<>();
        plan.forEach(e -> byName.putIfAbsent(e.name(), e));
        List<EventSpec> unlocked = plan.stream().filter(e -> lock.event(e.name()) == null).toList();
        Set<String> blamedAsRename = new HashSet<>();
        for (Lock.LockedEvent locked : lock.events().values()) {
            EventSpec e = byName.get(locked.name());
            if (e == null) {
                EventSpec renamed = renameOf(locked, unlocked, blamedAsRename);
                if (renamed != null) {
                    blamedAsRename.add(renamed.name());
                    d.error(renamed.pos(), Rule.PUBLISHED_EVENT_MISSING.code(), "event '" + renamed.name()
                            + "' looks like a rename of '" + locked.name() + "', which was published (per the lock file "
                            + lockShown + ") and is gone from the plan: " + WHY + ". Keep '" + locked.name()
                            + "' in the plan (with 'retired: true' if the site no longer sends it) and add '"
                            + renamed.name() + "' as a new event");
                } else {
                    d.error(locked.pos() != null ? locked.pos() : SourcePos.of(lockShown),
                            Rule.PUBLISHED_EVENT_MISSING.code(), "event '" + locked.name() + "' was published (per "
                            + "this lock file) but no spec defines it any more: " + WHY + ". Put it back in a spec "
                            + "with 'retired: true' (object " + locked.object() + ") and add a new event instead");
                }
                continue;
            }
            checkEvent(e, locked, lockShown, d);
        }
        checkLimit(plan, lock, lockShown, d);
    }

    private static void checkEvent(EventSpec e, Lock.LockedEvent locked, String lockShown, Diagnostics d) {
        if (e.object() != null && !ObjectNames.same(e.object(), locked.object())) {
            d.error(e.objectPos(), Rule.PUBLISHED_OBJECT_CHANGED.code(), "event '" + e.name() + "' was published "
                    + "with object '" + locked.object() + "' (per the lock file " + lockShown + "), and its object "
                    + "cannot change: " + WHY + ". Keep object '" + locked.object() + "', or mark this event "
                    + "'retired: true' and add a new event for '" + e.object() + "'");
        }
        if (locked.retired() && !e.retired()) {
            d.error(e.pos(), Rule.RETIRED_REUSED.code(), "event '" + e.name() + "' was retired (per the lock file "
                    + lockShown + ") and a retired name is never used again: " + WHY + ". Keep 'retired: true' "
                    + "and add a new event with another name");
        }
        for (Lock.LockedProperty lp : locked.properties().values()) {
            PropertySpec p = e.property(lp.name());
            if (p == null) {
                d.error(e.pos(), Rule.PUBLISHED_PROPERTY_MISSING.code(), "property '" + lp.name() + "' of event '"
                        + e.name() + "' was published as " + lp.type() + " (per the lock file " + lockShown
                        + ") and is gone from the spec: " + WHY + ". Declare it again (type " + lp.type()
                        + ", with 'retired: true' to stop sending it) and add a new property instead");
            } else if (p.type() != null && !p.type().id().equals(lp.type())) {
                d.error(p.typePos(), Rule.PUBLISHED_TYPE_CHANGED.code(), "property '" + p.name() + "' of event '"
                        + e.name() + "' was published as " + lp.type() + " (per the lock file " + lockShown
                        + ") and cannot become " + p.type().id() + ": " + WHY + ". Keep type " + lp.type()
                        + ", or mark it 'retired: true' and add a new property with another name");
            }
        }
    }

    /** A new event that is most likely the old one renamed: same object and properties, or a near name. */
    private static EventSpec renameOf(Lock.LockedEvent locked, List<EventSpec> unlocked, Set<String> taken) {
        List<EventSpec> free = unlocked.stream().filter(e -> !taken.contains(e.name())).toList();
        Set<String> lockedProps = new TreeSet<>(locked.properties().keySet());
        for (EventSpec e : free) {
            Set<String> props = new TreeSet<>();
            e.properties().forEach(p -> props.add(p.name()));
            if (!lockedProps.isEmpty() && props.equals(lockedProps) && ObjectNames.same(e.object(), locked.object())) {
                return e;
            }
        }
        String near = Suggest.closest(locked.name(), free.stream().map(EventSpec::name).toList());
        return near == null ? null : free.stream().filter(e -> e.name().equals(near)).findFirst().orElse(null);
    }

    private static void checkLimit(List<EventSpec> plan, Lock lock, String lockShown, Diagnostics d) {
        Set<String> names = new TreeSet<>(lock.events().keySet());
        plan.forEach(e -> names.add(e.name()));
        if (names.size() <= MAX_DEFINITIONS || plan.size() > MAX_DEFINITIONS) {
            return; // a plan over the limit on its own is the checker's TP113
        }
        List<EventSpec> fresh = new ArrayList<>(plan.stream().filter(e -> lock.event(e.name()) == null).toList());
        fresh.sort(Comparator.comparing(EventSpec::name));
        int room = Math.max(0, MAX_DEFINITIONS - (names.size() - fresh.size()));
        SourcePos at = room < fresh.size() ? fresh.get(room).pos() : SourcePos.of(lockShown);
        d.error(at, Rule.DEFINITION_LIMIT.code(), "the plan and the lock file together define " + names.size()
                + " events; a HubSpot account holds at most " + MAX_DEFINITIONS + " event definitions, and retired "
                + "ones still count (a definition is never deleted). Remove events that were never published"
                + (room < fresh.size() ? " (this one is number " + (MAX_DEFINITIONS + 1) + " by name)" : ""));
    }
}
