package dev.trackplan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.check.PlanChecker;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import dev.trackplan.model.EventSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock rules on real specs: what a published name, object and type can and cannot become. */
class LockRulesTest {
    static final String PUBLISHED = """
            events:
              pricing_cta_clicked:
                label: Pricing CTA clicked
                trigger: { click: a.plan-cta }
                properties:
                  plan:
                    type: enumeration
                    options: { basic: Basic, pro: Pro }
                    from: { attribute: data-plan }
                  price:
                    type: number
                    from: { attribute: data-price }
            """;

    @TempDir
    Path dir;

    static List<EventSpec> load(String yaml) {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(Path.of(".")).loadBytes("events/pricing.yaml",
                yaml.getBytes(StandardCharsets.UTF_8), d);
        assertThat(d.errors()).isEmpty();
        return events;
    }

    /** The lock as written by apply for {@code published}, read back from disk (with positions). */
    Lock lockOf(String published) throws Exception {
        Path file = dir.resolve("trackplan.lock.json");
        LockFile.write(file, Lock.EMPTY.withAll(load(published)));
        Diagnostics d = new Diagnostics();
        Lock lock = LockFile.read(file, "src/main/tracking/trackplan.lock.json", d);
        assertThat(d.sorted()).isEmpty();
        return lock;
    }

    List<Diagnostic> check(String published, String now) throws Exception {
        Diagnostics d = new Diagnostics();
        List<EventSpec> plan = load(now);
        new PlanChecker().check(plan, d);
        LockRules.check(plan, lockOf(published), "src/main/tracking/trackplan.lock.json", d);
        return d.errors();
    }

    @Test
    void unchangedPlanAndLabelEditsPass() throws Exception {
        assertThat(check(PUBLISHED, PUBLISHED)).isEmpty();
        assertThat(check(PUBLISHED, PUBLISHED.replace("Pricing CTA clicked", "Pricing button clicked")
                .replace("{ basic: Basic, pro: Pro }", "{ basic: Basic, pro: Pro, team: Team }"))).isEmpty();
    }

    @Test
    void typeChangeFailsAtTheTypeWithTheReasonAndTheFix() throws Exception {
        List<Diagnostic> errors = check(PUBLISHED, PUBLISHED.replace("type: number", "type: string"));
        assertThat(errors).hasSize(1);
        Diagnostic e = errors.get(0);
        assertThat(e.code()).isEqualTo("TP184");
        assertThat(e.pos().toString()).isEqualTo("events/pricing.yaml:[11,15]");
        assertThat(e.message()).contains("was published as number (per the lock file src/main/tracking/trackplan.lock.json)")
                .contains("cannot become string").contains("never changes").contains("retired: true");
    }

    @Test
    void objectChangeFailsAtTheObject() throws Exception {
        String now = PUBLISHED.replace("    label: Pricing CTA clicked\n", "    label: Pricing CTA clicked\n    object: deal\n");
        List<Diagnostic> errors = check(PUBLISHED, now);
        assertThat(errors).extracting(Diagnostic::code).containsExactly("TP182");
        assertThat(errors.get(0).pos().toString()).isEqualTo("events/pricing.yaml:[4,13]");
    }

    @Test
    void renameFailsAtTheNewNameNamingTheOldOne() throws Exception {
        List<Diagnostic> errors = check(PUBLISHED, PUBLISHED.replace("pricing_cta_clicked:", "pricing_button_clicked:"));
        assertThat(errors).extracting(Diagnostic::code).containsExactly("TP181");
        assertThat(errors.get(0).pos().toString()).isEqualTo("events/pricing.yaml:[2,3]");
        assertThat(errors.get(0).message()).contains("looks like a rename of 'pricing_cta_clicked'")
                .contains("retired: true");
    }

    @Test
    void removalFailsAtTheLockEntry() throws Exception {
        String other = """
                events:
                  newsletter_signed_up:
                    label: Newsletter
                    trigger: { submit: form.newsletter }
                """;
        List<Diagnostic> errors = check(PUBLISHED, other);
        assertThat(errors).extracting(Diagnostic::code).containsExactly("TP181");
        assertThat(errors.get(0).pos().file()).isEqualTo("src/main/tracking/trackplan.lock.json");
        assertThat(errors.get(0).pos().line()).isGreaterThan(1);
        assertThat(errors.get(0).message()).contains("'pricing_cta_clicked' was published").contains("retired: true");
    }

    @Test
    void retiringKeepsTheEventAndPasses() throws Exception {
        String retired = PUBLISHED.replace("    label: Pricing CTA clicked\n", "    label: Pricing CTA clicked\n    retired: true\n");
        assertThat(check(PUBLISHED, retired)).isEmpty();
        // and once the lock says retired, the name cannot come back
        Path file = dir.resolve("trackplan.lock.json");
        LockFile.write(file, Lock.EMPTY.withAll(load(retired)));
        Diagnostics d = new Diagnostics();
        LockRules.check(load(PUBLISHED), LockFile.read(file, "lock.json", d), "lock.json", d);
        assertThat(d.errors()).extracting(Diagnostic::code).containsExactly("TP185");
    }

