package dev.trackplan.publish;

import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.publish.Definition.Option;
import dev.trackplan.publish.Definition.PropertyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What separates the plan from the account: the changes {@code apply} would make (create missing
 * events and properties, update labels, descriptions and options), what only the account has, and
 * the conflicts no change can fix (a changed object or type, a deleted name), as located errors.
 * Nothing is ever deleted: an option the plan dropped is hidden, not removed.
 */
public record PlanDiff(List<Change> changes, List<Diagnostic> conflicts) {

    /** One difference, printed as one line. */
    public sealed interface Change {
        String event();

        String describe();

        /** Whether {@code apply} changes the account for it (account-only items are reported, never touched). */
        default boolean applies() {
            return true;
        }
    }

    public record CreateEvent(EventSpec spec, Definition definition) implements Change {
        public String event() {
            return definition.name();
        }

        public String describe() {
            return "+ create event " + definition.name() + " (" + definition.object() + ", " + count(
                    definition.properties().size(), "property", "properties") + "): " + quote(definition.label());
        }
    }

    public record UpdateEvent(String event, String label, String description, String what) implements Change {
        public String describe() {
            return "~ update event " + event + ": " + what;
        }
    }

    public record CreateProperty(String event, PropertySpec spec, PropertyDefinition property) implements Change {
        public String describe() {
            return "+ create property " + event + "." + property.name() + " (" + property.type()
                    + (property.options().isEmpty() ? "" : ", " + count(property.options().size(), "option", "options"))
                    + "): " + quote(property.label());
        }
    }

    public record UpdateProperty(String event, PropertyDefinition property, String what) implements Change {
        public String describe() {
            return "~ update property " + event + "." + property.name() + ": " + what;
        }
    }

    public record AccountOnly(String event, String property, String type) implements Change {
        public String describe() {
            return property == null
                    ? "? only in the account: event " + event + " (not in the plan; trackplan:import writes a spec for it)"
                    : "? only in the account: property " + event + "." + property + " (" + type + "; not in the plan)";
        }

        @Override
        public boolean applies() {
            return false;
        }
    }

    /** The summary line and one line per change, as diff and apply print them. */
    public List<String> describe(String hubId) {
        long create = changes.stream().filter(c -> c instanceof CreateEvent || c instanceof CreateProperty).count();
        long update = changes.stream().filter(c -> c instanceof UpdateEvent || c instanceof UpdateProperty).count();
        long only = changes.stream().filter(c -> !c.applies()).count();
        List<String> lines = new ArrayList<>();
        lines.add("account " + hubId + " against the plan: " + create + " to create, " + update + " to update, " + only
                + " only in the account, " + conflicts.size() + " conflict" + (conflicts.size() == 1 ? "" : "s"));
        changes.forEach(c -> lines.add("  " + c.describe()));
        return lines;
    }

    public boolean inSync() {
        return changes.isEmpty() && conflicts.isEmpty();
    }

    public List<Change> applicable() {
        return changes.stream().filter(Change::applies).toList();
    }

    /** Compares the whole plan (retired and sent-from-elsewhere events included) with the account's definitions. */
    public static PlanDiff of(List<EventSpec> plan, Map<String, Definition> account) {
        List<Change> changes = new ArrayList<>();
        List<Diagnostic> conflicts = new ArrayList<>();
        Set<String> planned = plan.stream().map(EventSpec::name).collect(Collectors.toSet());
        for (EventSpec e : plan) {
            Definition theirs = account.get(e.name());
            Definition ours = Definition.of(e);
            if (theirs == null) {
                if (!e.retired()) {
                    EventSpec live = e.withoutRetiredProperties();
                    changes.add(new CreateEvent(live, Definition.of(live)));
                }
                continue;
            }
            if (theirs.archived()) {
                if (!e.retired()) {
                    conflicts.add(Diagnostic.error(e.pos(), Rule.ACCOUNT_CONFLICT.code(), "event '" + e.name()
                            + "' was deleted in the HubSpot account, and a deleted name can never be used again; "
                            + "mark it 'retired: true' and add a new event with another name"));
                }
                continue;
            }
            compareEvent(e, ours, theirs, changes, conflicts);
        }
        for (Definition theirs : new TreeMap<>(account).values()) {
            if (!planned.contains(theirs.name()) && !theirs.archived()) {
                changes.add(new AccountOnly(theirs.name(), null, null));
            }
        }
        return new PlanDiff(changes, conflicts);
    }

