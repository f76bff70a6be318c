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

/** Broken templates and snippets must be caught by the verification, each with a clear message. */
class FaultInjectionTest {
    static final String SPEC = """
            events:
              price_clicked:
                label: Price clicked
                trigger:
                  click: "a.cta"
                properties:
                  plan:
                    type: string
                    from: { attribute: data-plan }
                  price:
                    type: number
                    from: { attribute: data-price }
                examples:
                  - element: '<a class="cta" data-plan="pro" data-price="49">Go</a>'
                    expect: { plan: pro, price: 49 }
            """;
    static final String PAGE = "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"basic\" data-price=\"19\" href=\"/\">Go</a>\n";

    static TestSites site(Path dir) {
        return new TestSites(dir).spec("p.yaml", SPEC).page("index.md", PAGE);
    }

    static String clickWith(String call) {
        // the default click template calls into the runtime (tp.on): this one has its own listener
        return "(function (ev) {\n  document.addEventListener(\"click\", function (e) {\n"
                + "    var el = tp.closest(e.target, {{selector}});\n    if (el) " + call + "\n  }, true);\n"
                + "})({{> event.js.mustache}});\n";
    }

    static List<Diagnostic> build(TestSites s) {
        BuildResult r = new Trackplan().build(s.config());
        assertThat(r.failed()).as("the build must fail").isTrue();
        assertThat(s.root().resolve("target/site")).doesNotExist();
        return r.errors();
    }

    @Test
    void defaultTemplatesPass(@TempDir Path dir) {
        BuildResult r = new Trackplan().build(site(dir).config());
        assertThat(r.errors()).isEmpty();
        assertThat(dir.resolve("target/site/index.html")).exists();
    }

