package dev.trackplan.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.css.Deadline;
import dev.trackplan.js.JsEngine;
import dev.trackplan.js.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One simulated page view: a fresh sandboxed context with the DOM shim over a jsoup page, the
 * HubSpot stand-in, and the bundle. Closed after use; a watchdog bounds its whole lifetime.
 */
public final class BrowserSession implements AutoCloseable {
    public static final long FIXED_NOW = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    /** What the page sees as {@code navigator.userAgent}: a current desktop Chrome. */
    public static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source SHIM = resource("dom-shim.js");
    private static final Source STAND_IN = resource("/dev/trackplan/hubspot-standin-core.js", "hubspot-standin-core.js");
    private static final Source STUB = resource("hubspot-stub.js");

    private final Context context;
    private final Watchdog watchdog;
    private final HostDom dom;
    private final Recorder recorder = new Recorder();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Value shim;
    private final Value hubspot;
    private final EventClock clock;
    private final Value bindings;
    private Deadline deadline;
    private volatile boolean closed;

    /**
     * A page view; once it is set up, the page's code and the host's DOM work on its behalf have
     * {@code timeout} between them.
     */
    public BrowserSession(JsEngine engine, Document page, String url, boolean doNotTrack, Duration timeout) {
        this(engine, page, url, doNotTrack, timeout, EventClock.none());
    }