    @Test
    void propertyRemovalFailsAndRetiringThePropertyPasses() throws Exception {
        String without = PUBLISHED.replace("""
                      price:
                        type: number
                        from: { attribute: data-price }
                """, "");
        List<Diagnostic> errors = check(PUBLISHED, without);
        assertThat(errors).extracting(Diagnostic::code).containsExactly("TP183");
        assertThat(errors.get(0).message()).contains("'price'").contains("published as number");
        String retired = PUBLISHED.replace("        type: number\n", "        type: number\n        retired: true\n");
        assertThat(check(PUBLISHED, retired)).isEmpty();
    }

    @Test
    void fiveHundredDefinitionsIncludingRetiredOnesAreTheLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("events:\n");
        for (int i = 0; i < 501; i++) {
            yaml.append("  event_").append(String.format("%03d", i)).append(":\n    label: E\n")
                    .append(i % 2 == 0 ? "    retired: true\n" : "");
        }
        Diagnostics d = new Diagnostics();
        List<EventSpec> plan = new SpecLoader(Path.of(".")).loadBytes("events/many.yaml",
                yaml.toString().getBytes(StandardCharsets.UTF_8), d);
        // 501 in the plan alone is the checker's TP113, not reported twice
        LockRules.check(plan, Lock.EMPTY, "lock.json", d);
        assertThat(d.errors()).isEmpty();
        // 500 in the plan plus one published event the plan dropped: 501 definitions in the account
        List<EventSpec> fits = new ArrayList<>(plan.subList(1, 501));
        Lock withDropped = Lock.EMPTY.with("aaa_dropped", "contact", false, Map.of());
        Diagnostics over = new Diagnostics();
        LockRules.check(fits, withDropped, "lock.json", over);
        assertThat(over.errors()).extracting(Diagnostic::code).containsExactly("TP186", "TP181");
        assertThat(over.errors().get(0).message()).contains("501 events").contains("at most 500");
        assertThat(over.errors().get(0).pos().line()).isEqualTo(2 + 500 * 2 + 250);
        Diagnostics ok = new Diagnostics();
        LockRules.check(fits, Lock.EMPTY, "lock.json", ok);
        assertThat(ok.errors()).isEmpty();
    }

    @Test
    void lockFileIsSortedStableAndRoundTrips() throws Exception {
        Lock lock = Lock.EMPTY.with("zeta_done", "contact", false, Map.of("b", "string", "a", "number"))
                .with("alpha_done", "DEAL", true, Map.of());
        String text = LockFile.format(lock);
        assertThat(text).isEqualTo("""
                {
                  "lockVersion" : 1,
                  "note" : "Written by trackplan:apply, trackplan:import and trackplan:lock: what has been published to HubSpot. Commit it with the specs; do not edit it by hand.",
                  "events" : {
                    "alpha_done" : {
                      "object" : "deal",
                      "properties" : { },
                      "retired" : true
                    },
                    "zeta_done" : {
                      "object" : "contact",
                      "properties" : {
                        "a" : "number",
                        "b" : "string"
                      }
                    }
                  }
                }
                """);
        Path file = dir.resolve("l.json");
        Files.writeString(file, text);
        Diagnostics d = new Diagnostics();
        Lock back = LockFile.read(file, "l.json", d);
        assertThat(LockFile.format(back)).isEqualTo(text);
        assertThat(back.event("zeta_done").pos().toString()).isEqualTo("l.json:[10,5]");
        assertThat(back.event("zeta_done").properties().get("b").pos().line()).isEqualTo(14);
    }

    @Test
    void aBrokenLockFileIsALocatedError() throws Exception {
        Path file = dir.resolve("l.json");
        Files.writeString(file, "{\n  \"lockVersion\" : 1,\n  \"events\" : {\n    \"x\" : { \"object\" : 3 }\n  }\n}\n");
        Diagnostics d = new Diagnostics();
        LockFile.read(file, "l.json", d);
        assertThat(d.errors()).extracting(Diagnostic::format).singleElement().asString()
                .startsWith("l.json:[4,24] TP180 'object' of 'x' must be text");
        Files.writeString(file, "{ \"events\" : { ");
        Diagnostics d2 = new Diagnostics();
        LockFile.read(file, "l.json", d2);
        assertThat(d2.errors()).extracting(Diagnostic::code).containsExactly("TP180");
        assertThat(d2.errors().get(0).message()).contains("not valid JSON");
    }
}
