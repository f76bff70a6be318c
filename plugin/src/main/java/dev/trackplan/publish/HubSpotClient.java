package dev.trackplan.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * HubSpot's event-definitions API ({@code /events/v3/event-definitions}) over the JDK's HttpClient,
 * exactly as documented: GET with {@code after} paging, POST to create, PATCH for labels and
 * descriptions, POST/PATCH {@code /property}. 429 and 5xx answers, timeouts and lost connections
 * are retried with backoff (honouring {@code Retry-After}); 401 and 403 say which token and scope
 * are needed. The token goes into the Authorization header and nowhere else.
 */
public final class HubSpotClient {
    public static final String DEFAULT_API_URL = "https://api.hubapi.com";
    /** The private app scope the event-definitions API needs. */
    public static final String SCOPE = "behavioral_events.event_definitions.read_write";
    static final String PATH = "/events/v3/event-definitions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;
    private static final long MAX_ANSWER_BYTES = 16L << 20;

    private final URI base;
    private final AccessToken token;
    private final HttpClient http;
    private final Settings settings;

    /** Timeouts and retries; tests shorten them and replace the sleeping. */
    public record Settings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration firstBackoff,
            Duration maxBackoff, Sleeper sleeper) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, Duration.ofSeconds(1),
                    Duration.ofSeconds(60), Sleeper.REAL);
        }
    }

    /** How the client waits between attempts. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration d) throws InterruptedException;
    }

    public HubSpotClient(URI base, AccessToken token, Settings settings) {
        this.base = checkBase(base);
        this.token = token;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * {@code https} always; plain {@code http} only to a loopback address (a stand-in on this machine),
     * so the token never crosses a network in clear text.
     */
    static URI checkBase(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the API URL must be https://host (found '" + base + "')");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("the API URL must use https; plain http is only allowed for a "
                    + "loopback address such as 127.0.0.1 (found '" + base + "')");
        }
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // never resolve a name here: only literal addresses count
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Every event definition of the account, with its properties, following {@code paging.next.after}. */
    public List<JsonNode> listDefinitions() throws HubSpotException {
        List<JsonNode> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String query = "?includeProperties=true&limit=" + PAGE_SIZE
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode answer = send("GET", PATH + query, null, "list the event definitions");
            answer.path("results").forEach(all::add);
            JsonNode next = answer.path("paging").path("next").path("after");
            if (next.isMissingNode() || next.isNull() || next.asText().isEmpty()) {
                return all;
            }
            after = next.asText();
            if (!seen.add(after)) {
                throw new HubSpotException(200, "", "HubSpot answered the same page token twice while listing event "
                        + "definitions; stopped to avoid an endless loop");
            }
        }
        throw new HubSpotException(200, "", "HubSpot listed more than " + MAX_PAGES * PAGE_SIZE + " event definitions "
                + "(an account holds at most 500); stopped");
    }

    public JsonNode createDefinition(ObjectNode body) throws HubSpotException {
        return send("POST", PATH, body, "create event " + body.path("name").asText());
    }

    public JsonNode getDefinition(String name) throws HubSpotException {
        return send("GET", PATH + "/" + segment(name), null, "read event " + name);
    }

    /** PATCH of a definition: HubSpot accepts {@code label} and {@code description} only. */
    public JsonNode updateDefinition(String name, ObjectNode body) throws HubSpotException {
        return send("PATCH", PATH + "/" + segment(name), body, "update event " + name);
    }

    public JsonNode createProperty(String event, ObjectNode body) throws HubSpotException {
        return send("POST", PATH + "/" + segment(event) + "/property", body, "create property " + event + "."
                + body.path("name").asText());
    }

    /** PATCH of a property: {@code label}, {@code description} and {@code options}. */
    public JsonNode updateProperty(String event, String property, ObjectNode body) throws HubSpotException {
        return send("PATCH", PATH + "/" + segment(event) + "/property/" + segment(property), body, "update property "
                + event + "." + property);
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String pathAndQuery, ObjectNode body, String what) throws HubSpotException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Authorization", token.header())
                .header("Accept", "application/json");
        if (body != null) {
            rb.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        } else {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = rb.build();
        HubSpotException last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return parse(r.body(), what);
                }
                last = refusal(status, r.body(), what);
                if (status != 429 && status < 500) {
                    throw last;
                }
                wait = retryAfter(r).orElse(backoff(attempt));
            } catch (HttpTimeoutException e) {
                last = new HubSpotException(0, "", "HubSpot did not answer within " + settings.requestTimeout()
                        .toSeconds() + " s to " + what);
                wait = backoff(attempt);
            } catch (IOException e) {
                last = new HubSpotException(0, "", "the connection to " + base + " failed while trying to " + what
                        + ": " + token.scrub(String.valueOf(e.getMessage())));
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubSpotException(0, "", "interrupted while trying to " + what);
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    settings.sleeper().sleep(min(wait, settings.maxBackoff()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HubSpotException(0, "", "interrupted while waiting to retry: " + what);
                }
            }
        }
        throw new HubSpotException(last.status(), last.category(), last.getMessage() + " (gave up after "
                + settings.maxAttempts() + " attempts)");
    }

    private JsonNode parse(byte[] body, String what) throws HubSpotException {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        if (body.length > MAX_ANSWER_BYTES) {
            throw new HubSpotException(200, "", "HubSpot's answer to " + what + " is larger than 16 MiB");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new HubSpotException(200, "", "HubSpot's answer to " + what + " is not JSON");
        }
    }

    private HubSpotException refusal(int status, byte[] body, String what) {
        String category = "";
        String message = "";
        try {
            JsonNode n = body.length == 0 || body.length > MAX_ANSWER_BYTES ? null : JSON.readTree(body);
            if (n != null) {
                category = n.path("category").asText("");
                message = n.path("message").asText("");
            }
        } catch (IOException ignored) {
            // not JSON: the status says enough
        }
        String theirs = message.isEmpty() ? "" : " (HubSpot: " + token.scrub(truncate(message)) + ")";
        String text = switch (status) {
            case 401 -> "HubSpot refused the access token (401) to " + what + ": it is missing, wrong or expired. "
                    + "Give a private app token in the environment variable " + AccessToken.ENV + " or in the "
                    + "settings.xml <server> (see -Dtrackplan.serverId)";
            case 403 -> "the access token may not " + what + " (403): the private app needs the scope " + SCOPE
                    + ", and custom behavioral events need an Enterprise subscription";
            case 404 -> "HubSpot does not know what was asked to " + what + " (404)";
            case 409 -> "HubSpot refused to " + what + " (409): the name exists already or was used by a deleted "
                    + "definition, and a deleted name can never be used again";
            case 429 -> "HubSpot rate-limited the request to " + what + " (429)";
            default -> "HubSpot answered " + status + " to " + what;
        };
        return new HubSpotException(status, category, text + theirs);
    }

    private static String truncate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    private static java.util.Optional<Duration> retryAfter(HttpResponse<?> r) {
        return r.headers().firstValue("Retry-After").map(String::strip).flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return java.util.Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (DateTimeParseException e2) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private Duration backoff(int attempt) {
        return settings.firstBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
