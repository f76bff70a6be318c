package dev.trackplan.verify;

import dev.trackplan.model.EventSpec;
import dev.trackplan.site.GeneratedSite;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The visitor's choice on a real page: before consent, and after the visitor granted every
 * category but analytics (through Trackplan's banner when it offers the categories; a gate that
 * trusted {@code consent.allowed} would send here), firing everything sends nothing but consent
 * plumbing; with Do Not Track or Global Privacy Control, nothing even after accepting, and
 * {@code ['doNotTrack']} is pushed.
 */
final class ConsentScenario extends Scenario {
    /** Which choice the scenario plays. */
    enum Choice {
        UNDECIDED_THEN_ANALYTICS_DECLINED(null),
        DO_NOT_TRACK("Do Not Track"),
        GLOBAL_PRIVACY_CONTROL("Global Privacy Control");

        final String signal;

        Choice(String signal) {
            this.signal = signal;
        }
    }

    private final GeneratedSite.HtmlPage page;
    private final PageDoc parsed;
    private final List<EventSpec> here;
    private final Choice choice;

    ConsentScenario(GeneratedSite.HtmlPage page, PageDoc parsed, List<EventSpec> here, Choice choice) {
        this.page = page;
        this.parsed = parsed.expect();
        this.here = here;
        this.choice = choice;
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
        String key = "consent " + choice + " " + here.stream().map(EventSpec::name).toList() + " without " + code.without();
        inPageView(run, page, parsed, key, choice == Choice.DO_NOT_TRACK, s -> {
            if (choice == Choice.GLOBAL_PRIVACY_CONTROL) {
                s.eval("navigator.globalPrivacyControl = true");
            }
            run.start(s, code);
            if (choice.signal != null) {
                run.accept(s);
                fireAll(run, s, code);
                run.report.scenario();
                boolean pushed = s.recorder().all().stream().anyMatch(c -> "hsq".equals(c.queue())
                        && "doNotTrack".equals(c.method()) && c.command().size() == 1);
                if (!pushed) {
                    run.failBundle(page.url(), VerifyRules.DO_NOT_TRACK, "with " + choice.signal + " on, the bundle did not "
                            + "push ['doNotTrack'] on " + page.url());
                }
            } else {
                fireAll(run, s, code);
                declineAnalyticsOnly(run, s);
                fireAll(run, s, code);
            }
            checkCommands(run, s, choice.signal);
        });
    }

    /** Grants advertisement and functionality but not analytics: by the banner's boxes when it has them. */
    private static void declineAnalyticsOnly(VerifyRun run, BrowserSession s) {
        Element save = run.banner ? run.first(s, "[data-trackplan-consent=save]") : null;
        boolean boxes = run.banner && run.first(s, "[data-trackplan-category=analytics]") != null;
        if (save != null && boxes) {
            s.eval("(function (b) { for (var i = 0; i < b.length; i++) b[i].checked = "
                    + "b[i].getAttribute('data-trackplan-category') !== 'analytics'; })"
                    + "(document.querySelectorAll('[data-trackplan-category]'))");
            s.visitorChooses(false, "after the visitor declined analytics (advertisement and functionality accepted)");
            s.fire(save, "click");
        } else {
            s.decide(false, true, true);
        }
    }

    static void fireAll(VerifyRun run, BrowserSession s, VerifyRun.Code code, List<EventSpec> here) {
        for (EventSpec e : here) {
            if (VerifyRun.hasSelector(e) && !code.without().contains(e.name())) {
                run.report.scenario(run.report.event(e.name(), e.file()));
                for (Element el : run.targets(s, e)) {
                    s.fire(el, VerifyRun.eventType(e));
                }
            }
        }
    }

    private void fireAll(VerifyRun run, BrowserSession s, VerifyRun.Code code) {
        fireAll(run, s, code, here);
    }
}