    /**
     * A page view whose events' code runs on {@code clock} (their {@link EventBudget}); the watchdog
     * stops it when an event running in it has used up its budget.
     */
    BrowserSession(JsEngine engine, Document page, String url, boolean doNotTrack, Duration timeout, EventClock clock) {
        this.clock = clock;
        this.dom = new HostDom(page, url, Deadline.after(timeout)); // the page reads its address from here only
        this.context = engine.newContext(console);
        this.watchdog = new Watchdog(context, timeout, () -> clock.exhausted() >= 0);
        Value bindings = context.getBindings("js");
        this.bindings = bindings;
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("referrer", "");
        cfg.put("doNotTrack", doNotTrack);
        cfg.put("now", FIXED_NOW);
        cfg.put("cookies", Map.of());
        cfg.put("userAgent", USER_AGENT);
        try {
            bindings.putMember("__cfg", JSON.writeValueAsString(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bindings.putMember("__dom", dom);
        bindings.putMember("__rec", recorder);
        bindings.putMember(TimedBundle.HANDOFF, clock); // the shim takes it off the global object
        try {
            this.shim = context.eval(SHIM);
            context.eval(STAND_IN);
            this.hubspot = context.eval(STUB);
        } catch (RuntimeException e) { // stopped before the page was ready (the heap guard, say)
            close();
            throw e;
        }
        this.deadline = Deadline.after(timeout);
        dom.deadline(deadline);
        watchdog.restart(timeout);
    }

    private static Source resource(String name) {
        return resource("/dev/trackplan/verify/" + name, name);
    }

    private static Source resource(String path, String name) {
        try (InputStream in = BrowserSession.class.getResourceAsStream(path)) {
            return Source.newBuilder("js", new String(in.readAllBytes(), StandardCharsets.UTF_8), name).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the bundle as the page's deferred script would. A bundle the verification instrumented
     * ({@link TimedBundle}) takes the page view's clock from the global object before its first
     * snippet; it is removed afterwards in any case.
     */
    public void runBundle(Source bundle) {
        bindings.putMember(TimedBundle.HANDOFF, clock);
        try {
            onClock(() -> context.eval(bundle));
        } finally {
            try {
                bindings.removeMember(TimedBundle.HANDOFF);
            } catch (RuntimeException stopped) {
                // the watchdog stopped the page view: nothing runs in it any more
            }
        }
    }

    /** The HubSpot loader arrives and processes the queued commands. */
    public void loadHubSpot() {
        onClock(() -> hubspot.getMember("load").executeVoid());
    }

    /**
     * A call of the verifier into the page: it starts on the runtime's clock, and whatever ran last
     * is charged when it returns or fails.
     */
    private void onClock(Runnable call) {
        clock.begin();
        boolean was = watchdog.guestRunning(true);
        try {
            call.run();
        } finally {
            watchdog.guestRunning(was);
            clock.end();
        }
    }

    /** The event whose code used up its time budget (verifyEventBudget) while this page view ran it, or null. */
    String exhaustedEvent() {
        return clock.exhaustedEvent();
    }

    /** The event whose code was running when the last call into the page failed or returned, or null. */
    String stoppedInEvent() {
        return clock.lastEvent();
    }

    /** The visitor answers HubSpot's own banner. */
    public void decide(boolean allowed) {
        decide(allowed, allowed ? "after the visitor consented" : "after the visitor declined");
    }

    /** As {@link #decide(boolean)}; {@code when} says the choice in messages ("after the visitor withdrew consent"). */
    public void decide(boolean allowed, String when) {
        visitorChooses(allowed, when);
        onClock(() -> hubspot.getMember("decide").executeVoid(allowed));
    }

    /** The visitor answers HubSpot's own banner category by category. */
    public void decide(boolean analytics, boolean advertisement, boolean functionality) {
        visitorChooses(analytics, analytics ? "after the visitor consented to analytics" : "after the visitor declined "
                + "analytics" + (advertisement || functionality ? " (" + (advertisement && functionality
                ? "advertisement and functionality" : advertisement ? "advertisement" : "functionality") + " accepted)" : ""));
        Value choice = context.eval("js", "({analytics: " + analytics + ", advertisement: " + advertisement
                + ", functionality: " + functionality + "})");
        onClock(() -> hubspot.getMember("decide").executeVoid(choice));
    }

    /** The visitor answers, and listeners hear only {@code {allowed}}, as from older HubSpot scripts. */
    public void decideLegacy(boolean allowed) {
        visitorChooses(allowed, allowed ? "after the visitor consented" : "after the visitor declined");
        onClock(() -> hubspot.getMember("decide").executeVoid(allowed, true));
    }

    /**
     * The verifier is about to give (or refuse) consent through the site's own banner; {@code when}
     * says the choice in messages. Commands pushed from now on are judged by it.
     */
    public void visitorChooses(boolean analytics, String when) {
        recorder.phase(analytics ? Recorder.Phase.ACCEPTED : Recorder.Phase.DECLINED, when);
    }

    public void fire(Element target, String type) {
        onClock(() -> shim.getMember("fire").executeVoid(dom.id(target), type));
    }

    /** Stops the page view's code now: another event's hang was found, its result is not wanted. */
    public void supersede() {
        watchdog.stopNow();
    }

    public boolean closed() {
        return closed;
    }

    public Deadline deadline() {
        return deadline;
    }

    /**
     * What HubSpot's form embed sends when a form was submitted: the legacy {@code message} event
     * ({@code {type: "hsFormCallback", eventName: "onFormSubmitted", id, data: {submissionValues}}}).
     */
    public void hubspotFormSubmitted(String formId, java.util.Map<String, String> values) {
        String data;
        try {
            data = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("type",
                    "hsFormCallback", "eventName", "onFormSubmitted", "id", formId, "data",
                    java.util.Map.of("submissionValues", values)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        onClock(() -> context.eval("js", "(function (d) { var e = new Event('message'); e.data = d; "
                + "window.dispatchEvent(e); })(" + data + ")"));
    }

    /** Runs a snippet of JavaScript in the page (for tests and scenarios). */
    public void eval(String code) {
        onClock(() -> context.eval("js", code));
    }

    /** The elements {@code css} matches, asked by the verifier through the page's record of questions. */
    public List<Element> select(String css) {
        return dom.hostSelect(css);
    }

    /** Every question the page view asked of its page, with the answers, in order. */
    List<DomStep> trace() {
        return dom.trace();
    }

    public Recorder recorder() {
        return recorder;
    }

    public Document page() {
        return dom.document();
    }

    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    public boolean timedOut() {
        return watchdog.fired();
    }

    /** Why the watchdog stopped the page view, if it did. */
    public Watchdog.Reason stoppedBecause() {
        return watchdog.reason();
    }

    /** Describes a guest failure for a message: cancelled by the watchdog, out of statements, or an error. */
    public String describe(PolyglotException e, Duration timeout) {
        if (watchdog.reason() == Watchdog.Reason.MEMORY) {
            return "was stopped: it allocated memory without end (the heap was nearly full)";
        }
        if (timedOut() || e.isCancelled() || deadline.expired()) {
            return "did not finish within " + timeout.toSeconds() + " s (endless loop or heavy work in the code?)";
        }
        if (e.isResourceExhausted()) {
            return statementLimit(e) ? "ran too many statements (endless loop?)"
                    : String.valueOf(e.getMessage()).contains("StackOverflow")
                    ? "exhausted the stack (endless recursion?)" : "exhausted the heap (it allocated memory without end?)";
        }
        String where = e.getSourceLocation() == null ? "" : " at line " + e.getSourceLocation().getStartLine()
                + " of " + e.getSourceLocation().getSource().getName();
        return "threw " + e.getMessage() + where;
    }

    /**
     * Whether a resource-exhausted failure is GraalJS's statement limit rather than the JVM's heap or
     * stack running out (both are reported as resource exhaustion).
     */
    static boolean statementLimit(PolyglotException e) {
        return e.isResourceExhausted() && String.valueOf(e.getMessage()).contains("Statement count limit");
    }

    @Override
    public void close() {
        closed = true;
        watchdog.close();
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // already cancelled by the watchdog
        }
    }
}
