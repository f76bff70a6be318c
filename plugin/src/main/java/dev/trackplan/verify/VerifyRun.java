package dev.trackplan.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trackplan.bundle.Bundle;
import dev.trackplan.css.BrowserSelector;
import dev.trackplan.css.Deadline;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.js.JsEngine;
import dev.trackplan.model.EventSpec;
import dev.trackplan.model.TrackingPlan;
import dev.trackplan.model.TriggerKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What every scenario of one verification shares: the plan, the bundle (less the snippets of
 * events already found to hang or crash), the call validator, the report and the diagnostics.
 * Scenario kinds ({@link ExampleScenario}, {@link PageScenario}, {@link ConsentScenario}) open
 * their page views here and report through here.
 */
final class VerifyRun {
    final TrackingPlan plan;
    final String hubId;
    final String origin;
    final boolean banner;
    final boolean respectDoNotTrack;
    final Duration timeout;
    final CallValidator validator;
    final VerifyReport report;
    private final java.util.function.Supplier<JsEngine> engine;
    private final Bundle bundle;
    private final Diagnostics d;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    /** Events whose code hung or crashed: reported once, left out of the bundle from then on. */
    private final Map<String, Boolean> broken = new ConcurrentHashMap<>();
    private volatile Code code;
    /** Page views running now, with the bundle they run: those still running a broken event are stopped. */
    private final Map<BrowserSession, Code> live = new ConcurrentHashMap<>();
    private volatile boolean bundleBroken;
    /** The verification was called off (its thread interrupted): no page view starts, those running stop. */
    private volatile boolean stopped;
    private final SentProperties sent = new SentProperties();
    /** Page views verified so far, by what their code observed: a page in the same situation is not run again. */
    final Situations situations = new Situations();
    private String projectTemplate;
    private final Map<String, String> pageSources = new java.util.HashMap<>();
    private final Map<String, Map<String, Set<String>>> sentByPage = new ConcurrentHashMap<>();

    /** The bundle with a clock call at each snippet, as page views run it. */
    private final TimedBundle timing;
    /** verifyEventBudget: each event's time over all the page views that run it. */
    final EventBudget budget;

    /**
     * The bundle as scenarios run it now ({@link TimedBundle}: the shipped code with the event
     * clock's calls), and which broken events it already leaves out.
     */
    record Code(Source source, Set<String> without) {}

    VerifyRun(JsEngine engine, TrackingPlan plan, Bundle bundle, String hubId, String origin, boolean banner,
            boolean respectDoNotTrack, Duration timeout, VerifyReport report, Diagnostics d) {
        this(() -> engine, plan, bundle, hubId, origin, banner, respectDoNotTrack, timeout, Verifier.DEFAULT_EVENT_BUDGET,
                report, d);
    }

    /** {@code engine}: asked for when the first page view opens. */
    VerifyRun(java.util.function.Supplier<JsEngine> engine, TrackingPlan plan, Bundle bundle, String hubId, String origin, boolean banner,
            boolean respectDoNotTrack, Duration timeout, Duration eventBudget, VerifyReport report, Diagnostics d) {
        this.engine = engine;
        this.plan = plan;
        this.bundle = bundle;
        this.hubId = hubId;
        this.origin = origin;
        this.banner = banner;
        this.respectDoNotTrack = respectDoNotTrack;
        this.timeout = timeout;
        this.validator = new CallValidator(plan, hubId);
        this.report = report;
        this.d = d;
        this.timing = new TimedBundle(bundle, name -> plan.event(name) != null
                && plan.event(name).trigger().kind() == TriggerKind.CUSTOM);
        this.budget = new EventBudget(timing.events(), eventBudget);
        this.shipped = bundle.content();
        this.code = new Code(source(shipped), Set.of());
    }

    /** The shipped code of {@link #code} (events left out blanked), as the clock calls go into it. */
    private String shipped;

    /** Parsed once per content on the shared engine: every page view of the run shares the parse. */
    private Source source(String shippedContent) {
        return JsEngine.bundleSource(timing.instrument(shippedContent));
    }

    Code code() {
        return code;
    }

    /** A fresh page view at {@code path} of the site, with its own timeout. */
    BrowserSession open(Document doc, String path, boolean doNotTrack) {
        try {
            return new BrowserSession(engine.get(), doc, origin + path, doNotTrack, timeout, new EventClock(budget));
        } catch (PolyglotException e) { // no page code ran yet: stopped from outside (heap guard, overloaded machine)
            throw new Scenario.GuestFailure("was stopped before the page was ready (" + e.getMessage() + ")",
                    List.of(), Scenario.Cause.SETUP);
        }
    }

