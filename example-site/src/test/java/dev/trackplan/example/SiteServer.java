package dev.trackplan.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the built site on 127.0.0.1 and, as the browser's HTTP proxy, answers for
 * js.hs-scripts.com with the HubSpot stand-in, whose recorded commands arrive at
 * /__trackplan/record. Nothing leaves the machine.
 */
final class SiteServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Path root;
    private final byte[] standIn;
    private final List<JsonNode> commands = new ArrayList<>();

    SiteServer(Path root) throws IOException {
        this.root = root;
        try (InputStream core = SiteServer.class.getResourceAsStream("/dev/trackplan/hubspot-standin-core.js");
             InputStream adapter = SiteServer.class.getResourceAsStream("/hubspot-standin.js")) {
            this.standIn = (new String(core.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\n"
                    + new String(adapter.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    synchronized List<JsonNode> commands() {
        return List.copyOf(commands);
    }

    synchronized void clear() {
        commands.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        String path = ex.getRequestURI().getPath();
        if (host != null && host.startsWith("js.hs-scripts.com")) {
            send(ex, 200, "application/javascript", standIn);
            return;
        }
        if (path.equals("/__trackplan/record")) {
            JsonNode n = JSON.readTree(ex.getRequestBody());
            synchronized (this) {
                commands.add(n);
            }
            send(ex, 204, "text/plain", null);
            return;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/html", Files.readAllBytes(root.resolve("404.html")));
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js")
                ? "application/javascript" : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".json")
                ? "application/json" : name.endsWith(".css") ? "text/css; charset=utf-8" : name.endsWith(".png")
                ? "image/png" : name.endsWith(".xml") ? "application/xml" : "application/octet-stream";
        send(ex, 200, type, Files.readAllBytes(file));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