    @Test
    void wrongEventNameIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = build(site(dir).template("click.js.mustache",
                clickWith("tp.track([\"pe123_other\", ev[1]], { el: el });")));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.UNKNOWN_EVENT)
                && e.message().contains("\"pe123_other\""));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.CALL_COUNT)
                && e.message().contains("expected exactly one call of pe123_price_clicked, got 0"));
    }

    @Test
    void undeclaredPropertyIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = build(site(dir).template("click.js.mustache", clickWith(
                "tp.track([ev[0], ev[1].concat([[\"secret\", \"number\", \"attribute\", \"data-price\"]])], { el: el });")));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.UNDECLARED_PROPERTY)
                && e.message().contains("sent property 'secret', which the plan does not declare"));
    }

    @Test
    void stringWhereNumberIsDeclaredIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = build(site(dir).template("click.js.mustache", clickWith(
                "tp.track([ev[0], [ev[1][0], [\"price\", \"enumeration\", \"attribute\", \"data-price\", [\"49\", \"19\"]]]], { el: el });")));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.EXPECTED_VALUE)
                && e.format().contains("p.yaml:[15,30] TP301 price_clicked example on /: expected price=49 (number), got \"49\" (string)"));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.WRONG_TYPE)
                && e.message().contains("price_clicked on / (a.cta#1)"));
    }

    @Test
    void overLimitValueIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = build(site(dir).template("click.js.mustache", clickWith(
                "window._hsq.push([\"trackCustomBehavioralEvent\", { name: ev[0], properties: { plan: new Array(300).join(\"x\"), price: 1 } }]);")));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.OVER_LIMIT)
                && e.message().contains("plan is 299 characters, over the limit of 256"));
    }

    @Test
    void callBeforeConsentIsCaught(@TempDir Path dir) {
        List<Diagnostic> errors = build(site(dir).template("click.js.mustache", clickWith(
                "window._hsq.push([\"trackCustomBehavioralEvent\", { name: ev[0], properties: { plan: \"pro\", price: 1 } }]);")));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.CONSENT)
                && e.message().contains("price_clicked on /: sent before the visitor consented"));
        assertThat(errors).anyMatch(e -> e.code().equals(VerifyRules.DO_NOT_TRACK));
    }

    @Test
    void endlessLoopInCustomCodeFailsWithinTheTimeout(@TempDir Path dir) {
        TestSites s = new TestSites(dir).page("index.md", PAGE).spec("loop.yaml", """
                events:
                  looping:
                    label: Looping
                    trigger:
                      custom: |
                        while (true) {}
                    properties:
                      n: number
                """);
        BuildResult r = new Trackplan().build(s.config("hubspot", 1)); // short: the test only needs it to stop
        assertThat(r.errors()).anyMatch(e -> e.code().equals(VerifyRules.RUNTIME) && e.message().startsWith("looping")
                && (e.message().contains("did not finish within 1 s") || e.message().contains("too many statements")));
    }

    @Test
    void builtinHeavyLoopIsStoppedByTheWatchdog(@TempDir Path dir) {
        TestSites s = new TestSites(dir).page("index.md", PAGE).spec("heavy.yaml", """
                events:
                  heavy:
                    label: Heavy
                    trigger:
                      custom: |
                        for (;;) { "xy".repeat(300000).split("").reverse().join(""); }
                    properties:
                      n: number
                """);
        BuildResult r = new Trackplan().build(s.config("hubspot", 1));
        assertThat(r.errors()).anyMatch(e -> e.code().equals(VerifyRules.RUNTIME) && e.message().startsWith("heavy")
                && e.message().contains("did not finish within 1 s"));
    }

    @Test
    void anInterruptedVerificationStopsItsPageViewsAndWaitsForThem(@TempDir Path dir) throws InterruptedException {
        TestSites s = new TestSites(dir).page("index.md", PAGE).spec("heavy.yaml", """
                events:
                  heavy:
                    label: Heavy
                    trigger:
                      custom: |
                        for (;;) { "xy".repeat(300000).split("").reverse().join(""); }
                    properties:
                      n: number
                """);
        // a long timeout: without being called off, the page view would run on long after the build
        Thread build = new Thread(() -> {
            try {
                new Trackplan().build(s.config("hubspot", 120));
            } catch (RuntimeException e) {
                // how the interrupted build ends is not the question here
            }
        }, "interrupted-build");
        build.start();
        List<Thread> verifying = List.of();
        while (verifying.isEmpty() && build.isAlive()) {
            Thread.sleep(20);
            verifying = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("trackplan-verify") && t.isAlive()).toList();
        }
        assertThat(build.isAlive()).as("the build is still verifying").isTrue();
        build.interrupt();
        build.join(60_000); // a bound for a broken build, not a speed target
        assertThat(build.isAlive()).as("the interrupted build returned").isFalse();
        assertThat(verifying).as("no verification thread outlives the build").noneMatch(Thread::isAlive);
    }

    @Test
    void endlessAllocationIsStoppedWithoutKillingTheJvm(@TempDir Path dir) {
        TestSites s = new TestSites(dir).page("index.md", PAGE).spec("alloc.yaml", """
                events:
                  hungry:
                    label: Hungry
                    trigger:
                      custom: |
                        var keep = [];
                        for (;;) { keep.push(new ArrayBuffer(64 * 1024 * 1024)); }
                    properties:
                      n: number
                """);
        // a long timeout: the heap guard, not the clock, must stop it (big buffers fill the heap in moments)
        BuildResult r = new Trackplan().build(s.config("hubspot", 120));
        assertThat(r.errors()).anyMatch(e -> e.code().equals(VerifyRules.RUNTIME) && e.message().startsWith("hungry")
                && (e.message().contains("allocated memory without end") || e.message().contains("exhausted the heap")));
        System.gc();
        assertThat(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory())
                .isLessThan(Runtime.getRuntime().maxMemory() / 2);
    }

    @Test
    void allocatingGarbageIsNotMistakenForAFullHeap(@TempDir Path dir) {
        // more than the whole heap in short-lived buffers: the heap guard judges what survives a collection
        long chunks = Runtime.getRuntime().maxMemory() / (64L * 1024 * 1024) + 8;
        TestSites s = new TestSites(dir).page("index.md", PAGE).spec("churn.yaml", """
                events:
                  churning:
                    label: Churning
                    trigger:
                      custom: |
                        for (var i = 0; i < %d; i++) { new ArrayBuffer(64 * 1024 * 1024); }
                    properties:
                      n: number
                """.formatted(chunks));
        BuildResult r = new Trackplan().build(s.config("hubspot", 120));
        assertThat(r.errors()).noneMatch(e -> e.code().equals(VerifyRules.RUNTIME));
    }
}