    /** The page at {@code path} as a page view's code would see it, to ask it the questions of one verified before. */
    HostDom probe(Document doc, String path) {
        return new HostDom(doc, origin + path, dev.trackplan.css.Deadline.after(timeout));
    }

    /** Runs the current bundle in the page and lets the HubSpot loader arrive. */
    void start(BrowserSession s, Code c) {
        live.put(s, c);
        if (stopped || !code.without().equals(c.without())) {
            s.supersede(); // called off, or an event broke while this page view was being set up
        }
        s.runBundle(c.source());
        s.loadHubSpot();
    }

    /** The visitor accepts: through the site's banner when there is one, else HubSpot's. */
    void accept(BrowserSession s) {
        Element button = banner ? first(s, "[data-trackplan-consent=accept]") : null;
        if (button != null) {
            s.visitorChooses(true, "after the visitor consented");
            s.fire(button, "click");
        } else {
            s.decide(true);
        }
    }

    /** The elements of the page the event's selector matches, within the page view's deadline. */
    List<Element> targets(BrowserSession s, EventSpec e) {
        return s.select(e.trigger().value()); // noted in the page view's questions: which elements it had
    }

    Element first(BrowserSession s, String css) {
        List<Element> all = s.select(css);
        return all.isEmpty() ? null : all.get(0);
    }

    static BrowserSelector selector(EventSpec e) {
        try {
            return BrowserSelector.parse(e.trigger().value());
        } catch (BrowserSelector.InvalidSelectorException ex) {
            throw new IllegalStateException("selector was checked before: " + e.trigger().value(), ex);
        }
    }

    static boolean hasSelector(EventSpec e) {
        return e.trigger().kind() == TriggerKind.CLICK || e.trigger().kind() == TriggerKind.SUBMIT;
    }

    static String eventType(EventSpec e) {
        return e.trigger().kind() == TriggerKind.CLICK ? "click" : "submit";
    }

    /** Reports a failure of an event, once (the same line from two scenarios is one problem). */
    void fail(EventSpec e, SourcePos at, String rule, String message) {
        Diagnostic diag = Diagnostic.error(at, rule, message);
        if (reported.add(diag.format())) {
            d.add(diag);
            report.failure(e.name(), e.file(), diag);
        }
    }

    /**
     * Where failures of the bundle's own runtime are reported: the project's bundle template when
     * it overrides Trackplan's, else the page they happened on.
     */
    void locateBundleFailures(String projectTemplate, dev.trackplan.site.GeneratedSite site) {
        this.projectTemplate = projectTemplate;
        if (site != null) {
            for (dev.trackplan.site.GeneratedSite.HtmlPage p : site.pages()) {
                if (p.source() != null && (p.source().contains("/") || p.source().contains("."))) {
                    pageSources.put(p.url(), p.source());
                }
            }
        }
    }

    /** A failure that belongs to no event (the bundle's own runtime), seen on the page at {@code url}. */
    void failBundle(String url, String rule, String message) {
        SourcePos at;
        if (projectTemplate != null) {
            at = SourcePos.of(projectTemplate);
        } else {
            String page = url == null ? null : pageSources.get(url);
            at = SourcePos.of(page != null ? page : url != null ? "page " + url : "the bundle " + bundle.path());
            message = "Trackplan's runtime (the default bundle template): " + message;
        }
        Diagnostic diag = Diagnostic.error(at, rule, message);
        if (reported.add(diag.format())) {
            d.add(diag);
        }
    }

    /** Notes which properties a call carried, for the never-sent warning (TP319). */
    void noteSent(JsonNode arg) {
        sent.note(validator.eventOf(arg), arg);
    }

    /** As {@link #noteSent(JsonNode)}, for a call on the page at {@code url} (kept per page for the build cache). */
    void noteSent(String url, JsonNode arg) {
        noteSent(arg);
        EventSpec e = validator.eventOf(arg);
        if (e != null && arg != null) {
            Set<String> names = sentByPage.computeIfAbsent(url, u -> new ConcurrentHashMap<>())
                    .computeIfAbsent(e.name(), n -> ConcurrentHashMap.newKeySet());
            arg.path("properties").fieldNames().forEachRemaining(names::add);
        }
    }

