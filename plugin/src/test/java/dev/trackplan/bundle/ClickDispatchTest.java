package dev.trackplan.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.js.JsEngine;
import dev.trackplan.verify.BrowserSession;
import dev.trackplan.verify.Recorder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Click and submit events share one capture listener per run of snippets (a few events: each
 * selector asked in turn; many: in halves), and a click fires the
 * same events in the same order as one listener per event did: every event whose selector matches
 * the target or an ancestor, in plan order, with a custom trigger's own listener in its place
 * between them, whatever the number of events.
 */
class ClickDispatchTest {
    static JsEngine js;

    @BeforeAll
    static void start() {
        js = new JsEngine();
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    static String bundle(String yaml) {
        return RuntimeFeaturesTest.assemble(js, "hubspot", yaml).content();
    }

    static List<String> clicked(String bundle, String html, String... targets) {
        Document page = Jsoup.parse(html);
        try (BrowserSession s = new BrowserSession(js, page, "https://www.acme.example/", false, Duration.ofSeconds(30))) {
            s.runBundle(Source.newBuilder("js", bundle, "trackplan.js").buildLiteral());
            s.loadHubSpot();
            s.decide(true);
            int mark = s.recorder().mark();
            for (String css : targets) {
                s.fire(page.selectFirst(css), "click");
            }
            return s.recorder().since(mark).stream().filter(Recorder.Command::isTrack)
                    .map(c -> c.argument().get("name").asText().replaceFirst("^pe123_", "")).toList();
        }
    }

    @Test
    void aClickFiresEveryMatchingEventInPlanOrderWithACustomListenerInItsPlace() {
        String yaml = """
                events:
                  a_link:
                    label: A link
                    trigger: { click: "a.cta" }
                  b_custom:
                    label: B custom
                    trigger:
                      custom: |
                        document.addEventListener("click", function (e) { if (e.target.closest(".box")) track({}); }, true);
                  c_box:
                    label: C box
                    trigger: { click: ".box" }
                  d_any:
                    label: D any
                    trigger: { click: "div a" }
                  e_none:
                    label: E none
                    trigger: { click: ".nowhere" }
                """;
        String html = "<html><head><title>T</title></head><body><div class=box><a class=cta href=/>Go <b>now</b></a></div>"
                + "<p class=box>other</p></body></html>";
        String bundle = bundle(yaml);
        assertThat(bundle).as("a few events: each selector asked in turn").doesNotContain("function dm(");
        assertThat(clicked(bundle, html, "b")).containsExactly("a_link", "b_custom", "c_box", "d_any");
        assertThat(clicked(bundle, html, "p")).containsExactly("b_custom", "c_box");
    }

    @Test
    void manyEventsEachFireOnTheirOwnElementAndNestedOnesAllFire() {
        StringBuilder yaml = new StringBuilder("events:\n");
        StringBuilder html = new StringBuilder("<html><head><title>T</title></head><body>");
        int n = 120; // their selectors as one list: far over what one question may carry
        for (int i = 0; i < n; i++) {
            String name = String.format(Locale.ROOT, "e%03d", i);
            yaml.append("  ").append(name).append(":\n    label: Event ").append(i)
                    .append("\n    trigger: { click: \".call-to-action-").append(name).append("\" }\n");
            html.append("<a class=call-to-action-").append(name).append(" href=/>").append(i).append("</a>");
        }
        html.append("<div class=call-to-action-e119><div class=call-to-action-e007><span class=call-to-action-e050>x</span>"
                + "</div></div></body></html>");
        String[] targets = new String[n];
        for (int i = 0; i < n; i++) {
            targets[i] = String.format(Locale.ROOT, "a.call-to-action-e%03d", i);
        }
        String bundle = bundle(yaml.toString());
        assertThat(bundle).as("many events: asked in halves").contains("function dm(");
        List<String> each = clicked(bundle, html.toString(), targets);
        assertThat(each).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(each.get(i)).isEqualTo(String.format(Locale.ROOT, "e%03d", i));
        }
        assertThat(clicked(bundle, html.toString(), "span")).containsExactly("e007", "e050", "e119");
    }
}
