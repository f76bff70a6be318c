package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.diag.Diagnostic;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.testing.TestSites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One time budget per event over the whole verification (verifyEventBudget): code that finishes
 * in each page view but is heavy adds up and fails naming its event, the page's other events are
 * not charged for it, and custom code cannot reach the clock that charges it. Short budgets and a
 * few pages keep these fast; the work per page view is far from the page view's own timeout.
 */
class EventBudgetTest {
    private static final Duration BUDGET = Duration.ofSeconds(1);
    /**
     * About 150 ms of CPU per page view in GraalJS's interpreter (measured: 4.8 s over the 33 page
     * views of this site), far below the page view's timeout; it reads the path, so every page is a
     * page view of its own. Light code costs about 5 ms per page view here, 0.15 s in all.
     */
    private static final String HEAVY = """
            var p = location.pathname, x = 0;
            for (var i = 0; i < 400000; i++) { x = (x + i * 31 + p.length) % 1000003; }
            """;

    private static TestSites site(Path dir, String customCode) {
        return site(dir, customCode, 8);
    }

    private static TestSites site(Path dir, String customCode, int pages) {
        TestSites s = new TestSites(dir).spec("p.yaml", FaultInjectionTest.SPEC).spec("heavy.yaml", """
                events:
                  heavy:
                    label: Heavy
                    trigger:
                      custom: |
                %s
                    properties:
                      n: number
                """.formatted(customCode.indent(8).stripTrailing()));
        for (int i = 0; i < pages; i++) {
            s.page(i == 0 ? "index.md" : "p" + i + ".md", FaultInjectionTest.PAGE.replace("Home", "Page " + i));
        }
        return s;
    }

    private static List<Diagnostic> errors(TestSites s) {
        BuildResult r = new Trackplan().build(s.config("hubspot", 10).withVerifyEventBudget(BUDGET));
        return r.errors();
    }

    @Test
    void codeFineInEachPageViewButHeavyInAllFailsNamingOnlyItsEvent(@TempDir Path dir) {
        List<Diagnostic> errors = errors(site(dir, HEAVY + "track({ n: x % 10 });\n"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(VerifyRules.BUDGET);
            assertThat(e.format()).contains("heavy.yaml:[6,9] TP314 heavy (stopped on /")
                    .contains("its code ran for more than 1 s in all over the page views and examples that ran it "
                            + "(verifyEventBudget); its remaining scenarios are skipped");
        });
    }

    @Test
    void listenersTheCodeRegistersAreChargedToItAndTheClockCannotBeReached(@TempDir Path dir) {
        // the top level is light; the heavy part runs in a click listener, which the shim runs on the event's clock.
        // Before that, the code looks for the clock everywhere page code can look, and tries to dispatch on its own
        String code = """
                var found = [];
                Object.getOwnPropertyNames(globalThis).concat(["__trackplanClock", "__clock", "clock"]).forEach(function (k) {
                  var v;
                  try { v = globalThis[k]; } catch (e) { return; }
                  if (v && (typeof v === "object" || typeof v === "function")
                      && (typeof v.enter === "function" || typeof v.leave === "function" || typeof v.owner === "function"
                          || (typeof v.at === "function" && !Array.isArray(v) && v !== Array && v !== String))) {
                    found.push(k);
                  }
                });
                if (typeof __trackplanClock !== "undefined") found.push("__trackplanClock (lexical)");
                if (found.length) throw new Error("found the clock: " + found.join(", "));
                var targets = Object.getPrototypeOf(document), own = targets.dispatchEvent;
                targets.dispatchEvent = function (e) { return own.call(this, e); }; // not what the verifier fires with
                document.addEventListener("click", function () {
                %s  track({ n: x %% 10 });
                });
                """.formatted(HEAVY.indent(2));
        List<Diagnostic> errors = errors(site(dir, code));
        assertThat(errors).noneMatch(e -> e.message().contains("found the clock"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(VerifyRules.BUDGET);
            assertThat(e.format()).contains("heavy.yaml:[6,9] TP314 heavy (stopped on /");
        });
    }

    @Test
    void lightCodePassesWithTheSameBudget(@TempDir Path dir) {
        assertThat(errors(site(dir, "track({ n: location.pathname.length });\n", 4))).isEmpty();
    }
}
