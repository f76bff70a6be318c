package dev.trackplan.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.load.SpecLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Conventions are opt-in and reported as the plan says; the privacy guard. */
class PlanPoliciesTest {
    static final String EVENT = """
            events:
              Plan_pressed:
                label: plan Pressed
                trigger: { click: "a.cta" }
                examples:
                  - element: '<a class="cta">Go</a>'
            """;

    static Diagnostics load(String yaml) {
        Diagnostics d = new Diagnostics();
        new SpecLoader(Path.of(".")).loadBytes("x.yaml", yaml.getBytes(StandardCharsets.UTF_8), d);
        return d;
    }

    @Test
    void withoutConventionsNothingIsReported() {
        assertThat(load(EVENT.replace("Plan_pressed", "plan_pressed")).sorted()).isEmpty();
    }

    @Test
    void conventionsAreWarningsByDefaultAndErrorsWhenSaid() {
        String conventions = """
                conventions:
                  eventName: object_action
                  verbs: [clicked]
                  labelCase: sentence
                  requireDescription: true
                """;
        Diagnostics warned = load(conventions + EVENT.replace("Plan_pressed", "plan_pressed"));
        assertThat(warned.errors()).isEmpty();
        assertThat(warned.warnings()).extracting(Diagnostic::code).containsExactlyInAnyOrder("TP193", "TP194", "TP195");
        assertThat(warned.warnings()).extracting(Diagnostic::message).anyMatch(m -> m.contains("ends in 'pressed'"))
                .anyMatch(m -> m.contains("'plan' should start with a capital letter"));
        Diagnostics failed = load(conventions.replace("conventions:\n", "conventions:\n  severity: error\n")
                + EVENT.replace("Plan_pressed", "plan_pressed"));
        assertThat(failed.errors()).extracting(Diagnostic::code).containsExactlyInAnyOrder("TP193", "TP194", "TP195");
    }

    @Test
    void aRegularExpressionConventionAndTitleCase() {
        Diagnostics d = load("""
                conventions:
                  severity: error
                  eventName: "[a-z]+_(clicked|viewed)"
                  labelCase: title
                events:
                  plan_clicked:
                    label: Plan Clicked on the Page
                    description: d
                    trigger: { click: "a.cta" }
                  plan_shown:
                    label: Plan shown
                    description: d
                    trigger: { click: "a.cta" }
                """);
        assertThat(d.errors()).extracting(Diagnostic::format).anyMatch(f -> f.startsWith("x.yaml:[10,3] TP193"))
                .anyMatch(f -> f.startsWith("x.yaml:[11,12] TP194") && f.contains("'shown'")).hasSize(2);
    }

    @Test
    void labelCases() {
        assertThat(PlanPolicies.notSentenceCase("Pricing CTA clicked")).isNull();
        assertThat(PlanPolicies.notSentenceCase("Sign-up clicked")).isNull();
        assertThat(PlanPolicies.notSentenceCase("Pricing Plans shown")).contains("'Plans'");
        assertThat(PlanPolicies.notTitleCase("Company Asked for a Demo")).isNull();
        assertThat(PlanPolicies.notTitleCase("Company asked")).contains("'asked'");
    }

    @Test
    void personalFieldNames() {
        assertThat(PlanPolicies.personalName("email")).isTrue();
        assertThat(PlanPolicies.personalName("work_email")).isTrue();
        assertThat(PlanPolicies.personalName("firstName")).isTrue();
        assertThat(PlanPolicies.personalName("phone_number")).isTrue();
        assertThat(PlanPolicies.personalName("street_address")).isTrue();
        assertThat(PlanPolicies.personalName("name")).isTrue();
        assertThat(PlanPolicies.personalName("company_size")).isFalse();
        assertThat(PlanPolicies.personalName("topic")).isFalse();
        assertThat(PlanPolicies.personalName("company_domain")).isFalse();
    }

    @Test
    void aPiiPropertyPassesOnlyWhereThePlanAllowsPersonalData() {
        String event = """
                events:
                  newsletter_joined:
                    label: Newsletter joined
                    trigger: { submit: "form.n" }
                    properties:
                      email: { type: string, pii: true }
                """;
        assertThat(load(event).errors()).extracting(Diagnostic::code).containsExactly("TP196");
        assertThat(load("privacy:\n  allowPersonalData: true\n" + event).errors()).isEmpty();
        assertThat(load(event.replace(", pii: true", "")).errors()).extracting(Diagnostic::format)
                .containsExactly("x.yaml:[6,7] TP197 property 'email' of event 'newsletter_joined' reads form field "
                        + "'email', and its name 'email' looks personal; do not send personal data to analytics, or "
                        + "mark the property pii: true (the plan must allow personal data)");
    }
}
