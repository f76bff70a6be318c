package dev.trackplan.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot's event-definitions API as its documentation describes it, on a loopback port: bearer
 * tokens and scopes (401, 403), {@code after} paging, create (409 for an existing or deleted name),
 * PATCH limited to the mutable fields (400 for name, object or type), properties, and faults on
 * demand: 429 with Retry-After, 5xx, slow answers, dropped connections. Everything is recorded.
 */
public final class HubSpotStandIn implements AutoCloseable {
    public static final String TOKEN = "pat-na1-11111111-2222-3333-4444-standin000000";
    public static final String TOKEN_WITHOUT_SCOPE = "pat-na1-99999999-8888-7777-6666-noscope00000";
    static final String HUB_ID = "123456";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");
    private static final Set<String> TYPES = Set.of("string", "number", "datetime", "enumeration");
    private static final Set<String> OBJECTS = Set.of("CONTACT", "COMPANY", "DEAL", "TICKET");
    private static final Set<String> CREATE_FIELDS = Set.of("label", "name", "description", "primaryObject",
            "propertyDefinitions", "includeDefaultProperties", "customMatchingId");
    private static final Set<String> PROPERTY_FIELDS = Set.of("name", "label", "type", "description", "options");
    private static final Set<String> OPTION_FIELDS = Set.of("label", "value", "displayOrder", "hidden", "description");
    private static final Pattern ONE = Pattern.compile("/events/v3/event-definitions/([^/]+)");
    private static final Pattern PROPS = Pattern.compile("/events/v3/event-definitions/([^/]+)/property");
    private static final Pattern PROP = Pattern.compile("/events/v3/event-definitions/([^/]+)/property/([^/]+)");

