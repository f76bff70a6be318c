package dev.trackplan.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.js.JsEngine;
import dev.trackplan.verify.BrowserSession;
import dev.trackplan.verify.Recorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.graalvm.polyglot.Source;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compact runtime converts values the way the README says: run in the verification's page
 * view, a custom event passes raw values and the calls HubSpot receives are compared.
 */
class RuntimeConversionsTest {
    static JsEngine js;

    @BeforeAll
    static void start() {
        js = new JsEngine();
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    static final String SPEC = """
            events:
              converted:
                label: Converted
                trigger:
                  custom: |
                    var big = new Array(301).join("x"), pair = "\\uD83D\\uDE00";
                    [
                      { n: "0x10" }, { n: " 12 " }, { n: "1e3" }, { n: "" }, { n: "Infinity" }, { n: "5." },
                      { n: ".5" }, { n: "1_0" }, { n: "-2.5e-1" }, { n: 1e400 },
                      { t: "2026-03-01T09:30" }, { t: new Date(0) }, { t: "1767225600000" }, { t: 1.6 }, { t: "soon" },
                      { e: ["b", "a", "b", "x"] }, { e: "a;z" }, { e: "z" },
                      { s: big }, { s: ["x", "y"] }, { s: big.substring(0, 255) + pair }, { page_url: big + big + big + big }
                    ].forEach(function (v) { track(v); });
                properties:
                  n: number
                  t: datetime
                  e: { type: enumeration, options: { a: A, b: B } }
                  s: string
                  page_url: string
            """;

    @Test
    void valuesAreConvertedToTheDeclaredTypeWithinHubSpotsLimits() {
        String bundle = RuntimeFeaturesTest.assemble(js, "hubspot", SPEC).content();
        try (BrowserSession s = new BrowserSession(js, Jsoup.parse("<html><head><title>T</title></head><body></body></html>"),
                "https://www.acme.example/", false, Duration.ofSeconds(30))) {
            s.runBundle(Source.newBuilder("js", bundle, "trackplan.js").buildLiteral());
            s.loadHubSpot();
            s.decide(true);
            List<String> sent = s.recorder().all().stream().filter(Recorder.Command::isTrack)
                    .map(c -> c.argument().get("properties").toString()).toList();
            String x256 = "x".repeat(256);
            assertThat(sent).containsExactly(
                    "{}", "{\"n\":12}", "{\"n\":1000}", "{}", "{}", "{\"n\":5}",
                    "{\"n\":0.5}", "{}", "{\"n\":-0.25}", "{}",
                    "{\"t\":" + Instant.parse("2026-03-01T09:30:00Z").toEpochMilli() + "}", "{\"t\":0}",
                    "{\"t\":1767225600000}", "{\"t\":2}", "{}",
                    "{\"e\":\"b;a\"}", "{\"e\":\"a\"}", "{}",
                    "{\"s\":\"" + x256 + "\"}", "{\"s\":\"x;y\"}", "{\"s\":\"" + "x".repeat(255) + "\"}",
                    "{\"page_url\":\"" + "x".repeat(1024) + "\"}");
        }
    }
}
