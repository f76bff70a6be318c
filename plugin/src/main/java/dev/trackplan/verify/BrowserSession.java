package dev.trackplan.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trackplan.js.JsEngine;
import dev.trackplan.js.Watchdog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source SHIM = resource("dom-shim.js");
    private static final Source STAND_IN = resource("/dev/trackplan/hubspot-standin-core.js", "hubspot-standin-core.js");
    private static final Source STUB = resource("hubspot-stub.js");

    private final Context context;
    private final Watchdog watchdog;
    private final HostDom dom;
    private final Recorder recorder = new Recorder();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    public BrowserSession(JsEngine engine, Document page, String url, boolean doNotTrack, Duration timeout) {
        this.dom = new HostDom(page);
        this.context = engine.newContext(console);
        this.watchdog = new Watchdog(context, timeout);
        Value bindings = context.getBindings("js");
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("url", url);
        cfg.put("referrer", "");
        cfg.put("doNotTrack", doNotTrack);
        cfg.put("now", FIXED_NOW);
        cfg.put("cookies", Map.of());
        try {
            bindings.putMember("__cfg", JSON.writeValueAsString(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bindings.putMember("__dom", dom);
        bindings.putMember("__rec", recorder);
        context.eval(SHIM);
        context.eval(STAND_IN);
        context.eval(STUB);
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

    /** Runs the bundle as the page's deferred script would. */
    public void runBundle(Source bundle) {
        context.eval(bundle);
    }

    /** The HubSpot loader arrives and processes the queued commands. */
    public void loadHubSpot() {
        context.eval("js", "__hubspot.load()");
    }

    /** The visitor answers HubSpot's own banner. */
    public void decide(boolean allowed) {
        context.eval("js", "__hubspot.decide(" + allowed + ")");
    }

    /** The visitor answers HubSpot's own banner category by category. */
    public void decide(boolean analytics, boolean advertisement, boolean functionality) {
        context.eval("js", "__hubspot.decide({analytics: " + analytics + ", advertisement: " + advertisement
                + ", functionality: " + functionality + "})");
    }

    public void fire(Element target, String type) {
        int id = dom.id(target);
        context.eval("js", "__trackplanFire(" + id + ", '" + type + "')");
    }

    /** Runs a snippet of JavaScript in the page (for tests and scenarios). */
    public void eval(String code) {
        context.eval("js", code);
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

    /** Describes a guest failure for a message: cancelled by the watchdog, out of statements, or an error. */
    public String describe(PolyglotException e, Duration timeout) {
        if (watchdog.reason() == Watchdog.Reason.MEMORY) {
            return "was stopped: it allocated memory without end (the heap was nearly full)";
        }
        if (timedOut() || e.isCancelled()) {
            return "did not finish within " + timeout.toSeconds() + " s (endless loop or heavy work in the code?)";
        }
        if (e.isResourceExhausted()) {
            return "ran too many statements (endless loop?)";
        }
        String where = e.getSourceLocation() == null ? "" : " at line " + e.getSourceLocation().getStartLine()
                + " of " + e.getSourceLocation().getSource().getName();
        return "threw " + e.getMessage() + where;
    }

    @Override
    public void close() {
        watchdog.close();
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // already cancelled by the watchdog
        }
    }
}
