package dev.trackplan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {
    static final String SPEC = """
            events:
              cta_clicked:
                label: CTA clicked
                trigger:
                  click: "a.cta"
                properties:
                  plan:
                    type: string
                    from: { attribute: data-plan }
            """;

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Reads the server-sent event names into a queue. */
    BlockingQueue<String> listen(String url) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && event != null) {
                        events.add(event + " " + line.substring(6));
                        event = null;
                    }
                }
            } catch (Exception ignored) {
                // server closed
            }
        });
        t.setDaemon(true);
        t.start();
        return events;
    }

    @Test
    void rebuildsOnEditsReloadsTabsAndRecoversFromErrors(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("cta.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\nFirst version <a class=\"cta\" data-plan=\"pro\" href=\"/\">Go</a>\n");
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        DevServer.Log levelled = new DevServer.Log() {
            @Override
            public void info(String line) {
                log.add(line);
            }

            @Override
            public void error(String line) {
                errors.add(line);
            }
        };
        try (DevServer server = new DevServer(s.config(), 0, levelled)) {
            server.start();
            String home = get(server.url());
            assertThat(home).contains("First version").contains("/__trackplan/inspector.js")
                    .contains("src=\"/__trackplan/hubspot-standin.js\"").doesNotContain("js.hs-scripts.com");
            assertThat(Files.readString(dir.resolve("target/site/index.html"))).doesNotContain("__trackplan")
                    .as("the built site never carries the inspector");
            assertThat(get(server.url() + "__trackplan/plan.json")).contains("\"pe123_cta_clicked\"").contains("CTA clicked");
            BlockingQueue<String> events = listen(server.url() + "__trackplan/events");
            Thread.sleep(300);

            s.page("index.md", "---\ntitle: Home\n---\nSecond version <a class=\"cta\" data-plan=\"pro\" href=\"/\">Go</a>\n");
            assertThat(events.poll(20, TimeUnit.SECONDS)).startsWith("reload");
            assertThat(get(server.url())).contains("Second version");
            assertThat(log).as("a page edit does not re-check specs or re-render the bundle")
                    .anyMatch(l -> l.contains("reused the checked plan and the bundle"));
            assertThat(log).as("the log names the file that changed")
                    .anyMatch(l -> l.equals("Trackplan: changed src/main/site/pages/index.md: rebuilding"));

            s.spec("cta.yaml", SPEC.replace("plan:", "Plan:"));
            String problem = events.poll(20, TimeUnit.SECONDS);
            assertThat(problem).startsWith("problems").contains("TP131").contains("cta.yaml:[7,7]");
            assertThat(get(server.url() + "__trackplan/problems.json")).contains("TP131")
                    .as("the overlay shows the line under a caret").contains("      Plan:\\n");
            assertThat(errors).as("errors go to the error level, once, without a second [ERROR] prefix")
                    .anyMatch(l -> l.startsWith("src/main/tracking/events/cta.yaml:[7,7] TP131"));
            assertThat(log).noneMatch(l -> l.contains("TP131"));
            assertThat(get(server.url())).as("the last good site stays served").contains("Second version");

            s.spec("cta.yaml", SPEC);
            assertThat(events.poll(20, TimeUnit.SECONDS)).startsWith("reload");
            assertThat(server.problems()).isEmpty();
        }
    }

    @Test
    void anUpToDateStartStillServesThePlanToTheInspector(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("cta.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"pro\" href=\"/\">Go</a>\n");
        assertThat(new dev.trackplan.pipeline.Trackplan().build(s.config()).errors()).isEmpty();
        try (DevServer server = new DevServer(s.config(), 0, line -> { })) {
            server.start();
            assertThat(get(server.url() + "__trackplan/plan.json")).contains("\"pe123_cta_clicked\"");
        }
    }

    @Test
    void bindsToLoopbackOnly(@TempDir Path dir) throws Exception {
        TestSites s = new TestSites(dir).spec("cta.yaml", SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"pro\" href=\"/\">Go</a>\n");
        try (DevServer server = new DevServer(s.config(), 0, line -> { })) {
            server.start();
            assertThat(server.url()).startsWith("http://127.0.0.1:");
            assertThat(get(server.url() + "nope/")).contains("Page not found");
        }
    }
}
