package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on the verification from custom code: each must fail the build, naming the right event. */
class VerificationHardeningTest {

    /** A custom event whose code is {@code code}, next to the innocent click event of FaultInjectionTest. */
    static TestSites site(Path dir, String code, String examples) {
        return FaultInjectionTest.site(dir).spec("custom.yaml", """
                events:
                  sneaky:
                    label: Sneaky
                    trigger:
                      custom: |
                """ + code.indent(8) + """
                    properties:
                      plan: string
                """ + examples);
    }

    static List<Diagnostic> errors(TestSites s, int timeoutSeconds) {
        BuildResult r = new Trackplan().build(s.config("hubspot", timeoutSeconds));
        assertThat(r.failed()).as("the build must fail").isTrue();
        return r.errors();
    }

    @Test
    void aPollutedToJsonCannotMakeAWrongExamplePass(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, """
                Array.prototype.toJSON = function () {
                  return ["trackCustomBehavioralEvent", { name: "pe123_sneaky", properties: { plan: "pro" } }];
                };
                JSON.stringify = function () { return '["trackCustomBehavioralEvent",{"name":"pe123_sneaky","properties":{"plan":"pro"}}]'; };
                track({ plan: "basic" });
                """, """
                    examples:
                      - expect: { plan: pro }
                """), 10);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.format())
                .contains("custom.yaml:[14,19] TP301 sneaky example on /: expected plan=pro (string), got \"basic\" (string)"));
    }

    @Test
    void identifyBeforeConsentFailsNamingTheEvent(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, """
                window._hsq.push(["identify", { email: "visitor@example.com" }]);
                track({ plan: "x" });
                """, ""), 10);
        assertThat(errors).anyMatch(e -> e.format().contains("custom.yaml:[6,9] TP303 sneaky on /: pushed "
                + "[\"identify\",{\"email\":\"visitor@example.com\"}] before the visitor consented"));
        assertThat(errors).anyMatch(e -> e.format().contains("custom.yaml:[6,9] TP304 sneaky on /: pushed "
                + "[\"identify\",{\"email\":\"visitor@example.com\"}] although the visitor asked not to be tracked"));
        assertThat(errors).allSatisfy(e -> {
            assertThat(e.file()).endsWith("custom.yaml");
            assertThat(e.message()).startsWith("sneaky on ");
        });
    }

    @Test
    void undocumentedCommandsFail(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, """
                window._hsq.push(["trackEvent", { id: "legacy" }]);
                window._hsp.push(["sendEverything"]);
                track({ plan: "x" });
                """, ""), 10);
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.UNKNOWN_COMMAND)
                && e.message().contains("sneaky on /: pushed [\"trackEvent\",{\"id\":\"legacy\"}]: the legacy trackEvent no longer works"));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.UNKNOWN_COMMAND)
                && e.message().contains("'sendEverything' is not a command HubSpot documents for _hsp"));
        assertThat(errors).noneMatch(e -> e.message().contains("price_clicked"));
    }

    @Test
    void codeThatSpotsTheSandboxGetsNoOtherPath(@TempDir Path dir) {
        BuildResult r = new Trackplan().build(site(dir, """
                var testing = navigator.userAgent.indexOf("Chrome/") < 0 || location.hostname === "site.test"
                    || typeof Graal !== "undefined" || typeof print === "function" || "__hubspot" in window
                    || "__trackplanFire" in window || location.hostname !== "t.example";
                track({ plan: testing ? "sandbox" : "browser" });
                """, """
                    examples:
                      - expect: { plan: browser }
                """).config("hubspot", 10));
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void selectorsOnlyJsoupTakesThrowInCustomCode(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, """
                track({ plan: String(document.querySelectorAll("a:contains(Go)").length) });
                """, ""), 10);
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.format()).contains("custom.yaml:[6,9] TP311 "
                + "sneaky: its code threw SyntaxError: 'a:contains(Go)' is not a valid selector: ':contains' is a jsoup extension"));
    }

    @Test
    void endlessLoopFailsOnceNamingOnlyItsEvent(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, "while (true) {}", ""), 3);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(VerifyRules.RUNTIME);
            assertThat(e.file()).endsWith("custom.yaml");
            assertThat(e.message()).startsWith("sneaky (on /): its code did not finish within 3 s");
        });
    }
}
