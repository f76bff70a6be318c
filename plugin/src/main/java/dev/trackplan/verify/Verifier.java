package dev.trackplan.verify;

import dev.trackplan.bundle.Bundle;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.model.TriggerKind;
import dev.trackplan.site.GeneratedSite;
import dev.trackplan.site.PlanCoverage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Runs the bundle the site ships under GraalJS and proves, event by event, that it calls
 * {@code _hsq.push(['trackCustomBehavioralEvent', ...])} as the plan says, in three kinds of
 * scenario over one shared {@link VerifyRun}:
 * <ol>
 * <li>{@link ExampleScenario}: each example, exactly one call with the expected values;</li>
 * <li>{@link PageScenario}: the real site with consent, every click/submit on every matching
 *     element, visits on every matching page, each call valid; a selector or visit glob that
 *     matches nothing is an error;</li>
 * <li>{@link ConsentScenario}: nothing but consent plumbing before consent or when the visitor
 *     grants every category but analytics; with Do Not Track or Global Privacy Control nothing at
 *     all and {@code ['doNotTrack']} pushed. ({@link PageScenario} ends with a withdrawal: nothing
 *     after it, and Trackplan's banner pushes {@code revokeCookieConsent}.)</li>
 * </ol>
 * Every {@code _hsq}/{@code _hsp} command of every scenario is checked ({@link CommandPolicy}).
 * When an event's code hangs, crashes or exhausts the heap, that event (found by the stack) is
 * reported once, its snippet is left out of the bundle and its remaining scenarios are skipped;
 * the scenario it broke runs again for the other events.
 */
public final class Verifier {
    /** Where the verification serves the site when the project has no {@code baseUrl}. */
    public static final String DEFAULT_ORIGIN = "https://www.example.com";
    private static final int ATTEMPTS = 4;
    /** How many scenarios one worker thread runs before a fresh one takes over ({@link #runAll}). */
    private static final int PER_THREAD = 16;
    /** verifyEventBudget's default: each event's code may run this long over all its page views and examples. */
    public static final Duration DEFAULT_EVENT_BUDGET = Duration.ofSeconds(60);

    private java.util.function.Supplier<JsEngine> engine;
    private final String hubId;
    private final String origin;
    private final boolean banner;
    private final boolean respectDoNotTrack;
    private final boolean respectGlobalPrivacyControl;
    private final Duration timeout;
    private Duration eventBudget = DEFAULT_EVENT_BUDGET;
    private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private boolean siteComplete = true;
    private String bundleTemplate;
    private Map<String, Map<String, Set<String>>> passedBefore = Map.of();
    private Map<String, Map<String, Set<String>>> lastSentByPage = Map.of();
    private int skipped;

    public Verifier(JsEngine engine, String hubId, boolean banner, boolean respectDoNotTrack,
            boolean respectGlobalPrivacyControl, Duration timeout) {
        this(engine, hubId, "", banner, respectDoNotTrack, respectGlobalPrivacyControl, timeout);
    }

    /** {@code siteUrl}: the site's public address; pages are served from its origin, as visitors see them. */
    public Verifier(JsEngine engine, String hubId, String siteUrl, boolean banner, boolean respectDoNotTrack,
            boolean respectGlobalPrivacyControl, Duration timeout) {
        this.engine = () -> engine;
        this.hubId = hubId;
        this.origin = origin(siteUrl);
        this.banner = banner;
        this.respectDoNotTrack = respectDoNotTrack;
        this.respectGlobalPrivacyControl = respectGlobalPrivacyControl;
        this.timeout = timeout;
    }

    /** The scheme, host and port of the site's address, or {@link #DEFAULT_ORIGIN}. */
    static String origin(String siteUrl) {
        try {
            URI u = new URI(siteUrl == null ? "" : siteUrl.trim());
            if (u.getHost() != null && ("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
                return u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + u.getHost().toLowerCase(java.util.Locale.ROOT)
                        + (u.getPort() < 0 ? "" : ":" + u.getPort());
            }
        } catch (java.net.URISyntaxException ignored) {
            // fall through to the default
        }
        return DEFAULT_ORIGIN;
    }

    public String origin() {
        return origin;
    }

    /**
     * GraalJS on demand: asked for by the first scenario that runs (a verification whose pages and
     * examples all passed before runs none), instead of the engine given to the constructor.
     */
    public Verifier engine(java.util.function.Supplier<JsEngine> onDemand) {
        this.engine = onDemand;
        return this;
    }

    /**
     * The name of an event's {@code index}th example (from 0) for {@link #passedBefore}: never a
     * page's URL, which starts with a slash.
     */
    public static String exampleId(EventSpec e, int index) {
        return "example:" + e.name() + "#" + index;
    }

    /**
     * False when a page could not be generated: a selector or glob that matches nothing may match
     * the missing page, so TP309 and TP310 are not reported on top of the page's own error.
     */
    public Verifier siteComplete(boolean complete) {
        this.siteComplete = complete;
        return this;
    }

    /**
     * How long each event's code may run over the whole verification, all its page views and
     * examples together (each page view also has {@code timeout}); an event over it fails (TP314)
     * and its remaining scenarios are skipped.
     */
    public Verifier eventBudget(Duration budget) {
        this.eventBudget = budget;
        return this;
    }

    /**
     * The project's own bundle template, when it overrides Trackplan's: a failure of the bundle's
     * runtime (tied to no event) is located there. Without one, it is located at the page it
     * happened on, and says it is Trackplan's runtime.
     */
    public Verifier bundleTemplate(String projectFile) {
        this.bundleTemplate = projectFile;
        return this;
    }

    /**
     * Pages (by URL) whose verification passed in an earlier build with the same bundle, plan,
     * settings, site files and page HTML (the caller's key, {@code dev.trackplan.incremental}): they
     * get no scenarios; which events may fire on them still counts for TP309/TP310, and the
     * properties sent on them then (per event) for TP319. Examples that passed the same way are
     * named by {@link #exampleId}: they are not run again either.
     */
    public Verifier passedBefore(Map<String, Map<String, Set<String>>> pages) {
        this.passedBefore = Map.copyOf(pages);
        return this;
    }

    /** After {@link #verify}: per page, per event, the properties the page's calls carried. */
    public Map<String, Map<String, Set<String>>> sentByPage() {
        return lastSentByPage;
    }

    /** After {@link #verify}: how many pages were not verified again ({@link #passedBefore}). */
    public int skipped() {
        return skipped;
    }

    public VerifyReport verify(TrackingPlan plan, GeneratedSite site, String bundleCode, Diagnostics d) {
        return verify(plan, site, new Bundle("js/trackplan.js", bundleCode), d);
    }

    public VerifyReport verify(TrackingPlan plan, GeneratedSite site, Bundle bundle, Diagnostics d) {
        long start = System.nanoTime();
        skipped = 0;
        VerifyReport report = new VerifyReport();
        VerifyRun run = new VerifyRun(engine, plan, bundle, hubId, origin, banner, respectDoNotTrack, timeout,
                eventBudget, report, d);
        run.locateBundleFailures(bundleTemplate, site);
        List<Scenario> scenarios = new ArrayList<>();
        for (EventSpec e : plan.events()) {
            report.event(e.name(), e.file());
            for (int i = 0; i < e.examples().size(); i++) {
                String id = exampleId(e, i);
                Map<String, Set<String>> before = passedBefore.get(id);
                if (before != null) {
                    run.noteSentBefore(before); // passed in an earlier build with the same inputs
                } else {
                    scenarios.add(new ExampleScenario(e, e.examples().get(i), site, id));
                }
            }
        }
        // the site stage already knows where each event can fire: no page is parsed again to find out
        Map<String, Set<String>> firesOn = new HashMap<>();
        site.coverage().forEach((event, urls) -> firesOn.put(event, Set.copyOf(urls)));
        boolean known = plan.events().stream().allMatch(e -> firesOn.containsKey(e.name()));
        Set<String> selectorUsed = ConcurrentHashMap.newKeySet();
        Set<String> visitUsed = ConcurrentHashMap.newKeySet();
        for (GeneratedSite.HtmlPage page : site.pages()) {
            if (page.url().endsWith(".html")) {
                continue; // 404.html is shown at any address; nothing to prove there
            }
            List<EventSpec> here = new ArrayList<>();
            Document probe = known ? null : Jsoup.parse(page.html());
            for (EventSpec e : plan.events()) {
                if (known ? firesOn.get(e.name()).contains(page.url()) : PlanCoverage.firesOn(e, page.url(), probe)) {
                    here.add(e);
                    (e.trigger().kind() == TriggerKind.VISIT ? visitUsed : selectorUsed).add(e.name());
                }
            }
            Map<String, Set<String>> before = passedBefore.get(page.url());
            if (before != null) {
                run.noteSentBefore(before); // verified in an earlier build, page and bundle unchanged
                skipped++;
            } else if (!here.isEmpty()) {
                PageDoc parsed = new PageDoc(page);
                scenarios.add(new ConsentScenario(page, parsed, here, ConsentScenario.Choice.UNDECIDED_THEN_ANALYTICS_DECLINED));
                scenarios.add(new PageScenario(page, parsed, here));
                if (respectDoNotTrack) {
                    scenarios.add(new ConsentScenario(page, parsed, here, ConsentScenario.Choice.DO_NOT_TRACK));
                }
                if (respectGlobalPrivacyControl) {
                    scenarios.add(new ConsentScenario(page, parsed, here, ConsentScenario.Choice.GLOBAL_PRIVACY_CONTROL));
                }
            }
        }
        runAll(run, scenarios);
        lastSentByPage = run.sentByPage();
        if (siteComplete) {
            unused(run, plan, selectorUsed, visitUsed);
        }
        run.warnNeverSent();
        report.sharedPageViews(run.situations.shared());
        report.millis((System.nanoTime() - start) / 1_000_000);
        return report;
    }

    /**
     * Scenarios are independent (a fresh context each), so they run on all cores: one lane per
     * core, each running its share on a fresh thread every {@link #PER_THREAD} scenarios. A thread
     * that has run thousands of contexts keeps an entry in its thread-local map for each (Truffle's
     * interpreter looks its context up there on every call), and lookups in such a map slow down;
     * a short-lived thread starts with an empty one.
     */
    private void runAll(VerifyRun run, List<Scenario> scenarios) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> first = new AtomicReference<>();
        Runnable batch = () -> {
            for (int k = 0; k < PER_THREAD; k++) {
                int i = next.getAndIncrement();
                if (i >= scenarios.size()) {
                    return;
                }
                try {
                    execute(run, scenarios.get(i));
                } catch (RuntimeException | Error e) { // every scenario still runs, even after a failure
                    first.compareAndSet(null, e instanceof RuntimeException re ? re
                            : new IllegalStateException("verification failed: " + e, e));
                }
            }
        };
        List<Thread> lanes = new ArrayList<>();
        for (int l = 0; l < Math.min(threads, Math.max(1, scenarios.size())); l++) {
            Thread lane = new Thread(() -> {
                while (next.get() < scenarios.size()) {
                    Thread t = new Thread(batch, "trackplan-verify");
                    t.setDaemon(true);
                    t.start();
                    if (!joinAll(List.of(t), run, next, scenarios.size())) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "trackplan-verify-lane");
            lane.setDaemon(true);
            lanes.add(lane);
            lane.start();
        }
        if (!joinAll(lanes, run, next, scenarios.size())) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted");
        }
        if (first.get() != null) {
            throw first.get();
        }
    }

    /**
     * Waits for {@code threads}; when the waiting thread is interrupted, calls the verification off
     * (no scenario starts, the page views running are stopped, as a hang is) and still waits for them
     * to end, so no verification thread outlives the verification (each stops within its
     * watchdog's grace). False when interrupted.
     */
    private static boolean joinAll(List<Thread> threads, VerifyRun run, AtomicInteger next, int end) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    if (!interrupted) {
                        interrupted = true;
                        next.set(end); // no more scenarios start
                        run.stop();
                    }
                }
            }
        }
        return !interrupted;
    }

    /**
     * Runs one scenario; when guest code fails, blames the event whose snippet was on the stack
     * (once), and runs the scenario again without it for its other owners.
     */
    private void execute(VerifyRun run, Scenario sc) {
        int superseded = 0;
        int budgetSpent = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (run.stopped() || run.bundleBroken() || sc.owners().stream().allMatch(run::isBroken)) {
                return;
            }
            VerifyRun.Code code = run.code();
            try {
                sc.run(run, code);
                return;
            } catch (Scenario.GuestFailure f) {
                EventSpec spent = f.kind() == Scenario.Cause.BUDGET ? run.plan.event(f.event()) : null;
                if (spent != null && budgetSpent++ <= run.plan.events().size()) { // its clock says so: no guessing
                    run.breakEvent(spent, VerifyRules.BUDGET, spent.name() + " (stopped on " + sc.path() + "): its code "
                            + "ran for more than " + run.budget.seconds() + " s in all over the page views and examples "
                            + "that ran it (verifyEventBudget); its remaining scenarios are skipped (heavy work in the "
                            + "code?)");
                    attempt--; // not this scenario's failure: again without it, for the other events
                    continue;
                }
                if (f.kind() == Scenario.Cause.SUPERSEDED && superseded++ <= run.plan.events().size()) {
                    attempt--; // stopped because another event broke meanwhile: not this scenario's failure
                    continue;
                }
                boolean last = attempt + 1 == ATTEMPTS;
                // an exception is where it is thrown; code stopped by the clock or the heap guard is
                // blamed when custom code or a snippet's own code was running, or when it keeps happening
                EventSpec running = f.kind() != Scenario.Cause.BUDGET && f.event() != null ? run.plan.event(f.event()) : null;
                EventSpec culprit = running != null ? running // the event clock says whose code was running
                        : f.kind() == Scenario.Cause.THREW || last ? run.culprit(f.offsets())
                        : run.likelyCulprit(f.offsets());
                if (culprit != null && !code.without().contains(culprit.name())) {
                    run.breakEvent(culprit, culprit.name() + " (on " + sc.path() + "): its code " + f.getMessage());
                    continue; // again, without it, for the other events
                }
                if (f.kind() != Scenario.Cause.THREW && !last) {
                    pause(); // stopped in the runtime (a cold engine, the heap guard stopping every page): again
                    continue;
                }
                run.breakBundle(sc.path(), "the bundle on " + sc.path() + " " + f.getMessage()
                        + ", outside the snippet of any event; nothing could be verified after it");
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void unused(VerifyRun run, TrackingPlan plan, Set<String> selectorUsed, Set<String> visitUsed) {
        for (EventSpec e : plan.events()) {
            TriggerKind k = e.trigger().kind();
            if ((k == TriggerKind.CLICK || k == TriggerKind.SUBMIT) && !selectorUsed.contains(e.name())) {
                run.fail(e, e.trigger().valuePos(), VerifyRules.SELECTOR_UNUSED, e.name() + ": selector '"
                        + e.trigger().value() + "' matches no element on any page it may fire on"
                        + (e.trigger().pages().isEmpty() ? "" : " (pages " + e.trigger().pages().stream()
                        .map(g -> g.glob()).toList() + ")") + "; the plan and the site drifted apart");
            } else if (k == TriggerKind.VISIT && !visitUsed.contains(e.name())) {
                run.fail(e, e.trigger().valuePos(), VerifyRules.VISIT_UNUSED, e.name() + ": visit glob '"
                        + e.trigger().value() + "' matches no generated page");
            }
        }
    }
}
