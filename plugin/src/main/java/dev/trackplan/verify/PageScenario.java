package dev.trackplan.verify;

import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.site.GeneratedSite;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * A real generated page with consent given: each visit event sent once on load, every click and
 * submit of the plan fired on every matching element with exactly one call of its event, every
 * call valid against the plan; then the visitor withdraws consent (through Trackplan's banner,
 * which must push {@code revokeCookieConsent}) and nothing more is sent.
 */
final class PageScenario extends Scenario {
    private final GeneratedSite.HtmlPage page;
    private final PageDoc parsed;
    private final List<EventSpec> here;

    PageScenario(GeneratedSite.HtmlPage page, PageDoc parsed, List<EventSpec> here) {
        this.page = page;
        this.parsed = parsed.expect();
        this.here = here;
    }

    @Override
    List<EventSpec> owners() {
        return here;
    }

    @Override
    String path() {
        return page.url();
    }

    @Override
    void run(VerifyRun run, VerifyRun.Code code) {
        String key = "page " + here.stream().map(EventSpec::name).toList() + " without " + code.without();
        inPageView(run, page, parsed, key, false, s -> {
            run.start(s, code);
            run.accept(s);
            List<Recorder.Command> onLoad = s.recorder().tracksSince(0);
            validateAll(run, onLoad, "on load");
            for (EventSpec e : here) {
                if (e.trigger().kind() == TriggerKind.VISIT && !code.without().contains(e.name())) {
                    run.report.scenario(run.report.event(e.name(), e.file()));
                    long n = onLoad.stream().filter(c -> ExampleScenario.named(run, c, e)).count();
                    if (n != 1) {
                        run.fail(e, e.trigger().valuePos(), VerifyRules.CALL_COUNT, e.name() + " on " + page.url()
                                + ": expected one call on visit, got " + n);
                    }
                }
            }
            for (EventSpec e : here) {
                if (!VerifyRun.hasSelector(e) || code.without().contains(e.name())) {
                    continue;
                }
                int index = 0;
                for (Element el : run.targets(s, e)) {
                    index++;
                    run.report.scenario(run.report.event(e.name(), e.file()));
                    int mark = s.recorder().mark();
                    s.fire(el, VerifyRun.eventType(e));
                    List<Recorder.Command> calls = s.recorder().tracksSince(mark);
                    String what = VerifyRun.describe(el) + "#" + index;
                    long mine = calls.stream().filter(c -> ExampleScenario.named(run, c, e)).count();
                    if (mine != 1) {
                        run.fail(e, e.trigger().valuePos(), VerifyRules.CALL_COUNT, e.name() + " on " + page.url()
                                + " (" + what + "): expected exactly one call of " + e.fullName(run.hubId)
                                + ", got " + mine);
                    }
                    validateAll(run, calls, what);
                }
            }
            for (EventSpec e : here) {
                ExampleScenario.checkConsole(run, e, e.trigger().valuePos(), s, e.name() + " on " + page.url());
            }
            withdraw(run, s, code);
            checkCommands(run, s, null);
        });
    }

    /**
     * The visitor takes consent back: with Trackplan's banner its "Decline all" (which must push
     * revokeCookieConsent), else HubSpot's banner declines. Nothing may be sent afterwards.
     */
    private void withdraw(VerifyRun run, BrowserSession s, VerifyRun.Code code) {
        String when = "after the visitor withdrew consent";
        int mark = s.recorder().mark();
        Element decline = run.banner ? run.first(s, "[data-trackplan-consent=decline]") : null;
        if (decline != null) {
            s.visitorChooses(false, when);
            s.fire(decline, "click");
            boolean revoked = s.recorder().since(mark).stream()
                    .anyMatch(c -> "hsp".equals(c.queue()) && "revokeCookieConsent".equals(c.method()));
            if (!revoked) {
                run.failBundle(page.url(), VerifyRules.CONSENT, "on " + page.url() + " the visitor withdrew consent through the "
                        + "banner, but the bundle did not push ['revokeCookieConsent']");
            }
        } else {
            s.decide(false, when);
        }
        ConsentScenario.fireAll(run, s, code, here);
    }

    private void validateAll(VerifyRun run, List<Recorder.Command> calls, String what) {
        for (Recorder.Command c : calls) {
            run.noteSent(page.url(), c.argument());
            EventSpec e = run.validator.eventOf(c.argument());
            for (CallValidator.Problem p : run.validator.validate(c.argument())) {
                EventSpec blame = e != null ? e : run.culprit(c.origin());
                String message = (e != null ? e.name() : "a call") + " on " + page.url() + " (" + what + "): "
                        + p.message();
                if (blame == null) {
                    run.failBundle(page.url(), p.rule(), "the bundle: " + message);
                } else {
                    run.fail(blame, blame.trigger().valuePos(), p.rule(), message);
                }
            }
        }
    }
}
