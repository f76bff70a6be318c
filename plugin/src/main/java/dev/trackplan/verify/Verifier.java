package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.Example;
import dev.trackplan.model.PropertySpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.model.Values;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.site.PlanCoverage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Runs the bundle the site ships under GraalJS and proves, event by event, that it calls
 * {@code _hsq.push(['trackCustomBehavioralEvent', ...])} as the plan says:
 * <ol>
 * <li>each example: its page (or a blank page with its element), trigger fired, exactly one call
 *     with the expected values;</li>
 * <li>the real site: every click/submit fired on every matching element of every page the event
 *     may fire on, visits on every matching page; each call valid; a selector or visit glob that
 *     matches nothing is an error;</li>
 * <li>consent: nothing before consent, nothing when the visitor grants every category but analytics
 *     (through Trackplan's banner when it offers the categories), nothing after a withdrawal (and,
 *     with Trackplan's banner, {@code revokeCookieConsent} pushed); with Do Not Track or Global
 *     Privacy Control nothing at all and {@code ['doNotTrack']} pushed.</li>
 * </ol>
 */
public final class Verifier {
    private static final String ORIGIN = "https://site.test";

    private final JsEngine engine;
    private final String hubId;
    private final boolean banner;
    private final boolean respectDoNotTrack;
    private final boolean respectGlobalPrivacyControl;
    private final Duration timeout;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());

    public Verifier(JsEngine engine, String hubId, boolean banner, boolean respectDoNotTrack,
            boolean respectGlobalPrivacyControl, Duration timeout) {
        this.engine = engine;
        this.hubId = hubId;
        this.banner = banner;
        this.respectDoNotTrack = respectDoNotTrack;
        this.respectGlobalPrivacyControl = respectGlobalPrivacyControl;
        this.timeout = timeout;
    }

    public VerifyReport verify(TrackingPlan plan, GeneratedSite site, String bundleCode, Diagnostics d) {
        long start = System.nanoTime();
        VerifyReport report = new VerifyReport();
        Source bundle = Source.newBuilder("js", bundleCode, "trackplan.js").buildLiteral();
        CallValidator validator = new CallValidator(plan, hubId);
        Run run = new Run(plan, bundle, validator, report, d);
        List<Runnable> scenarios = new ArrayList<>();
        for (EventSpec e : plan.events()) {
            report.event(e.name(), e.file());
            for (Example x : e.examples()) {
                scenarios.add(() -> run.example(e, x, site));
            }
        }
        for (GeneratedSite.HtmlPage page : site.pages()) {
            if (!page.url().endsWith(".html")) { // 404.html is shown at any address; nothing to prove there
                scenarios.add(() -> run.page(page));
            }
        }
        runAll(scenarios);
        run.unused();
        report.millis((System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /** Scenarios are independent (a fresh context each), so they run on all cores. */
    private void runAll(List<Runnable> scenarios) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "trackplan-verify");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : scenarios) {
                futures.add(pool.submit(r));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private final class Run {
        final TrackingPlan plan;
        final Source bundle;
        final CallValidator validator;
        final VerifyReport report;
        final Diagnostics d;

        Run(TrackingPlan plan, Source bundle, CallValidator validator, VerifyReport report, Diagnostics d) {
            this.plan = plan;
            this.bundle = bundle;
            this.validator = validator;
            this.report = report;
            this.d = d;
        }

        void fail(EventSpec e, SourcePos at, String rule, String message) {
            Diagnostic diag = Diagnostic.error(at, rule, message);
            d.add(diag);
            report.failure(e.name(), e.file(), diag);
        }

        void example(EventSpec e, Example x, GeneratedSite site) {
            VerifyReport.EventResult result = report.event(e.name(), e.file());
            report.scenario(result);
            String path = x.page() == null ? "/" : x.page();
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
            Element target = null;
            boolean selectorKind = e.trigger().kind() == TriggerKind.CLICK || e.trigger().kind() == TriggerKind.SUBMIT;
            if (x.element() != null) {
                Element holder = doc.body().appendElement("div").attr("data-trackplan-example", "");
                holder.append(x.element());
                if (selectorKind) {
                    target = holder.select(e.trigger().value()).stream().filter(el -> el != holder).findFirst().orElse(null);
                }
            } else if (selectorKind) {
                target = doc.selectFirst(e.trigger().value());
            }
            String where = e.name() + " example on " + path;
            if (selectorKind && target == null) {
                fail(e, x.pos(), VerifyRules.CALL_COUNT, where + ": no element matches '" + e.trigger().value()
                        + "' to fire the " + e.trigger().kind().id() + " on");
                return;
            }
            try (BrowserSession s = new BrowserSession(engine, doc, ORIGIN + path, false, timeout)) {
                try {
                    s.runBundle(bundle);
                    s.loadHubSpot();
                    accept(s);
                    if (target != null) {
                        s.fire(target, e.trigger().kind() == TriggerKind.CLICK ? "click" : "submit");
                    }
                    List<Recorder.Command> calls = callsOf(e, s.recorder().all());
                    checkConsole(e, x.pos(), s);
                    if (calls.size() != 1) {
                        fail(e, x.pos(), VerifyRules.CALL_COUNT, where + ": expected exactly one call of "
                                + e.fullName(hubId) + ", got " + calls.size() + seen(s));
                        return;
                    }
                    JsonNode arg = calls.get(0).argument();
                    for (CallValidator.Problem p : validator.validate(arg)) {
                        fail(e, x.pos(), p.rule(), where + ": " + p.message());
                    }
                    compareExpected(e, x, arg.path("properties"), where);
                } catch (PolyglotException ex) {
                    fail(e, x.pos(), VerifyRules.RUNTIME, where + ": the bundle " + s.describe(ex, timeout));
                }
            }
        }

        void compareExpected(EventSpec e, Example x, JsonNode props, String where) {
            for (Map.Entry<String, Example.Expected> ex : x.expect().entrySet()) {
                PropertySpec p = e.property(ex.getKey());
                if (p == null || p.type() == null) {
                    continue;
                }
                Example.Expected want = ex.getValue();
                JsonNode got = props.get(ex.getKey());
                String wantShown = ex.getKey() + "=" + want.text() + " (" + p.type().id() + ")";
                if (got == null) {
                    fail(e, want.pos(), VerifyRules.EXPECTED_VALUE, where + ": expected " + wantShown
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
                    fail(e, want.pos(), VerifyRules.EXPECTED_VALUE, where + ": expected " + wantShown + ", got "
                            + CallValidator.show(got));
                }
            }
        }

        final Set<String> selectorUsed = ConcurrentHashMap.newKeySet();
        final Set<String> visitUsed = ConcurrentHashMap.newKeySet();

        void page(GeneratedSite.HtmlPage page) {
            List<EventSpec> here = new ArrayList<>();
            Document probe = Jsoup.parse(page.html());
            for (EventSpec e : plan.events()) {
                if (PlanCoverage.firesOn(e, page.url(), probe)) {
                    here.add(e);
                    (e.trigger().kind() == TriggerKind.VISIT ? visitUsed : selectorUsed).add(e.name());
                }
            }
            if (here.isEmpty()) {
                return; // no event may fire here
            }
            consentScenario(page, here);
            acceptedScenario(page, here);
            if (respectDoNotTrack) {
                doNotTrackScenario(page, here, false);
            }
            if (respectGlobalPrivacyControl) {
                doNotTrackScenario(page, here, true);
            }
        }

        void unused() {
            for (EventSpec e : plan.events()) {
                TriggerKind k = e.trigger().kind();
                if ((k == TriggerKind.CLICK || k == TriggerKind.SUBMIT) && !selectorUsed.contains(e.name())) {
                    fail(e, e.trigger().valuePos(), VerifyRules.SELECTOR_UNUSED, e.name() + ": selector '"
                            + e.trigger().value() + "' matches no element on any page it may fire on"
                            + (e.trigger().pages().isEmpty() ? "" : " (pages " + e.trigger().pages().stream()
                            .map(g -> g.glob()).toList() + ")") + "; the plan and the site drifted apart");
                } else if (k == TriggerKind.VISIT && !visitUsed.contains(e.name())) {
                    fail(e, e.trigger().valuePos(), VerifyRules.VISIT_UNUSED, e.name() + ": visit glob '"
                            + e.trigger().value() + "' matches no generated page");
                }
            }
        }

        /**
         * Before consent, and after the visitor granted every category but analytics, firing
         * everything sends nothing (a gate that trusted consent.allowed would send here).
         */
        void consentScenario(GeneratedSite.HtmlPage page, List<EventSpec> here) {
            Document doc = Jsoup.parse(page.html());
            try (BrowserSession s = new BrowserSession(engine, doc, ORIGIN + page.url(), false, timeout)) {
                try {
                    s.runBundle(bundle);
                    s.loadHubSpot();
                    fireAll(s, here);
                    expectNoTrack(s, here, page, "before the visitor consented");
                    declineAnalyticsOnly(s);
                    fireAll(s, here);
                    expectNoTrack(s, here, page, "after the visitor declined analytics (advertisement and "
                            + "functionality accepted)");
                } catch (PolyglotException ex) {
                    runtimeFailure(here, page, s, ex);
                }
            }
        }

        void acceptedScenario(GeneratedSite.HtmlPage page, List<EventSpec> here) {
            Document doc = Jsoup.parse(page.html());
            try (BrowserSession s = new BrowserSession(engine, doc, ORIGIN + page.url(), false, timeout)) {
                try {
                    s.runBundle(bundle);
                    s.loadHubSpot();
                    accept(s);
                    List<Recorder.Command> onLoad = s.recorder().tracksSince(0);
                    validateAll(onLoad, page, "on load");
                    for (EventSpec e : here) {
                        if (e.trigger().kind() == TriggerKind.VISIT) {
                            VerifyReport.EventResult r = report.event(e.name(), e.file());
                            report.scenario(r);
                            long n = onLoad.stream().filter(c -> named(c, e)).count();
                            if (n != 1) {
                                fail(e, e.trigger().valuePos(), VerifyRules.CALL_COUNT, e.name() + " on " + page.url()
                                        + ": expected one call on visit, got " + n);
                            }
                        }
                    }
                    for (EventSpec e : here) {
                        TriggerKind k = e.trigger().kind();
                        if (k != TriggerKind.CLICK && k != TriggerKind.SUBMIT) {
                            continue;
                        }
                        int index = 0;
                        for (Element el : s.page().select(e.trigger().value())) {
                            index++;
                            VerifyReport.EventResult r = report.event(e.name(), e.file());
                            report.scenario(r);
                            int mark = s.recorder().mark();
                            s.fire(el, k == TriggerKind.CLICK ? "click" : "submit");
                            List<Recorder.Command> calls = s.recorder().tracksSince(mark);
                            String where = e.name() + " on " + page.url() + " (" + describe(el) + "#" + index + ")";
                            long mine = calls.stream().filter(c -> named(c, e)).count();
                            if (mine != 1) {
                                fail(e, e.trigger().valuePos(), VerifyRules.CALL_COUNT, where
                                        + ": expected exactly one call of " + e.fullName(hubId) + ", got " + mine);
                            }
                            validateAll(calls, page, describe(el) + "#" + index);
                        }
                    }
                    for (EventSpec e : here) {
                        checkConsole(e, e.trigger().valuePos(), s);
                    }
                    withdraw(s, page, here);
                } catch (PolyglotException ex) {
                    runtimeFailure(here, page, s, ex);
                }
            }
        }

        /**
         * The visitor takes consent back: with Trackplan's banner its "Decline all" (which must push
         * revokeCookieConsent), else HubSpot's banner declines. Nothing may be sent afterwards.
         */
        void withdraw(BrowserSession s, GeneratedSite.HtmlPage page, List<EventSpec> here) {
            int mark = s.recorder().mark();
            Element decline = banner ? s.page().selectFirst("[data-trackplan-consent=decline]") : null;
            if (decline != null) {
                s.fire(decline, "click");
                boolean revoked = s.recorder().since(mark).stream()
                        .anyMatch(c -> "hsp".equals(c.queue()) && "revokeCookieConsent".equals(c.method()));
                if (!revoked && !here.isEmpty()) {
                    EventSpec e = here.get(0);
                    fail(e, SourcePos.of(e.file()), VerifyRules.CONSENT, "on " + page.url() + " the visitor withdrew "
                            + "consent through the banner, but the bundle did not push ['revokeCookieConsent']");
                }
            } else {
                s.decide(false);
            }
            int after = s.recorder().mark();
            fireAll(s, here);
            for (Recorder.Command c : s.recorder().tracksSince(after)) {
                EventSpec e = validator.eventOf(c.argument());
                EventSpec blame = e != null ? e : here.get(0);
                fail(blame, blame.trigger().valuePos(), VerifyRules.CONSENT, (e != null ? e.name() : "an event")
                        + " on " + page.url() + ": sent after the visitor withdrew consent (" + c.command() + ")");
            }
        }

        /** Grants advertisement and functionality but not analytics: by the banner's boxes when it has them. */
        void declineAnalyticsOnly(BrowserSession s) {
            Element save = banner ? s.page().selectFirst("[data-trackplan-consent=save]") : null;
            boolean boxes = banner && s.page().selectFirst("[data-trackplan-category=analytics]") != null;
            if (save != null && boxes) {
                s.eval("(function (b) { for (var i = 0; i < b.length; i++) b[i].checked = "
                        + "b[i].getAttribute('data-trackplan-category') !== 'analytics'; })"
                        + "(document.querySelectorAll('[data-trackplan-category]'))");
                s.fire(save, "click");
            } else {
                s.decide(false, true, true);
            }
        }

        /** With Do Not Track (or Global Privacy Control) on: ['doNotTrack'] pushed and nothing sent. */
        void doNotTrackScenario(GeneratedSite.HtmlPage page, List<EventSpec> here, boolean gpc) {
            Document doc = Jsoup.parse(page.html());
            String signal = gpc ? "Global Privacy Control" : "Do Not Track";
            try (BrowserSession s = new BrowserSession(engine, doc, ORIGIN + page.url(), !gpc, timeout)) {
                try {
                    if (gpc) {
                        s.eval("navigator.globalPrivacyControl = true");
                    }
                    s.runBundle(bundle);
                    s.loadHubSpot();
                    accept(s);
                    fireAll(s, here);
                    report.scenario();
                    boolean dnt = s.recorder().all().stream().anyMatch(c -> "hsq".equals(c.queue())
                            && "doNotTrack".equals(c.method()) && c.command().size() == 1);
                    if (!dnt && !here.isEmpty()) {
                        EventSpec e = here.get(0);
                        fail(e, SourcePos.of(e.file()), VerifyRules.DO_NOT_TRACK, "with " + signal + " on, the bundle "
                                + "did not push ['doNotTrack'] on " + page.url());
                    }
                    for (Recorder.Command c : s.recorder().tracksSince(0)) {
                        EventSpec e = validator.eventOf(c.argument());
                        if (e != null) {
                            fail(e, e.trigger().valuePos(), VerifyRules.DO_NOT_TRACK, e.name() + " on " + page.url()
                                    + ": sent although the visitor asked not to be tracked (" + signal + ")");
                        }
                    }
                } catch (PolyglotException ex) {
                    runtimeFailure(here, page, s, ex);
                }
            }
        }

        void accept(BrowserSession s) {
            Element button = banner ? s.page().selectFirst("[data-trackplan-consent=accept]") : null;
            if (button != null) {
                s.fire(button, "click");
            } else {
                s.decide(true);
            }
        }

        void fireAll(BrowserSession s, List<EventSpec> here) {
            for (EventSpec e : here) {
                TriggerKind k = e.trigger().kind();
                if (k == TriggerKind.CLICK || k == TriggerKind.SUBMIT) {
                    report.scenario(report.event(e.name(), e.file()));
                    for (Element el : s.page().select(e.trigger().value())) {
                        s.fire(el, k == TriggerKind.CLICK ? "click" : "submit");
                    }
                }
            }
        }

        void expectNoTrack(BrowserSession s, List<EventSpec> here, GeneratedSite.HtmlPage page, String when) {
            for (Recorder.Command c : s.recorder().tracksSince(0)) {
                EventSpec e = validator.eventOf(c.argument());
                EventSpec blame = e != null ? e : here.isEmpty() ? null : here.get(0);
                if (blame != null) {
                    fail(blame, blame.trigger().valuePos(), VerifyRules.CONSENT, (e != null ? e.name() : "an event")
                            + " on " + page.url() + ": sent " + when + " (" + c.command() + ")");
                }
            }
        }

        void validateAll(List<Recorder.Command> calls, GeneratedSite.HtmlPage page, String what) {
            for (Recorder.Command c : calls) {
                EventSpec e = validator.eventOf(c.argument());
                for (CallValidator.Problem p : validator.validate(c.argument())) {
                    EventSpec blame = e != null ? e : plan.events().get(0);
                    fail(blame, blame.trigger().valuePos(), p.rule(), (e != null ? e.name() : "a call") + " on "
                            + page.url() + " (" + what + "): " + p.message());
                }
            }
        }

        void checkConsole(EventSpec e, SourcePos at, BrowserSession s) {
            String prefix = "trackplan: " + e.fullName(hubId) + ": ";
            for (String line : s.console().split("\\R")) {
                if (line.startsWith(prefix)) {
                    fail(e, at, VerifyRules.RUNTIME, e.name() + ": its code threw " + line.substring(prefix.length()));
                    return;
                }
            }
        }

        void runtimeFailure(List<EventSpec> here, GeneratedSite.HtmlPage page, BrowserSession s, PolyglotException ex) {
            EventSpec blame = culprit(ex, here);
            String what = s.describe(ex, timeout);
            if (blame == null) {
                d.error(SourcePos.of(page.source()), VerifyRules.RUNTIME, "the bundle on " + page.url() + " " + what);
            } else {
                fail(blame, blame.trigger().valuePos(), VerifyRules.RUNTIME, blame.name() + " on " + page.url() + ": the bundle "
                        + what);
            }
        }

        /** The event whose snippet was running: by the stack, else the only custom event on the page. */
        EventSpec culprit(PolyglotException ex, List<EventSpec> here) {
            String code = bundle.getCharacters().toString();
            for (var frame : ex.getPolyglotStackTrace()) {
                var loc = frame.getSourceLocation();
                if (loc == null || !"trackplan.js".equals(loc.getSource().getName())) {
                    continue;
                }
                int offset = loc.getCharIndex();
                EventSpec best = null;
                int bestAt = -1;
                for (EventSpec e : plan.events()) {
                    int at = code.lastIndexOf(dev.trackplan.js.JsLiteral.quote(e.fullName(hubId)), code.length());
                    int snippetStart = at < 0 ? -1 : code.lastIndexOf("(function (ev)", at);
                    if (snippetStart >= 0 && snippetStart <= offset && snippetStart > bestAt && at >= offset) {
                        best = e;
                        bestAt = snippetStart;
                    }
                }
                if (best != null) {
                    return best;
                }
            }
            List<EventSpec> custom = here.stream().filter(e -> e.trigger().kind() == TriggerKind.CUSTOM).toList();
            return custom.size() == 1 ? custom.get(0) : here.isEmpty() ? null : here.get(0);
        }

        /** What the page pushed, for a failure message; console output too. */
        String seen(BrowserSession s) {
            StringBuilder sb = new StringBuilder("; commands seen:");
            for (Recorder.Command c : s.recorder().all()) {
                String cmd = c.command().toString();
                sb.append(' ').append(c.queue()).append(cmd.length() > 120 ? cmd.substring(0, 120) + "..." : cmd);
            }
            String console = s.console().trim();
            if (!console.isEmpty()) {
                sb.append("; console: ").append(console.length() > 300 ? console.substring(0, 300) + "..." : console);
            }
            return sb.toString();
        }

        boolean named(Recorder.Command c, EventSpec e) {
            return c.argument() != null && e.fullName(hubId).equals(c.argument().path("name").asText());
        }

        List<Recorder.Command> callsOf(EventSpec e, List<Recorder.Command> all) {
            return all.stream().filter(Recorder.Command::isTrack).filter(c -> named(c, e)).toList();
        }
    }

    static String describe(Element el) {
        StringBuilder sb = new StringBuilder(el.tagName());
        for (String c : el.classNames()) {
            sb.append('.').append(c);
        }
        return sb.toString();
    }

}