    private static void compareEvent(EventSpec e, Definition ours, Definition theirs, List<Change> changes,
            List<Diagnostic> conflicts) {
        if (!ObjectNames.same(ours.object(), theirs.object())) {
            conflicts.add(Diagnostic.error(e.objectPos(), Rule.PUBLISHED_OBJECT_CHANGED.code(), "event '" + e.name()
                    + "' has object '" + theirs.object() + "' in the HubSpot account, and an event's object cannot "
                    + "change: " + LockRules.WHY + ". Write object '" + theirs.object() + "', or mark this event "
                    + "'retired: true' and add a new event"));
        }
        List<String> what = new ArrayList<>();
        String label = null;
        String description = null;
        if (ours.label() != null && !ours.label().equals(theirs.label())) {
            label = ours.label();
            what.add("label " + quote(theirs.label()) + " -> " + quote(ours.label()));
        }
        if (ours.description() != null && !ours.description().equals(theirs.description())) {
            description = ours.description();
            what.add("description " + quote(theirs.description()) + " -> " + quote(ours.description()));
        }
        if (!what.isEmpty()) {
            changes.add(new UpdateEvent(e.name(), label, description, String.join(", ", what)));
        }
        for (PropertySpec p : e.properties()) {
            PropertyDefinition mine = ours.properties().get(p.name());
            PropertyDefinition other = theirs.properties().get(p.name());
            if (other == null) {
                if (!p.retired() && !e.retired() && mine.type() != null) {
                    changes.add(new CreateProperty(e.name(), p, mine));
                }
                continue;
            }
            if (mine.type() != null && !mine.type().equals(other.type())) {
                conflicts.add(Diagnostic.error(p.typePos(), Rule.PUBLISHED_TYPE_CHANGED.code(), "property '" + p.name()
                        + "' of event '" + e.name() + "' is " + other.type() + " in the HubSpot account and cannot "
                        + "become " + mine.type() + ": " + LockRules.WHY + ". Keep type " + other.type()
                        + ", or mark it 'retired: true' and add a new property with another name"));
                continue;
            }
            compareProperty(e.name(), mine, other, changes);
        }
        for (PropertyDefinition other : theirs.properties().values()) {
            if (e.property(other.name()) == null) {
                changes.add(new AccountOnly(e.name(), other.name(), other.type()));
            }
        }
    }

    private static void compareProperty(String event, PropertyDefinition mine, PropertyDefinition other,
            List<Change> changes) {
        List<String> what = new ArrayList<>();
        if (!Objects.equals(mine.label(), other.label())) {
            what.add("label " + quote(other.label()) + " -> " + quote(mine.label()));
        }
        String description = mine.description() != null ? mine.description() : other.description();
        if (!Objects.equals(description, other.description())) {
            what.add("description " + quote(other.description()) + " -> " + quote(mine.description()));
        }
        List<Option> options = other.options();
        if (!sameOptions(mine.options(), other.visibleOptions())) {
            List<Option> merged = new ArrayList<>(mine.options());
            Set<String> values = mine.options().stream().map(Option::value).collect(Collectors.toSet());
            List<String> hidden = new ArrayList<>();
            for (Option o : other.options()) {
                if (!values.contains(o.value())) {
                    merged.add(new Option(o.value(), o.label(), true));
                    if (!o.hidden()) {
                        hidden.add(o.value());
                    }
                }
            }
            options = merged;
            what.add("options " + show(other.visibleOptions()) + " -> " + show(mine.options())
                    + (hidden.isEmpty() ? "" : " (hides " + String.join(", ", hidden) + "; options are never deleted)"));
        }
        if (!what.isEmpty()) {
            changes.add(new UpdateProperty(event, new PropertyDefinition(mine.name(), mine.label(), description,
                    mine.type(), options), String.join(", ", what)));
        }
    }

    private static boolean sameOptions(List<Option> a, List<Option> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).value().equals(b.get(i).value()) || !a.get(i).label().equals(b.get(i).label())) {
                return false;
            }
        }
        return true;
    }

    private static String show(List<Option> options) {
        return options.stream().map(o -> o.value().equals(o.label()) ? o.value() : o.value() + "=" + o.label())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    static String quote(String s) {
        return s == null ? "(none)" : "'" + s + "'";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
