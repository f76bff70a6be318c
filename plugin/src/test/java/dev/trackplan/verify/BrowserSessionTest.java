package dev.trackplan.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.js.JsEngine;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page view the bundle runs in: commands are recorded as pushed, whatever the page did to
 * JSON or the prototypes, and the page cannot tell it is not in a browser. One shared engine.
 */
class BrowserSessionTest {
    static JsEngine engine;

    @BeforeAll
    static void start() {
        engine = new JsEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static BrowserSession session() {
        return new BrowserSession(engine, Jsoup.parse("<html><head><title>T</title></head><body><a class=cta>Go</a></body></html>"),
                "https://www.acme.example/pricing/", false, Duration.ofSeconds(30));
    }

    static JsonNode lastPushed(BrowserSession s) {
        List<Recorder.Command> all = s.recorder().all();
        return all.get(all.size() - 1).command();
    }

    @Test
    void pollutedToJsonDoesNotChangeWhatIsRecorded() {
        try (BrowserSession s = session()) {
            s.loadHubSpot();
            s.eval("""
                    Array.prototype.toJSON = function () { return ["trackCustomBehavioralEvent", { name: "pe1_x", properties: { plan: "pro" } }]; };
                    Object.prototype.toJSON = function () { return { plan: "pro" }; };
                    window._hsq.push(["trackCustomBehavioralEvent", { name: "pe1_x", properties: { plan: "basic" } }]);
                    """);
            assertThat(lastPushed(s).toString())
                    .isEqualTo("[\"trackCustomBehavioralEvent\",{\"name\":\"pe1_x\",\"properties\":{\"plan\":\"basic\"}}]");
        }
    }

    @Test
    void replacedJsonStringifyAndPollutedPrototypesDoNotChangeWhatIsRecorded() {
        try (BrowserSession s = session()) {
            s.eval("""
                    JSON.stringify = function () { return '["trackCustomBehavioralEvent",{"name":"pe1_x","properties":{"plan":"pro"}}]'; };
                    Object.prototype.plan = "pro";
                    Array.prototype.splice = function () { return []; };
                    window._hsq = window._hsq || [];
                    window._hsq.push(["trackCustomBehavioralEvent", { name: "pe1_x", properties: {} }]);
                    """);
            s.loadHubSpot(); // queued commands are taken over without the page's splice
            assertThat(lastPushed(s).toString()).isEqualTo("[\"trackCustomBehavioralEvent\",{\"name\":\"pe1_x\",\"properties\":{}}]");
        }
    }

    @Test
    void valuesJsonCannotCarryAreNeverNumbersOrText() {
        try (BrowserSession s = session()) {
            s.loadHubSpot();
            s.eval("window._hsq.push(['trackCustomBehavioralEvent', { name: 'pe1_x', properties: "
                    + "{ a: NaN, b: Infinity, c: undefined, d: function () {}, e: new Date(0), f: 7, g: 'x' } }]);");
            JsonNode props = lastPushed(s).get(1).get("properties");
            for (String k : List.of("a", "b", "c", "d", "e")) {
                assertThat(props.get(k).isNumber() || props.get(k).isTextual()).as(k).isFalse();
            }
            assertThat(props.get("a").toString()).isEqualTo("NaN");
            assertThat(props.get("f").asInt()).isEqualTo(7);
            assertThat(props.get("g").asText()).isEqualTo("x");
        }
    }

    @Test
    void thePageLooksLikeABrowserPage() {
        try (BrowserSession s = session()) {
            s.loadHubSpot();
            s.eval("""
                    var probes = {
                      ua: navigator.userAgent, host: location.hostname, href: location.href,
                      graal: typeof Graal, print: typeof print, java: typeof Java, polyglot: typeof Polyglot,
                      verifier: Object.keys(window).filter(function (k) { return /^__/.test(k); }).join(","),
                      webdriver: navigator.webdriver, languages: navigator.languages.join(",")
                    };
                    window._hsq.push(["probe", probes]);
                    """);
            JsonNode p = lastPushed(s).get(1);
            assertThat(p.get("ua").asText()).contains("Chrome/").doesNotContain("Trackplan");
            assertThat(p.get("host").asText()).isEqualTo("www.acme.example");
            assertThat(p.get("href").asText()).isEqualTo("https://www.acme.example/pricing/");
            for (String k : List.of("graal", "print", "java", "polyglot")) {
                assertThat(p.get(k).asText()).as(k).isEqualTo("undefined");
            }
            assertThat(p.get("verifier").asText()).isEmpty();
            assertThat(p.get("webdriver").asBoolean()).isFalse();
            assertThat(p.get("languages").asText()).isEqualTo("en-US,en");
        }
    }

    @Test
    void selectorsBrowsersRefuseThrowSyntaxErrorsInThePage() {
        try (BrowserSession s = session()) {
            s.eval("""
                    var out = [];
                    ["a:contains(Go)", "[class~=^(c+){2,60}$]", "> a", "a.cta"].forEach(function (sel) {
                      try { out.push(document.querySelectorAll(sel).length); } catch (e) { out.push(e.name); }
                    });
                    window._hsq = [["probe", out]];
                    """);
            s.loadHubSpot();
            assertThat(lastPushed(s).get(1).toString()).isEqualTo("[\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",1]");
        }
    }

    @Test
    void whereACommandWasPushedFromIsKnown() {
        try (BrowserSession s = session()) {
            s.runBundle(org.graalvm.polyglot.Source.newBuilder("js", "\n\n  window._hsq = window._hsq || []; window._hsq.push(['doNotTrack']);",
                    Recorder.BUNDLE_NAME).buildLiteral());
            s.loadHubSpot();
            assertThat(s.recorder().all().get(0).origin()).isNotEmpty().allMatch(o -> o >= 2);
        }
    }
}