    /** One request as received. */
    public record Request(String method, String path, String body, String authorization) {
        @Override
        public String toString() { // never the token, not even in a failing test's message
            return method + " " + path + " " + body + (authorization == null ? " (no Authorization)" : " (Bearer ****)");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, ObjectNode> definitions = new TreeMap<>();
    private final Set<String> deleted = new HashSet<>();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private int mutations;
    private int dropAfterMutations = Integer.MAX_VALUE;

    private record Fault(int status, String retryAfter, long delayMillis, boolean loseAnswer) {}

    public HubSpotStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- fault injection and inspection ----

    /** The next {@code times} requests answer {@code status} (with Retry-After when given). */
    public synchronized HubSpotStandIn failNext(int status, int times, String retryAfter) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, retryAfter, 0, false));
        }
        return this;
    }

    /** The next request is answered only after {@code delay}. */
    public synchronized HubSpotStandIn delayNext(Duration delay) {
        faults.add(new Fault(0, null, delay.toMillis(), false));
        return this;
    }

    /** The next mutating request is carried out, but its answer is lost (the connection drops). */
    public synchronized HubSpotStandIn loseNextAnswer() {
        faults.add(new Fault(0, null, 0, true));
        return this;
    }

    /** After {@code n} more changes, every request's connection is dropped unanswered until {@link #heal()}. */
    public synchronized HubSpotStandIn dropAfterChanges(int n) {
        dropAfterMutations = mutations + n;
        return this;
    }

    public synchronized void heal() {
        dropAfterMutations = Integer.MAX_VALUE;
        faults.clear();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    public synchronized ObjectNode definition(String name) {
        return definitions.get(name);
    }

    public synchronized Set<String> names() {
        return Set.copyOf(definitions.keySet());
    }

    /** Seeds the account with a definition, as if created in HubSpot by hand. */
    public synchronized void seed(String json) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(json);
        definitions.put(body.get("name").asText(), stored(body));
    }

    /** Deletes a definition: its name can never be used again. */
    public synchronized void delete(String name) {
        definitions.remove(name);
        deleted.add(name);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ---- the API ----

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = x.getRequestMethod();
        URI uri = x.getRequestURI();
        Fault fault;
        boolean drop;
        synchronized (this) {
            requests.add(new Request(method, uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    body, x.getRequestHeaders().getFirst("Authorization")));
            drop = mutations >= dropAfterMutations;
            Fault next = faults.peek();
            boolean mutating = !method.equals("GET");
            fault = drop || next == null || next.loseAnswer() && !mutating ? null : faults.poll();
        }
        if (drop) {
            x.close(); // connection closed without an answer
            return;
        }
        if (fault != null && fault.delayMillis() > 0) {
            sleep(fault.delayMillis());
        } else if (fault != null && fault.status() > 0) {
            if (fault.retryAfter() != null) {
                x.getResponseHeaders().add("Retry-After", fault.retryAfter());
            }
            error(x, fault.status(), fault.status() == 429 ? "RATE_LIMITS" : "INTERNAL_ERROR",
                    fault.status() == 429 ? "You have reached your secondly limit." : "internal error");
            return;
        }
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !(auth.equals("Bearer " + TOKEN) || auth.equals("Bearer " + TOKEN_WITHOUT_SCOPE))) {
            error(x, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 "
                    + "authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
            return;
        }
        if (auth.equals("Bearer " + TOKEN_WITHOUT_SCOPE)) {
            error(x, 403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call. "
                    + "Read more about required scopes here: https://developers.hubspot.com/scopes.");
            return;
        }
        Answer a;
        synchronized (this) {
            a = route(method, uri, body);
            if (a.mutated()) {
                mutations++;
            }
        }
        if (fault != null && fault.loseAnswer()) {
            x.close();
            return;
        }
        send(x, a.status(), a.body());
    }

    private record Answer(int status, JsonNode body, boolean mutated) {}

    private Answer route(String method, URI uri, String body) {
        String path = uri.getPath();
        try {
            if (path.equals("/events/v3/event-definitions")) {
                return switch (method) {
                    case "GET" -> list(query(uri));
                    case "POST" -> create(JSON.readTree(body));
                    default -> problem(405, "METHOD_NOT_ALLOWED", method + " not allowed");
                };
            }
            Matcher m;
            if ((m = PROP.matcher(path)).matches() && method.equals("PATCH")) {
                return patchProperty(m.group(1), m.group(2), JSON.readTree(body));
            }
            if ((m = PROPS.matcher(path)).matches() && method.equals("POST")) {
                return createProperty(m.group(1), JSON.readTree(body));
            }
            if ((m = ONE.matcher(path)).matches()) {
                ObjectNode d = definitions.get(m.group(1));
                if (d == null) {
                    return problem(404, "OBJECT_NOT_FOUND", "Event type " + m.group(1) + " not found");
                }
                return switch (method) {
                    case "GET" -> new Answer(200, d, false);
                    case "PATCH" -> patch(d, JSON.readTree(body));
                    case "DELETE" -> {
                        delete(m.group(1));
                        yield new Answer(204, null, true);
                    }
                    default -> problem(405, "METHOD_NOT_ALLOWED", method + " not allowed");
                };
            }
            return problem(404, "NOT_FOUND", "no such endpoint " + path);
        } catch (IOException e) {
            return problem(400, "VALIDATION_ERROR", "Invalid input JSON: " + e.getMessage());
        }
    }

    private Answer list(Map<String, String> q) {
        int limit = Math.min(100, Math.max(1, Integer.parseInt(q.getOrDefault("limit", "20"))));
        int from = q.containsKey("after") ? Integer.parseInt(new String(Base64.getDecoder().decode(q.get("after")),
                StandardCharsets.UTF_8)) : 0;
        boolean withProps = "true".equals(q.get("includeProperties"));
        List<ObjectNode> all = new ArrayList<>(definitions.values());
        ObjectNode answer = JSON.createObjectNode();
        answer.put("total", all.size());
        ArrayNode results = answer.putArray("results");
        for (int i = from; i < Math.min(all.size(), from + limit); i++) {
            ObjectNode d = all.get(i).deepCopy();
            if (!withProps) {
                d.remove("properties");
            }
            results.add(d);
        }
        if (from + limit < all.size()) {
            answer.putObject("paging").putObject("next").put("after", Base64.getEncoder()
                    .encodeToString(String.valueOf(from + limit).getBytes(StandardCharsets.UTF_8)))
                    .put("link", "?after=");
        }
        return new Answer(200, answer, false);
    }

    private Answer create(JsonNode b) {
        String bad = unknownField(b, CREATE_FIELDS);
        if (bad != null) {
            return problem(400, "VALIDATION_ERROR", "Unrecognized field \"" + bad + "\"");
        }
        String name = b.path("name").asText("");
        if (!b.hasNonNull("label") || b.get("label").asText().isEmpty()) {
            return problem(400, "VALIDATION_ERROR", "label is required");
        }
        if (!NAME.matcher(name).matches() || name.length() > 50) {
            return problem(400, "VALIDATION_ERROR", "invalid name " + name);
        }
        String object = b.path("primaryObject").asText("CONTACT");
        if (!OBJECTS.contains(object) && !object.matches("2-[1-9][0-9]*|p([1-9][0-9]*)?_[A-Za-z][A-Za-z0-9_]*")) {
            return problem(400, "VALIDATION_ERROR", "unknown primaryObject " + object);
        }
        if (definitions.containsKey(name) || deleted.contains(name)) {
            return problem(409, "CONFLICT", "An event type with name " + name + " already exists or was deleted");
        }
        for (JsonNode p : b.path("propertyDefinitions")) {
            Answer invalid = invalidProperty(p, true);
            if (invalid != null) {
                return invalid;
            }
        }
        ObjectNode d = stored((ObjectNode) b);
        definitions.put(name, d);
        return new Answer(201, d, true);
    }

    private Answer patch(ObjectNode d, JsonNode b) {
        String bad = unknownField(b, Set.of("label", "description"));
        if (bad != null) {
            return problem(400, "VALIDATION_ERROR", "\"" + bad + "\" cannot be changed: only label and description");
        }
        if (b.has("label")) {
            ((ObjectNode) d.get("labels")).put("singular", b.get("label").asText());
        }
        if (b.has("description")) {
            d.put("description", b.get("description").asText());
        }
        return new Answer(200, d, true);
    }

    private Answer createProperty(String event, JsonNode b) {
        ObjectNode d = definitions.get(event);
        if (d == null) {
            return problem(404, "OBJECT_NOT_FOUND", "Event type " + event + " not found");
        }
        Answer invalid = invalidProperty(b, true);
        if (invalid != null) {
            return invalid;
        }
        for (JsonNode p : d.get("properties")) {
            if (p.get("name").asText().equals(b.get("name").asText())) {
                return problem(409, "CONFLICT", "Property " + b.get("name").asText() + " already exists");
            }
        }
        ObjectNode p = storedProperty(b);
        ((ArrayNode) d.get("properties")).add(p);
        return new Answer(201, p, true);
    }

    private Answer patchProperty(String event, String property, JsonNode b) {
        ObjectNode d = definitions.get(event);
        if (d == null) {
            return problem(404, "OBJECT_NOT_FOUND", "Event type " + event + " not found");
        }
        String bad = unknownField(b, Set.of("label", "description", "options"));
        if (bad != null) {
            return problem(400, "VALIDATION_ERROR", "\"" + bad + "\" of a property cannot be changed");
        }
        for (JsonNode p : d.get("properties")) {
            if (p.get("name").asText().equals(property)) {
                ObjectNode op = (ObjectNode) p;
                if (b.has("label")) {
                    op.put("label", b.get("label").asText());
                }
                if (b.has("description")) {
                    op.put("description", b.get("description").asText());
                }
                if (b.has("options")) {
                    op.set("options", b.get("options").deepCopy());
                }
                return new Answer(200, op, true);
            }
        }
        return problem(404, "OBJECT_NOT_FOUND", "Property " + property + " not found");
    }

    private Answer invalidProperty(JsonNode p, boolean create) {
        String bad = unknownField(p, PROPERTY_FIELDS);
        if (bad != null) {
            return problem(400, "VALIDATION_ERROR", "Unrecognized property field \"" + bad + "\"");
        }
        if (create && (!NAME.matcher(p.path("name").asText("")).matches() || !TYPES.contains(p.path("type").asText())
                || p.path("label").asText("").isEmpty())) {
            return problem(400, "VALIDATION_ERROR", "a property needs a valid name, label and type: " + p);
        }
        if (p.path("type").asText().equals("enumeration") && p.path("options").size() == 0) {
            return problem(400, "VALIDATION_ERROR", "an enumeration needs options");
        }
        for (JsonNode o : p.path("options")) {
            String badOption = unknownField(o, OPTION_FIELDS);
            if (badOption != null || !o.hasNonNull("label") || !o.hasNonNull("value")) {
                return problem(400, "VALIDATION_ERROR", "an option is {label, value, displayOrder, hidden}: " + o);
            }
        }
        return null;
    }

    /** The definition as HubSpot answers it: response-only fields added, HubSpot's defaults included. */
    private ObjectNode stored(ObjectNode b) {
        ObjectNode d = JSON.createObjectNode();
        String name = b.get("name").asText();
        d.put("id", String.valueOf(1000 + definitions.size()));
        d.put("name", name);
        d.put("fullyQualifiedName", "pe" + HUB_ID + "_" + name);
        d.putObject("labels").put("singular", b.path("label").asText()).putNull("plural");
        d.put("description", b.path("description").asText(""));
        d.put("primaryObject", b.path("primaryObject").asText("CONTACT"));
        d.put("archived", false);
        d.put("trackingType", "MANUAL");
        d.put("createdAt", "2026-11-01T00:00:00Z");
        d.putArray("associations");
        ArrayNode props = d.putArray("properties");
        if (b.path("includeDefaultProperties").asBoolean(true)) {
            props.addObject().put("name", "hs_page_url").put("label", "Page URL").put("type", "string")
                    .put("hubspotDefined", true).putArray("options");
        }
        for (JsonNode p : b.path("propertyDefinitions")) {
            props.add(storedProperty(p));
        }
        return d;
    }

    private static ObjectNode storedProperty(JsonNode p) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", p.get("name").asText());
        s.put("label", p.path("label").asText());
        s.put("type", p.get("type").asText());
        s.put("fieldType", p.get("type").asText().equals("enumeration") ? "select" : "text");
        s.put("description", p.path("description").asText(""));
        s.put("hubspotDefined", false);
        s.put("groupName", "event_properties");
        s.set("options", p.has("options") ? p.get("options").deepCopy() : JSON.createArrayNode());
        return s;
    }

    private static String unknownField(JsonNode b, Set<String> allowed) {
        var it = b.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!allowed.contains(f)) {
                return f;
            }
        }
        return null;
    }

    private static Answer problem(int status, String category, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("status", "error");
        e.put("message", message);
        e.put("correlationId", "00000000-0000-0000-0000-000000000000");
        e.put("category", category);
        return new Answer(status, e, false);
    }

    private static void error(HttpExchange x, int status, String category, String message) throws IOException {
        send(x, status, problem(status, category, message).body());
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
