package dev.trackplan.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trackplan.check.Rule;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.io.AtomicFiles;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.HubSpotDefinition;
import dev.trackplan.model.Limits;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.publish.Definition.PropertyDefinition;
import dev.trackplan.publish.PlanDiff.Change;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Keeps a HubSpot account in step with the plan: {@link #diff} reads, {@link #apply} creates what
 * is missing and updates labels, descriptions and options (never deletes), {@link #importMissing}
 * writes specs for what only the account has. Whatever is confirmed in the account goes into the
 * lock file, even when an apply stops half way, so a second apply simply finishes the work.
 */
public final class Publisher {
    private final HubSpotClient client;
    private final Consumer<String> log;

    public Publisher(HubSpotClient client, Consumer<String> log) {
        this.client = client;
        this.log = log;
    }

    /** How an apply or import ended: the located conflicts, and a failure message if the API stopped it. */
    public record Result(PlanDiff diff, List<Diagnostic> conflicts, String failure, boolean lockWritten) {
        public boolean ok() {
            return conflicts.isEmpty() && failure == null;
        }
    }

    /** The account's definitions by name. */
    public Map<String, Definition> account() throws HubSpotException {
        Map<String, Definition> all = new TreeMap<>();
        for (JsonNode n : client.listDefinitions()) {
            Definition d = Definition.fromAccount(n);
            if (!d.name().isEmpty()) {
                all.merge(d.name(), d, (a, b) -> a.archived() ? b : a);
            }
        }
        return all;
    }

    public PlanDiff diff(List<EventSpec> plan) throws HubSpotException {
        return PlanDiff.of(plan, account());
    }

    /** Applies the plan; with {@code dryRun} only prints what it would do. */
    public Result apply(List<EventSpec> plan, Lock lock, Path lockFile, boolean dryRun, String hubId)
            throws HubSpotException, IOException {
        Map<String, Definition> account = account();
        PlanDiff diff = PlanDiff.of(plan, account);
        diff.describe(hubId).forEach(log);
        if (!diff.conflicts().isEmpty()) {
            return new Result(diff, diff.conflicts(), null, false);
        }
        if (dryRun) {
            return new Result(diff, List.of(), null, false);
        }
        Map<String, EventSpec> byName = new LinkedHashMap<>();
        plan.forEach(e -> byName.put(e.name(), e));
        Map<String, Set<String>> published = new TreeMap<>();
        for (Definition d : account.values()) {
            EventSpec e = byName.get(d.name());
            if (e != null && !d.archived()) {
                Set<String> props = new TreeSet<>(d.properties().keySet());
                props.removeIf(p -> e.property(p) == null);
                published.put(d.name(), props);
            }
        }
        List<Diagnostic> conflicts = new ArrayList<>();
        String failure = null;
        int done = 0;
        List<Change> todo = diff.applicable();
        for (Change c : todo) {
            try {
                execute(c, published, conflicts);
                done++;
            } catch (HubSpotException e) {
                failure = e.getMessage() + ". " + done + " of " + todo.size() + " changes were made and are in the "
                        + "lock file; run trackplan:apply again to finish (it only does what is still missing)";
                break;
            }
        }
        Lock updated = lock;
        for (Map.Entry<String, Set<String>> p : published.entrySet()) {
            EventSpec e = byName.get(p.getKey());
            List<PropertySpec> props = e.properties().stream().filter(x -> p.getValue().contains(x.name())).toList();
            updated = updated.with(e, props);
        }
        boolean written = writeIfChanged(lockFile, updated);
        return new Result(diff, conflicts, failure, written);
    }

    private void execute(Change c, Map<String, Set<String>> published, List<Diagnostic> conflicts)
            throws HubSpotException {
        if (c instanceof PlanDiff.CreateEvent ce) {
            createEvent(ce, published, conflicts);
        } else if (c instanceof PlanDiff.UpdateEvent ue) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (ue.label() != null) {
                body.put("label", ue.label());
            }
            if (ue.description() != null) {
                body.put("description", ue.description());
            }
            client.updateDefinition(ue.event(), body);
            log.accept("updated event " + ue.event() + ": " + ue.what());
        } else if (c instanceof PlanDiff.CreateProperty cp) {
            createProperty(cp, published, conflicts);
        } else if (c instanceof PlanDiff.UpdateProperty up) {
            client.updateProperty(up.event(), up.property().name(), Definition.patchBody(up.property()));
            log.accept("updated property " + up.event() + "." + up.property().name() + ": " + up.what());
        }
    }

    private void createEvent(PlanDiff.CreateEvent ce, Map<String, Set<String>> published, List<Diagnostic> conflicts)
            throws HubSpotException {
        try {
            client.createDefinition(HubSpotDefinition.requestBody(ce.spec()));
        } catch (HubSpotException e) {
            if (e.status() != 409) {
                throw e;
            }
            // 409: created by an earlier attempt whose answer was lost, or the name of a deleted definition
            if (!existsAsPlanned(ce.event(), ce.definition())) {
                conflicts.add(Diagnostic.error(ce.spec().pos(), Rule.ACCOUNT_CONFLICT.code(), "HubSpot refused to "
                        + "create event '" + ce.event() + "': the name belonged to a definition that was deleted, and "
                        + "a deleted name can never be used again; mark it 'retired: true' and add a new event with "
                        + "another name"));
                return;
            }
        }
        published.put(ce.event(), new TreeSet<>(ce.definition().properties().keySet()));
        log.accept("created event " + ce.event());
    }

    private void createProperty(PlanDiff.CreateProperty cp, Map<String, Set<String>> published,
            List<Diagnostic> conflicts) throws HubSpotException {
        try {
            client.createProperty(cp.event(), HubSpotDefinition.property(cp.spec()));
        } catch (HubSpotException e) {
            if (e.status() != 409) {
                throw e;
            }
            Definition now = Definition.fromAccount(client.getDefinition(cp.event()));
            PropertyDefinition there = now.properties().get(cp.property().name());
            if (there == null || !cp.property().type().equals(there.type())) {
                conflicts.add(Diagnostic.error(cp.spec().pos(), Rule.ACCOUNT_CONFLICT.code(), "HubSpot refused to "
                        + "create property '" + cp.spec().name() + "' of event '" + cp.event() + "' (409)"
                        + (there == null ? ": the name belonged to a deleted property" : ": it exists as " + there.type())
                        + "; give the property another name"));
                return;
            }
        }
        published.computeIfAbsent(cp.event(), k -> new TreeSet<>()).add(cp.property().name());
        log.accept("created property " + cp.event() + "." + cp.property().name());
    }

    /** After a 409 on create: whether the account now holds the event as this plan defines it. */
    private boolean existsAsPlanned(String name, Definition planned) throws HubSpotException {
        Definition there;
        try {
            there = Definition.fromAccount(client.getDefinition(name));
        } catch (HubSpotException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
        return !there.archived() && ObjectNames.same(there.object(), planned.object());
    }

    /**
     * Writes a spec into {@code importDir} for every definition the account has and the plan lacks,
     * and locks those and every plan event the account already holds.
     */
    public Result importMissing(List<EventSpec> plan, Lock lock, Path lockFile, Path importDir, String hubId)
            throws HubSpotException, IOException {
        Map<String, Definition> account = account();
        PlanDiff diff = PlanDiff.of(plan, account);
        Set<String> planned = new TreeSet<>();
        plan.forEach(e -> planned.add(e.name()));
        Lock updated = lock;
        int written = 0;
        for (Definition d : account.values()) {
            if (d.archived() || planned.contains(d.name())) {
                continue;
            }
            if (!Limits.NAME.matcher(d.name()).matches() || d.name().length() > Limits.NAME_MAX) {
                log.accept("skipped account event '" + d.name() + "': not a valid event name for a spec file");
                continue;
            }
            Path file = importDir.resolve(d.name() + ".yaml");
            if (Files.exists(file)) {
                log.accept("skipped " + d.name() + ": " + file.getFileName() + " exists already in " + importDir);
                continue;
            }
            AtomicFiles.write(file, ImportWriter.yaml(d, hubId, log).getBytes(StandardCharsets.UTF_8));
            written++;
            Map<String, String> types = new TreeMap<>();
            d.properties().values().stream().filter(p -> dev.trackplan.model.PropertyType.byId(p.type()) != null)
                    .forEach(p -> types.put(p.name(), p.type()));
            updated = updated.with(d.name(), d.object(), false, types);
            log.accept("imported " + d.name() + " into " + file.getFileName());
        }
        if (diff.conflicts().isEmpty()) {
            for (EventSpec e : plan) {
                Definition d = account.get(e.name());
                if (d != null && !d.archived()) {
                    updated = updated.with(e, e.properties().stream().filter(p -> d.properties().containsKey(p.name()))
                            .toList());
                }
            }
        }
        log.accept(written + " definition" + (written == 1 ? "" : "s") + " imported");
        return new Result(diff, diff.conflicts(), null, writeIfChanged(lockFile, updated));
    }

    /** Locks the whole plan as published (for teams that create the definitions in HubSpot by hand). */
    public static boolean lockAll(List<EventSpec> plan, Lock lock, Path lockFile) throws IOException {
        return writeIfChanged(lockFile, lock.withAll(plan));
    }

    static boolean writeIfChanged(Path lockFile, Lock lock) throws IOException {
        String text = LockFile.format(lock);
        if (Files.exists(lockFile) && Files.readString(lockFile, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        if (lock.isEmpty() && !Files.exists(lockFile)) {
            return false;
        }
        AtomicFiles.write(lockFile, text);
        return true;
    }
}