    /** Properties sent earlier on pages not verified again, as if sent in this run. */
    void noteSentBefore(Map<String, Set<String>> byEvent) {
        byEvent.forEach((event, names) -> sent.noteNames(event, names));
    }

    /** Per page, per event, the properties the page's calls carried in this run. */
    Map<String, Map<String, Set<String>>> sentByPage() {
        return sentByPage;
    }

    /** After every scenario: a page-filled property no call of its event carried is a warning. */
    void warnNeverSent() {
        for (EventSpec e : plan.events()) {
            if (!isBroken(e)) {
                sent.warnNeverSent(e, d);
            }
        }
    }

    boolean isBroken(EventSpec e) {
        return broken.containsKey(e.name());
    }

    /** Calls the verification off: every page view running now stops, and none starts after. */
    void stop() {
        stopped = true;
        live.forEach((s, c) -> s.supersede());
    }

    boolean stopped() {
        return stopped;
    }

    boolean bundleBroken() {
        return bundleBroken;
    }

    /**
     * The event's code hung, crashed the page or exhausted the heap: report it once and leave its
     * snippet out of the bundle for the scenarios still to run (its own are skipped).
     */
    synchronized void breakEvent(EventSpec e, String message) {
        breakEvent(e, VerifyRules.RUNTIME, message);
    }

    /** As {@link #breakEvent(EventSpec, String)}, reported under {@code rule}. */
    synchronized void breakEvent(EventSpec e, String rule, String message) {
        if (broken.putIfAbsent(e.name(), Boolean.TRUE) != null) {
            return;
        }
        budget.retire(e.name());
        fail(e, e.trigger().valuePos(), rule, message);
        Bundle.Span span = bundle.snippets().get(e.name());
        if (span == null) {
            return;
        }
        char[] blanked = shipped.toCharArray();
        for (int i = span.start(); i < span.end(); i++) {
            if (blanked[i] != '\n') {
                blanked[i] = ' '; // same offsets and lines, so stack positions still map to snippets
            }
        }
        Set<String> without = new java.util.TreeSet<>(code.without());
        without.add(e.name());
        shipped = new String(blanked);
        code = new Code(source(shipped), Set.copyOf(without));
        live.entrySet().removeIf(s -> s.getKey().closed());
        live.forEach((s, c) -> {
            if (!c.without().contains(e.name())) {
                s.supersede(); // it runs the broken code too: stop it now, it runs again without
            }
        });
    }

    /** The bundle's own runtime failed: everything after would fail alike, so stop. */
    void breakBundle(String url, String message) {
        bundleBroken = true;
        failBundle(url, VerifyRules.RUNTIME, message);
    }

    /** The event whose snippet pushed a command or was running, by the bundle offsets on the stack. */
    EventSpec culprit(List<Integer> offsets) {
        for (int at : offsets) {
            int offset = timing.toShipped(at); // offsets on the stack are in the code page views run
            for (Map.Entry<String, Bundle.Span> s : bundle.snippets().entrySet()) {
                if (s.getValue().contains(offset)) {
                    return plan.event(s.getKey());
                }
            }
        }
        return null;
    }

    /**
     * The event to blame for code stopped by the clock or the heap guard: the innermost snippet on
     * the stack when it is custom code (the spec's own JavaScript), or when the innermost frame is
     * the snippet's own; null when a generated snippet was only calling into the runtime (a slow
     * cold start looks like that), so the page view is tried again.
     */
    EventSpec likelyCulprit(List<Integer> offsets) {
        EventSpec e = culprit(offsets);
        if (e == null) {
            return null;
        }
        return e.trigger().kind() == TriggerKind.CUSTOM || e.equals(culprit(offsets.subList(0, 1))) ? e : null;
    }

    /** The bundle offsets on the stack of a guest failure, innermost first. */
    static List<Integer> offsets(PolyglotException ex) {
        List<Integer> out = new ArrayList<>();
        for (PolyglotException.StackFrame f : ex.getPolyglotStackTrace()) {
            var loc = f.isGuestFrame() ? f.getSourceLocation() : null;
            if (loc != null && Recorder.BUNDLE_NAME.equals(loc.getSource().getName())) {
                out.add(loc.getCharIndex());
            }
        }
        return out;
    }

    static String describe(Element el) {
        StringBuilder sb = new StringBuilder(el.tagName());
        for (String c : el.classNames()) {
            sb.append('.').append(c);
        }
        return sb.toString();
    }
}
