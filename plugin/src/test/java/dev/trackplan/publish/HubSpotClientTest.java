package dev.trackplan.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotClientTest {
    private HubSpotStandIn hubspot;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        hubspot = new HubSpotStandIn();
    }

    @AfterEach
    void stop() {
        hubspot.close();
    }

    HubSpotClient client(String token, Duration timeout) {
        return new HubSpotClient(hubspot.url(), AccessToken.of(token), new HubSpotClient.Settings(Duration.ofSeconds(2),
                timeout, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), waits::add));
    }

    HubSpotClient client() {
        return client(HubSpotStandIn.TOKEN, Duration.ofSeconds(5));
    }

    @Test
    void listsEveryPageFollowingAfter() throws Exception {
        for (int i = 0; i < 250; i++) {
            hubspot.seed("{\"name\":\"event_" + String.format("%03d", i) + "\",\"label\":\"E\",\"propertyDefinitions\":[]}");
        }
        List<JsonNode> all = client().listDefinitions();
        assertThat(all).hasSize(250);
        assertThat(all.get(249).get("name").asText()).isEqualTo("event_249");
        List<String> paths = hubspot.requests().stream().map(HubSpotStandIn.Request::path).toList();
        assertThat(paths).hasSize(3);
        assertThat(paths.get(0)).isEqualTo("/events/v3/event-definitions?includeProperties=true&limit=100");
        assertThat(paths.get(1)).contains("&after=");
        assertThat(hubspot.requests()).allMatch(r -> ("Bearer " + HubSpotStandIn.TOKEN).equals(r.authorization()));
    }

    @Test
    void rateLimitIsRetriedAfterTheTimeHubSpotAsksFor() throws Exception {
        hubspot.failNext(429, 2, "7");
        assertThat(client().listDefinitions()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(hubspot.requests()).hasSize(3);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingBackoff() throws Exception {
        hubspot.failNext(503, 2, null);
        assertThat(client().listDefinitions()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysSo() {
        hubspot.failNext(500, 10, null);
        assertThatThrownBy(() -> client().listDefinitions()).isInstanceOf(HubSpotException.class)
                .hasMessageContaining("HubSpot answered 500 to list the event definitions")
                .hasMessageContaining("gave up after 4 attempts");
        assertThat(hubspot.requests()).hasSize(4);
    }

    @Test
    void badTokenIsNotRetriedAndNeverShown() {
        String wrong = "pat-na1-wrong-token-value-xyz";
        assertThatThrownBy(() -> client(wrong, Duration.ofSeconds(5)).listDefinitions())
                .isInstanceOf(HubSpotException.class)
                .hasMessageContaining("refused the access token (401)")
                .hasMessageContaining("HUBSPOT_ACCESS_TOKEN")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
        assertThat(hubspot.requests()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void missingScopeNamesTheScope() {
        assertThatThrownBy(() -> client(HubSpotStandIn.TOKEN_WITHOUT_SCOPE, Duration.ofSeconds(5)).listDefinitions())
                .hasMessageContaining("(403)").hasMessageContaining(HubSpotClient.SCOPE)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HubSpotStandIn.TOKEN_WITHOUT_SCOPE));
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() throws Exception {
        // the retry must get its answer within the same timeout on a loaded machine: generous margins both ways
        hubspot.delayNext(Duration.ofSeconds(8));
        assertThat(client(HubSpotStandIn.TOKEN, Duration.ofSeconds(2)).listDefinitions()).isEmpty();
        assertThat(hubspot.requests()).hasSize(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aConflictIsReportedNotRetried() throws Exception {
        hubspot.seed("{\"name\":\"signup\",\"label\":\"Signup\",\"propertyDefinitions\":[]}");
        var body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("label", "Signup")
                .put("name", "signup");
        body.putArray("propertyDefinitions");
        assertThatThrownBy(() -> client().createDefinition(body)).isInstanceOf(HubSpotException.class)
                .hasMessageContaining("(409)").extracting(e -> ((HubSpotException) e).status()).isEqualTo(409);
        assertThat(hubspot.requests()).hasSize(1);
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThatThrownBy(() -> HubSpotClient.checkBase(URI.create("http://api.hubapi.com")))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> HubSpotClient.checkBase(URI.create("http://10.0.0.1:8080")))
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> HubSpotClient.checkBase(URI.create("ftp://127.0.0.1")))
                .hasMessageContaining("https://host");
        assertThat(HubSpotClient.checkBase(URI.create("http://127.0.0.1:9/"))).hasToString("http://127.0.0.1:9");
        assertThat(HubSpotClient.checkBase(URI.create("http://[::1]:9"))).hasToString("http://[::1]:9");
        assertThat(HubSpotClient.checkBase(URI.create("https://api.hubapi.com"))).hasToString("https://api.hubapi.com");
    }

    @Test
    void theTokenHidesItself() {
        AccessToken t = AccessToken.of("secret-token-123");
        assertThat(t.toString()).doesNotContain("secret");
        assertThat(t.scrub("failed: secret-token-123 was refused")).isEqualTo("failed: **** was refused");
        assertThat(AccessToken.of("  ")).isNull();
    }
}
