package dev.trackplan.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.check.PlanChecker;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.PropertyType;
import dev.trackplan.model.SharedUse;
import dev.trackplan.model.SourceKind;
import dev.trackplan.model.TrackingPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan's shared property library and the resolution of {@code {use: NAME}} references. */
class SharedPropertiesTest {
    static final String LIBRARY = """
            properties:
              plan:
                type: enumeration
                label: Plan
                description: The plan.
                required: true
                options: { basic: Basic, pro: Pro }
                from: { attribute: data-plan }
            """;
    static final String EVENTS = """
            events:
              plan_clicked:
                label: Plan clicked
                trigger: { click: "a.plan" }
                properties:
                  plan: { use: plan }
                examples:
                  - element: '<a class="plan" data-plan="pro">Pro</a>'
                    expect: { plan: pro }
              plan_chosen:
                label: Plan chosen
                trigger: { click: "button.choose" }
                properties:
                  chosen: { use: plan, from: { attribute: data-choice } }
                examples:
                  - element: '<button class="choose" data-choice="basic">Basic</button>'
                    expect: { chosen: basic }
              plan_renewed:
                label: Plan renewed
                properties:
                  plan: { use: plan }
            """;

    @Test
    void referencesTakeTheSharedDefinitionAndTheirOwnSource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("properties.yaml"), LIBRARY);
        Files.writeString(dir.resolve("events.yaml"), EVENTS);
        Diagnostics d = new Diagnostics();
        TrackingPlan plan = new TrackingPlan(new SpecLoader(dir).load(dir, d));
        new PlanChecker().check(plan.events(), d);
        assertThat(d.sorted()).isEmpty();

        PropertySpec clicked = plan.event("plan_clicked").property("plan");
        assertThat(clicked.type()).isEqualTo(PropertyType.ENUMERATION);
        assertThat(clicked.label()).isEqualTo("Plan");
        assertThat(clicked.options()).extracting(o -> o.value()).containsExactly("basic", "pro");
        assertThat(clicked.from().argument()).isEqualTo("data-plan");
        assertThat(clicked.required()).isTrue();
        assertThat(clicked.use()).isEqualTo("plan");
        assertThat(clicked.typePos().file()).isEqualTo("properties.yaml");
        assertThat(clicked.pos().file()).isEqualTo("events.yaml");

        PropertySpec chosen = plan.event("plan_chosen").property("chosen");
        assertThat(chosen.from().kind()).isEqualTo(SourceKind.ATTRIBUTE);
        assertThat(chosen.from().argument()).isEqualTo("data-choice");
        assertThat(plan.event("plan_renewed").property("plan").from()).as("sent elsewhere: no browser source").isNull();

        List<SharedUse> uses = SharedUse.of(plan);
        assertThat(uses).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("plan");
            assertThat(u.users()).extracting(SharedUse.User::event)
                    .containsExactly("plan_chosen", "plan_clicked", "plan_renewed");
        });
    }

    @Test
    void aNameDefinedInTwoFilesIsAmbiguousAtTheDefinitionAndAtEachUse(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), LIBRARY);
        Files.writeString(dir.resolve("b.yaml"), LIBRARY);
        Files.writeString(dir.resolve("events.yaml"), EVENTS);
        Diagnostics d = new Diagnostics();
        new SpecLoader(dir).load(dir, d);
        assertThat(d.errors()).extracting(Diagnostic::format).containsExactly(
                "b.yaml:[2,3] TP191 shared property 'plan' is already defined at a.yaml:[2,3]; keep one definition",
                "events.yaml:[6,20] TP191 shared property 'plan' is ambiguous: it is defined at a.yaml:[2,3] and "
                        + "b.yaml:[2,3]; keep one definition",
                "events.yaml:[14,22] TP191 shared property 'plan' is ambiguous: it is defined at a.yaml:[2,3] and "
                        + "b.yaml:[2,3]; keep one definition",
                "events.yaml:[21,20] TP191 shared property 'plan' is ambiguous: it is defined at a.yaml:[2,3] and "
                        + "b.yaml:[2,3]; keep one definition");
    }

    @Test
    void anUnknownNameIsReportedAtItsUseWithASuggestion() {
        Diagnostics d = new Diagnostics();
        new SpecLoader(Path.of(".")).loadBytes("x.yaml", (LIBRARY + EVENTS.replace("chosen: { use: plan,",
                "chosen: { use: plans,")).getBytes(StandardCharsets.UTF_8), d);
        assertThat(d.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("TP190");
            assertThat(e.line()).isEqualTo(22);
            assertThat(e.message()).contains("'plans'").contains("did you mean 'plan'");
        });
    }

    @Test
    void aSharedDefinitionsProblemIsReportedOnceAtTheDefinition() {
        Diagnostics d = new Diagnostics();
        List<EventSpec> events = new SpecLoader(Path.of(".")).loadBytes("x.yaml",
                (LIBRARY.replace("basic: Basic", "\"a;b\": Basic") + EVENTS).getBytes(StandardCharsets.UTF_8), d);
        new PlanChecker().check(events, d);
        assertThat(d.errors()).extracting(Diagnostic::code).contains("TP142");
        assertThat(d.errors().stream().filter(e -> e.code().equals("TP142"))).singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(7));
    }
}
