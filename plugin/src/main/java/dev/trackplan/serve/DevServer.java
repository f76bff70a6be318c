package dev.trackplan.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.trackplan.diag.Diagnostic;
import dev.trackplan.io.ProjectFiles;
import dev.trackplan.diag.Excerpt;
import dev.trackplan.io.DisplayPaths;
import dev.trackplan.pipeline.BuildResult;
import dev.trackplan.pipeline.Trackplan;
import dev.trackplan.pipeline.TrackplanConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The development server: builds once, serves the site on 127.0.0.1, rebuilds when a source
 * changes and tells open tabs to reload (server-sent events). Pages get the tracking inspector
 * at serve time only: the HubSpot loader is swapped for a local stand-in that records commands,
 * and a panel lists every event as it fires. Build problems go to the log and to an overlay on
 * the page; the server keeps running and recovers when the files are fixed.
 */
public final class DevServer implements AutoCloseable {
    static final String PREFIX = "/__trackplan/";
    static final int THREADS = 16;

    static {
        // a client that starts a request and never finishes it would hold one of the bounded threads
        // for good; the JDK server drops it after this many seconds (read once, when it first loads)
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }
    private final TrackplanConfig config;
    /** Kept between rebuilds: GraalJS stays warm and unchanged specs are not checked again. */
    private final Trackplan trackplan = Trackplan.keptWarm();
    private final Log log;
    private final HttpServer http;
    private final ExecutorService pool;
    private final SseClients clients = new SseClients();
    private final RequestGuard guard;
    private volatile List<String> problems = List.of();
    private volatile String planJson = "{\"events\":{}}";
    private volatile int builds;
    private SourceWatcher watcher;

    /** Where the server's lines go, by level (the mojo maps them onto Maven's log). */
    public interface Log {
        void info(String line);

        default void warn(String line) {
            info("[WARNING] " + line);
        }

        default void error(String line) {
            info("[ERROR] " + line);
        }
    }

