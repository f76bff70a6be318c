package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.Values;
import dev.trackplan.site.GeneratedSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One example of the spec: its page (or a blank one with its element), trigger fired, exactly one call with the expected values. */
final class ExampleScenario extends Scenario {
    private final EventSpec e;
    private final Example x;
    private final GeneratedSite site;
    /** The example's name for the build cache ({@link Verifier#exampleId}). */
    private final String id;

    ExampleScenario(EventSpec e, Example x, GeneratedSite site, String id) {
        this.e = e;
        this.x = x;
        this.site = site;
        this.id = id;
    }

    @Override
    List<EventSpec> owners() {
        return List.of(e);
    }

    @Override
    String path() {
        return x.page() == null ? "/" : x.page();
    }

    @Override
    void run(VerifyRun run, VerifyRun.Code code) {
        VerifyReport.EventResult result = run.report.event(e.name(), e.file());
        run.report.scenario(result);
        Document doc = null;
        if (x.page() != null) {
            for (GeneratedSite.HtmlPage p : site.pages()) {
                if (p.url().equals(x.page())) {
                    doc = Jsoup.parse(p.html());
                }
            }
        }
        if (doc == null) {
            doc = Jsoup.parse("<!doctype html><html><head><title>Example</title></head><body></body></html>");
        }
        String where = e.name() + " example on " + path();
        try (BrowserSession s = run.open(doc, path(), false)) {
            guarded(run, s, () -> {
                Element target = null;
                boolean selectorKind = VerifyRun.hasSelector(e);
                if (x.element() != null) {
                    Element holder = s.page().body().appendElement("div").attr("data-trackplan-example", "");
                    holder.append(x.element());
                    if (selectorKind) {
                        target = VerifyRun.selector(e).select(holder, s.deadline()).stream()
                                .filter(el -> el != holder).findFirst().orElse(null);
                    }
                } else if (selectorKind) {
                    target = VerifyRun.selector(e).first(s.page(), s.deadline());
                }
                if (selectorKind && target == null) {
                    run.fail(e, x.pos(), VerifyRules.CALL_COUNT, where + ": no element matches '" + e.trigger().value()
                            + "' to fire the " + e.trigger().kind().id() + " on");
                    return;
                }
                run.start(s, code);
                run.accept(s);
                if (target != null) {
                    s.fire(target, VerifyRun.eventType(e));
                } else if (e.trigger().kind() == dev.trackplan.model.TriggerKind.HUBSPOT_FORM) {
                    // the example's element is the form as HubSpot renders it: its values, reported the way the embed does
                    s.hubspotFormSubmitted(e.trigger().value().equals("*") ? "00000000-0000-0000-0000-000000000000"
                            : e.trigger().value(), formValues(s.page().selectFirst("[data-trackplan-example]")));
                }
                checkCommands(run, s, null);
                checkConsole(run, e, x.pos(), s, where);
                List<Recorder.Command> calls = s.recorder().all().stream().filter(Recorder.Command::isTrack)
                        .filter(c -> named(run, c, e)).toList();
                if (calls.size() != 1) {
                    run.fail(e, x.pos(), VerifyRules.CALL_COUNT, where + ": expected exactly one call of "
                            + e.fullName(run.hubId) + ", got " + calls.size() + seen(s));
                    return;
                }
                JsonNode arg = calls.get(0).argument();
                run.noteSent(id, arg); // kept under the example's name for the build cache
                for (CallValidator.Problem p : run.validator.validate(arg)) {
                    run.fail(e, x.pos(), p.rule(), where + ": " + p.message());
                }
                compareExpected(run, arg.path("properties"), where);
            });
        }
    }

    private void compareExpected(VerifyRun run, JsonNode props, String where) {
        for (Map.Entry<String, Example.Expected> ex : x.expect().entrySet()) {
            PropertySpec p = e.property(ex.getKey());
            if (p == null || p.type() == null) {
                continue;
            }
            Example.Expected want = ex.getValue();
            JsonNode got = props.get(ex.getKey());
            String wantShown = ex.getKey() + "=" + want.text() + " (" + p.type().id() + ")";
            if (got == null) {
                run.fail(e, want.pos(), VerifyRules.EXPECTED_VALUE, where + ": expected " + wantShown
                        + ", but the call has no " + ex.getKey());
                continue;
            }
            boolean ok = switch (p.type()) {
                case NUMBER -> got.isNumber() && Values.number(want.text()) != null
                        && got.decimalValue().compareTo(Values.number(want.text())) == 0;
                case DATETIME -> got.isIntegralNumber() && Values.datetime(want.text()).isPresent()
                        && got.asLong() == Values.datetime(want.text()).getAsLong();
                case ENUMERATION, STRING -> got.isTextual() && got.asText().equals(want.text());
            };
            if (!ok) {
                run.fail(e, want.pos(), VerifyRules.EXPECTED_VALUE, where + ": expected " + wantShown + ", got "
                        + CallValidator.show(got));
            }
        }
    }

    /** The named fields of an example's form: text, checked boxes and radios, selected options. */
    static java.util.Map<String, String> formValues(Element holder) {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        if (holder == null) {
            return values;
        }
        for (Element f : holder.select("input[name], select[name], textarea[name]")) {
            String type = f.attr("type").toLowerCase(java.util.Locale.ROOT);
            if ((type.equals("checkbox") || type.equals("radio")) && !f.hasAttr("checked")) {
                continue;
            }
            String v = f.tagName().equals("select")
                    ? java.util.Optional.ofNullable(f.selectFirst("option[selected]"))
                            .or(() -> java.util.Optional.ofNullable(f.selectFirst("option")))
                            .map(o -> o.hasAttr("value") ? o.attr("value") : o.text()).orElse("")
                    : f.tagName().equals("textarea") ? f.wholeText() : f.attr("value");
            values.merge(f.attr("name"), v, (a, b) -> a + ";" + b);
        }
        return values;
    }

    static boolean named(VerifyRun run, Recorder.Command c, EventSpec e) {
        return c.argument() != null && e.fullName(run.hubId).equals(c.argument().path("name").asText());
    }

    /** A snippet's own exception, caught by the runtime and written to the console. */
    static void checkConsole(VerifyRun run, EventSpec e, dev.trackplan.diag.SourcePos at, BrowserSession s, String where) {
        String prefix = "trackplan: " + e.fullName(run.hubId) + ": ";
        for (String line : s.console().split("\\R")) {
            if (line.startsWith(prefix + "not sent: ")) {
                run.fail(e, at, VerifyRules.REQUIRED_MISSING, where + ": " + line.substring(prefix.length())
                        + " (the bundle skipped the call)");
                return;
            }
            if (line.startsWith(prefix)) {
                run.fail(e, at, VerifyRules.RUNTIME, e.name() + ": its code threw " + line.substring(prefix.length()));
                return;
            }
        }
    }

    /** What the page pushed, for a failure message; console output too. */
    private static String seen(BrowserSession s) {
        StringBuilder sb = new StringBuilder("; commands seen:");
        for (Recorder.Command c : s.recorder().all()) {
            sb.append(' ').append(c.queue()).append(CommandPolicy.shown(c));
        }
        String console = s.console().trim();
        if (!console.isEmpty()) {
            sb.append("; console: ").append(console.length() > 300 ? console.substring(0, 300) + "..." : console);
        }
        return sb.toString();
    }
}
