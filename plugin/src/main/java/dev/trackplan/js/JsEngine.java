package dev.trackplan.js;

import java.io.OutputStream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;

/**
 * The GraalJS engine, shared by every build in the JVM (a second build, a dev-server rebuild or the
 * next test does not start GraalJS again, and code parsed once, the verifier's page shims and an
 * unchanged bundle, is not parsed again), and sandboxed contexts on it: {@link SandboxPolicy#CONSTRAINED},
 * no host IO, no host class lookup, only {@code @HostAccess.Export}ed members visible, output
 * captured, and a statement limit. Wall-clock limits are the caller's ({@link Watchdog}).
 */
public final class JsEngine implements AutoCloseable {
    public static final long DEFAULT_STATEMENT_LIMIT = 50_000_000L;

    private static Engine shared;

    private final Engine engine;
    private final long statementLimit;
    /** One context only ever used to parse, never to run code: parsing needs no fresh context. */
    private Context parser;

    public JsEngine() {
        this(DEFAULT_STATEMENT_LIMIT);
    }

    public JsEngine(long statementLimit) {
        this.statementLimit = statementLimit;
        this.engine = shared();
    }

    /**
     * The engine every {@code JsEngine} of this JVM uses; contexts share nothing but parsed code
     * (each has its own globals, limits and watchdog). Never closed: it lives as long as the
     * plugin's class loader.
     */
    private static synchronized Engine shared() {
        if (shared == null) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(JsEngine.class.getClassLoader());
            try {
                shared = Engine.newBuilder("js")
                        .sandbox(SandboxPolicy.CONSTRAINED)
                        .option("engine.WarnInterpreterOnly", "false")
                        .out(OutputStream.nullOutputStream())
                        .err(OutputStream.nullOutputStream())
                        .build();
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
        return shared;
    }

    /**
     * Starts GraalJS in a background (daemon) thread, for a build that will need it later in this
     * JVM: the shared engine, and one throwaway context that parses a line, which loads and
     * initialises the classes every later context uses (about two thirds of a cold start). A
     * {@code JsEngine} made meanwhile waits for the shared engine only. Returns the thread.
     */
    public static Thread startInBackground() {
        Thread t = new Thread(() -> {
            try (Context c = new JsEngine().newContext(OutputStream.nullOutputStream())) {
                c.parse(Source.newBuilder("js", "void 0", "warm-up.js").cached(false).buildLiteral());
            } catch (RuntimeException | LinkageError e) {
                // a warm-up only: the build that needs GraalJS starts it again and reports what fails
            }
        }, "trackplan-graaljs-start");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A fresh sandboxed context; {@code out} receives console output. */
    public Context newContext(OutputStream out) {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .out(out)
                .err(out)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(statementLimit, null).build())
                .build();
    }

    /** A JavaScript syntax error, with the 1-based line and column in the parsed text. */
    public record SyntaxProblem(int line, int column, String message) {}

    /** The name the bundle is parsed and run under (stack frames in it are mapped to snippets by it). */
    public static final String BUNDLE_NAME = "trackplan.js";

    /**
     * The bundle as a source the engine keeps parsed: the syntax check parses it once and every page
     * view of the verification runs that parse (code is cached per engine, for equal sources).
     */
    public static Source bundleSource(String content) {
        return Source.newBuilder("js", content, BUNDLE_NAME).buildLiteral();
    }

    /** Parses (never runs) the bundle, keeping the parse for the verification; null when it is valid. */
    public SyntaxProblem bundleSyntaxProblem(String content) {
        return syntaxProblem(bundleSource(content));
    }

    /** Parses (never runs) {@code code}; null when it is valid JavaScript. */
    public SyntaxProblem syntaxProblem(String name, String code) {
        return syntaxProblem(Source.newBuilder("js", code, name).cached(false).buildLiteral());
    }

    private synchronized SyntaxProblem syntaxProblem(Source source) {
        if (parser == null) {
            parser = newContext(OutputStream.nullOutputStream());
        }
        try {
            parser.parse(source);
            return null;
        } catch (PolyglotException e) {
            if (!e.isSyntaxError()) {
                throw e;
            }
            var loc = e.getSourceLocation();
            int line = loc == null ? 1 : loc.getStartLine();
            int col = loc == null ? 1 : Math.max(1, loc.getStartColumn());
            return new SyntaxProblem(line, col, firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Closes this handle's parsing context; the shared engine stays for the next build. */
    @Override
    public synchronized void close() {
        if (parser != null) {
            parser.close();
            parser = null;
        }
    }
}
