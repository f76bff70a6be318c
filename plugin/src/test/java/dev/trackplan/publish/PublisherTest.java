package dev.trackplan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.check.PlanChecker;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff, apply and import of real plans against the HubSpot stand-in. */
class PublisherTest {
    static final Path EXAMPLE_EVENTS = Path.of("../example-site/src/main/tracking/events");

    @TempDir
    Path dir;
    HubSpotStandIn hubspot;
    final List<String> log = new ArrayList<>();
    Path lockFile;

    @BeforeEach
    void start() throws Exception {
        hubspot = new HubSpotStandIn();
        lockFile = dir.resolve("trackplan.lock.json");
    }

    @AfterEach
    void stop() {
        hubspot.close();
        assertThat(String.join("\n", log)).doesNotContain(HubSpotStandIn.TOKEN);
    }

    Publisher publisher() {
        return new Publisher(new HubSpotClient(hubspot.url(), AccessToken.of(HubSpotStandIn.TOKEN),
                new HubSpotClient.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(1),
                        Duration.ofMillis(1), d -> { })), log::add);
    }

    static List<EventSpec> example() {
        Diagnostics d = new Diagnostics();
        List<EventSpec> plan = new SpecLoader(Path.of("..")).load(EXAMPLE_EVENTS, d);
        new PlanChecker().check(plan, d);
        assertThat(d.errors()).isEmpty();
        return plan;
    }

    static List<EventSpec> yaml(String text) {
        Diagnostics d = new Diagnostics();
        List<EventSpec> plan = new SpecLoader(Path.of(".")).loadBytes("events/x.yaml", text.getBytes(StandardCharsets.UTF_8), d);
        assertThat(d.errors()).isEmpty();
        return plan;
    }

    Lock lock() {
        Diagnostics d = new Diagnostics();
        Lock l = LockFile.read(lockFile, "lock.json", d);
        assertThat(d.sorted()).isEmpty();
        return l;
    }

    @Test
    void theExampleSiteAppliesAndThenMatches() throws Exception {
        List<EventSpec> plan = example();
        PlanDiff before = publisher().diff(plan);
        assertThat(before.inSync()).isFalse();
        long toCreate = plan.stream().filter(e -> !e.retired()).count();
        assertThat(before.changes()).filteredOn(c -> c instanceof PlanDiff.CreateEvent).hasSize((int) toCreate);

        Publisher.Result r = publisher().apply(plan, Lock.EMPTY, lockFile, false, "123456");
        assertThat(r.ok()).isTrue();
        assertThat(r.lockWritten()).isTrue();
        assertThat(hubspot.names()).containsAll(plan.stream().filter(e -> !e.retired()).map(EventSpec::name).toList());
        JsonNode created = hubspot.definition("pricing_cta_clicked");
        assertThat(created.get("primaryObject").asText()).isEqualTo("CONTACT");
        assertThat(created.get("labels").get("singular").asText()).isEqualTo("Pricing CTA clicked");
        // every POST body carried only documented fields (the stand-in refuses others with 400)
        assertThat(hubspot.requests()).filteredOn(q -> q.method().equals("POST")).isNotEmpty();

        assertThat(publisher().diff(plan).inSync()).isTrue();
        Lock lock = lock();
        assertThat(lock.event("pricing_cta_clicked").properties().get("plan").type()).isEqualTo("enumeration");
        assertThat(lock.event("pricing_cta_clicked").object()).isEqualTo("contact");
        // a second apply changes nothing and leaves the lock as it is
        int before2 = hubspot.requests().size();
        Publisher.Result again = publisher().apply(plan, lock, lockFile, false, "123456");
        assertThat(again.diff().applicable()).isEmpty();
        assertThat(again.lockWritten()).isFalse();
        assertThat(hubspot.requests().subList(before2, hubspot.requests().size()))
                .allMatch(q -> q.method().equals("GET"));
    }

    @Test
    void aLabelEditIsDriftThatApplyPatches() throws Exception {
        String v1 = """
                events:
                  demo_requested:
                    label: Demo requested
                    description: Asked for a demo.
                    properties:
                      plan:
                        type: enumeration
                        label: Plan
                        options: { basic: Basic, pro: Pro }
                """;
        publisher().apply(yaml(v1), Lock.EMPTY, lockFile, false, "123456");
        List<EventSpec> v2 = yaml(v1.replace("label: Demo requested", "label: Demo booked")
                .replace("{ basic: Basic, pro: Pro }", "{ pro: Professional, team: Team }"));
        PlanDiff drift = publisher().diff(v2);
        assertThat(drift.changes()).extracting(PlanDiff.Change::describe).containsExactly(
                "~ update event demo_requested: label 'Demo requested' -> 'Demo booked'",
                "~ update property demo_requested.plan: options [basic=Basic, pro=Pro] -> [pro=Professional, team=Team] "
                        + "(hides basic; options are never deleted)");
        Publisher.Result r = publisher().apply(v2, lock(), lockFile, false, "123456");
        assertThat(r.ok()).isTrue();
        assertThat(hubspot.requests()).filteredOn(q -> q.method().equals("PATCH")).extracting(HubSpotStandIn.Request::path)
                .containsExactly("/events/v3/event-definitions/demo_requested",
                        "/events/v3/event-definitions/demo_requested/property/plan");
        JsonNode options = hubspot.definition("demo_requested").get("properties").get(1).get("options");
        assertThat(options).hasSize(3);
        assertThat(options.get(2).get("value").asText()).isEqualTo("basic");
        assertThat(options.get(2).get("hidden").asBoolean()).isTrue();
        assertThat(publisher().diff(v2).inSync()).isTrue();
    }

    @Test
    void dryRunChangesNothing() throws Exception {
        Publisher.Result r = publisher().apply(example(), Lock.EMPTY, lockFile, true, "123456");
        assertThat(r.diff().applicable()).isNotEmpty();
        assertThat(hubspot.requests()).allMatch(q -> q.method().equals("GET"));
        assertThat(lockFile).doesNotExist();
    }

    @Test
    void aDroppedConnectionMidApplyIsFinishedByTheNextApply() throws Exception {
        List<EventSpec> plan = example();
        hubspot.dropAfterChanges(2);
        Publisher.Result first = publisher().apply(plan, Lock.EMPTY, lockFile, false, "123456");
        assertThat(first.failure()).contains("connection").contains("2 of").contains("run trackplan:apply again");
        assertThat(hubspot.names()).hasSize(2);
        assertThat(lock().events()).hasSize(2); // what was created is locked even though apply failed
        hubspot.heal();
        Publisher.Result second = publisher().apply(plan, lock(), lockFile, false, "123456");
        assertThat(second.ok()).isTrue();
        assertThat(publisher().diff(plan).inSync()).isTrue();
        assertThat(lock().events().keySet()).containsAll(plan.stream().filter(e -> !e.retired())
                .map(EventSpec::name).toList());
    }

    @Test
    void anAnswerLostAfterTheCreateIsConfirmedNotDuplicated() throws Exception {
        List<EventSpec> plan = yaml("""
                events:
                  trial_started:
                    label: Trial started
                """);
        hubspot.loseNextAnswer();
        Publisher.Result r = publisher().apply(plan, Lock.EMPTY, lockFile, false, "123456");
        assertThat(r.ok()).isTrue();
        assertThat(hubspot.requests()).filteredOn(q -> q.method().equals("POST")).hasSize(2);
        assertThat(lock().event("trial_started")).isNotNull();
    }

    @Test
    void aDeletedNameAndAChangedTypeAreRefusedAtTheirLines() throws Exception {
        hubspot.seed("""
                {"name":"old_signup","label":"Old signup","propertyDefinitions":[]}""");
        hubspot.delete("old_signup");
        hubspot.seed("""
                {"name":"quote_sent","label":"Quote sent","primaryObject":"DEAL","propertyDefinitions":[
                  {"name":"amount","label":"Amount","type":"string"}]}""");
        List<EventSpec> plan = yaml("""
                events:
                  old_signup:
                    label: Old signup
                  quote_sent:
                    label: Quote sent
                    object: deal
                    properties:
                      amount: number
                """);
        Publisher.Result r = publisher().apply(plan, Lock.EMPTY, lockFile, false, "123456");
        assertThat(r.ok()).isFalse();
        assertThat(r.conflicts()).extracting(Diagnostic::format).anySatisfy(f -> assertThat(f)
                .startsWith("events/x.yaml:[8,15] TP184 property 'amount' of event 'quote_sent' is string in the HubSpot "
                        + "account and cannot become number"));
        assertThat(hubspot.requests()).allMatch(q -> q.method().equals("GET")); // refused before any change
        // without the type conflict, the deleted name is refused by HubSpot (409) and reported at its line
        Publisher.Result r2 = publisher().apply(plan.subList(0, 1), Lock.EMPTY, lockFile, false, "123456");
        assertThat(r2.conflicts()).extracting(Diagnostic::format).singleElement().asString()
                .startsWith("events/x.yaml:[2,3] TP188").contains("deleted");
    }

    @Test
    void importWritesSpecsThatCheckCleanAndLocksThem() throws Exception {
        hubspot.seed("""
                {"name":"webinar_registered","label":"Webinar registered","description":"Signed up for a webinar: yes",
                 "primaryObject":"CONTACT","propertyDefinitions":[
                  {"name":"webinar","label":"Webinar","type":"enumeration","options":[
                     {"label":"Yes","value":"yes","displayOrder":1,"hidden":false},
                     {"label":"No","value":"no","displayOrder":0,"hidden":false},
                     {"label":"Old","value":"010","displayOrder":2,"hidden":true}]},
                  {"name":"seats","label":"seats","type":"number","description":""},
                  {"name":"flag","label":"Flag","type":"bool"}]}""");
        List<EventSpec> plan = yaml("""
                events:
                  trial_started:
                    label: Trial started
                """);
        Path importDir = dir.resolve("events/imported");
        Publisher.Result r = publisher().importMissing(plan, Lock.EMPTY, lockFile, importDir, "123456");
        assertThat(r.ok()).isTrue();
        Path spec = importDir.resolve("webinar_registered.yaml");
        String text = Files.readString(spec);
        assertThat(text).startsWith("# Imported by trackplan:import from the HubSpot account 123456.");
        Diagnostics d = new Diagnostics();
        List<EventSpec> imported = new SpecLoader(dir).load(importDir, d);
        new PlanChecker().check(imported, d);
        assertThat(d.sorted()).as(text).isEmpty();
        EventSpec e = imported.get(0);
        assertThat(e.sentElsewhere()).isTrue();
        assertThat(e.description()).isEqualTo("Signed up for a webinar: yes");
        assertThat(e.property("webinar").options()).extracting(o -> o.value()).containsExactly("no", "yes");
        assertThat(e.property("seats").label()).isNull();
        assertThat(e.property("flag")).isNull();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("flag").contains("does not support"));
        assertThat(lock().event("webinar_registered").properties()).containsOnlyKeys("webinar", "seats");
        // the imported plan now matches the account
        List<EventSpec> all = new ArrayList<>(plan);
        all.addAll(imported);
        publisher().apply(all, lock(), lockFile, false, "123456");
        assertThat(publisher().diff(all).changes()).extracting(PlanDiff.Change::describe)
                .containsExactly("? only in the account: property webinar_registered.flag (bool; not in the plan)");
    }

    @Test
    void accountOnlyEventsAreDifferencesButNeverTouched() throws Exception {
        hubspot.seed("""
                {"name":"legacy_signup","label":"Legacy","propertyDefinitions":[]}""");
        PlanDiff diff = publisher().diff(List.of());
        assertThat(diff.inSync()).isFalse();
        assertThat(diff.applicable()).isEmpty();
        publisher().apply(List.of(), Lock.EMPTY, lockFile, false, "123456");
        assertThat(hubspot.names()).containsExactly("legacy_signup");
        assertThat(hubspot.requests()).allMatch(q -> q.method().equals("GET"));
    }
}