    public DevServer(TrackplanConfig config, int port, Log log) throws IOException {
        this.config = config;
        this.log = log;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // bounded: tabs listening for reloads take at most SseClients.MAX of these threads
        this.pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "trackplan-serve");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        this.guard = new RequestGuard(port());
        http.createContext("/", this::handle);
    }

    /** Builds, starts serving and watching; returns at once. */
    public void start() throws IOException {
        rebuild();
        http.start();
        Set<Path> roots = new LinkedHashSet<>();
        for (Path p : List.of(config.eventsDir(), config.trackingTemplatesDir(), config.pagesDir(), config.layoutsDir(),
                config.assetsDir())) {
            roots.add(Files.isDirectory(p.getParent()) ? p.getParent() : p);
        }
        watcher = new SourceWatcher(new ArrayList<>(roots), this::changed);
        log.info("Trackplan dev server on " + url() + " (Ctrl-C stops it)");
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** How many builds ran (for tests). */
    public int builds() {
        return builds;
    }

    public List<String> problems() {
        return problems;
    }

    /** A burst of saves: say which files changed, then rebuild. */
    void changed(List<Path> files) {
        List<String> shown = files.stream().map(f -> DisplayPaths.of(config.projectDir(), f)).toList();
        String what = shown.isEmpty() ? "a source file" : shown.size() <= 3 ? String.join(", ", shown)
                : String.join(", ", shown.subList(0, 3)) + " and " + (shown.size() - 3) + " more";
        log.info("Trackplan: changed " + what + ": rebuilding");
        rebuild();
    }

    synchronized void rebuild() {
        builds++;
        BuildResult r;
        try {
            r = trackplan.build(config);
        } catch (RuntimeException e) {
            problems = List.of("build failed unexpectedly: " + e);
            log.error(problems.get(0));
            broadcast("problems", InspectorPlan.problems(problems));
            return;
        }
        if (trackplan.lastValidPlan() != null) {
            planJson = InspectorPlan.json(trackplan.lastValidPlan(), config.hubId());
        }
        r.warnings().forEach(w -> log.warn(w.format()));
        if (r.failed()) {
            r.errors().forEach(e -> log.error(e.format()));
            problems = r.errors().stream().map(this::withExcerpt).toList();
            broadcast("problems", InspectorPlan.problems(problems));
        } else {
            boolean recovered = !problems.isEmpty();
            problems = List.of();
            r.summary().forEach(s -> log.info("Trackplan: " + s));
            if (!r.upToDate() || recovered) {
                broadcast("reload", "{}");
            }
        }
    }

    /** The problem with its source line under a caret, for the overlay (YAML errors carry theirs). */
    private String withExcerpt(Diagnostic d) {
        String line = d.format();
        if (d.message().contains("\n")) {
            return line;
        }
        Path root = config.projectDir().toAbsolutePath().normalize();
        Path file = root.resolve(d.file()).normalize();
        try {
            if (!file.startsWith(root) || !Files.isRegularFile(file) || Files.size(file) > 4_000_000) {
                return line;
            }
            String excerpt = Excerpt.of(Files.readString(file, StandardCharsets.UTF_8), d.line(), d.column());
            return excerpt.isEmpty() ? line : line + "\n" + excerpt;
        } catch (IOException | RuntimeException e) {
            return line; // not text, or gone: the line alone
        }
    }

    private void broadcast(String event, String data) {
        clients.broadcast(event, data);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            if (!guard.hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
                send(ex, 403, "text/plain; charset=utf-8", ("this server answers only to localhost, 127.0.0.1 and [::1] "
                        + "with its port\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (!RequestGuard.pathAllowed(path)) {
                send(ex, 400, "text/plain; charset=utf-8", "bad request\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith(PREFIX)) {
                internal(ex, path.substring(PREFIX.length()));
                return;
            }
            Path root = config.outputDir().toAbsolutePath().normalize();
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            int status = 200;
            if (!file.startsWith(root) || !Files.isRegularFile(file) || !insideReal(root, file)) {
                status = 404;
                file = root.resolve("404.html");
                if (!Files.isRegularFile(file)) {
                    send(ex, 404, "text/html; charset=utf-8", inject("<!doctype html><html><head><title>Trackplan</title>"
                            + "</head><body><p>No site yet: fix the problems shown.</p></body></html>"));
                    return;
                }
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".html")) {
                send(ex, status, "text/html; charset=utf-8", inject(Files.readString(file, StandardCharsets.UTF_8)));
            } else {
                send(ex, status, type(name), Files.readAllBytes(file));
            }
        } catch (IOException | RuntimeException e) {
            // the details go to the log, never into the answer
            log.warn("dev server: " + ex.getRequestMethod() + " " + ProjectFiles.printable(
                    String.valueOf(ex.getRequestURI().getRawPath())) + " failed: " + e);
            send(ex, 500, "text/plain; charset=utf-8", "internal error; see the build log\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether a file of the site really is inside it (a link a user left in target/site may not be). */
    private static boolean insideReal(Path root, Path file) {
        return new ProjectFiles(root).outside(file) == null;
    }

    private void internal(HttpExchange ex, String what) throws IOException {
        switch (what) {
            case "events" -> clients.serve(ex);
            case "plan.json" -> send(ex, 200, "application/json", planJson.getBytes(StandardCharsets.UTF_8));
            case "problems.json" -> send(ex, 200, "application/json",
                    InspectorPlan.problems(problems).getBytes(StandardCharsets.UTF_8));
            case "inspector.js" -> send(ex, 200, "application/javascript", resource("serve/" + what));
            case "hubspot-standin.js" -> send(ex, 200, "application/javascript",
                    concat(resource("hubspot-standin-core.js"), resource("serve/hubspot-standin.js")));
            default -> send(ex, 404, "text/plain", "unknown".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Adds the inspector and swaps the HubSpot loader for the recording stand-in. */
    static byte[] inject(String html) {
        Document doc = Jsoup.parse(html);
        Element loader = doc.getElementById("hs-script-loader");
        if (loader != null) {
            loader.attr("src", PREFIX + "hubspot-standin.js");
        }
        doc.head().prependElement("script").attr("src", PREFIX + "inspector.js");
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + 1 + b.length);
        out[a.length] = '\n';
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }

    private static byte[] resource(String name) {
        try (InputStream in = DevServer.class.getResourceAsStream("/dev/trackplan/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".js")) {
            return "application/javascript";
        }
        if (name.endsWith(".css")) {
            return "text/css";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".xml")) {
            return "application/xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return name.endsWith(".txt") ? "text/plain" : "application/octet-stream";
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        clients.closeAll();
        http.stop(0);
        pool.shutdownNow();
        synchronized (this) {
            trackplan.close();
        }
    }
}
