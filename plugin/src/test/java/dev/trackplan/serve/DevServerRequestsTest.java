package dev.trackplan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trackplan.testing.TestSites;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dev server answers to requests a browser page elsewhere, or a broken client, could send. */
class DevServerRequestsTest {

    /** Sends one raw HTTP/1.1 request and returns the status line and body. */
    static String request(int port, String target, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder body = new StringBuilder();
            String line;
            boolean inBody = false;
            while ((line = in.readLine()) != null) {
                if (inBody) {
                    body.append(line).append('\n');
                } else if (line.isEmpty()) {
                    inBody = true;
                }
            }
            return status + "\n" + body;
        }
    }

    static TestSites site(Path dir) {
        return new TestSites(dir).spec("cta.yaml", DevServerTest.SPEC)
                .page("index.md", "---\ntitle: Home\n---\n<a class=\"cta\" data-plan=\"pro\" href=\"/\">Go</a>\n");
    }

    @Test
    void foreignHostNamesAreRefusedAgainstDnsRebinding(@TempDir Path dir) throws Exception {
        try (DevServer server = new DevServer(site(dir).config("hubspot", 30), 0, line -> { })) {
            server.start();
            int port = server.port();
            assertThat(request(port, "/", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
            assertThat(request(port, "/", "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(request(port, "/", "[::1]:" + port)).startsWith("HTTP/1.1 200");
            for (String host : new String[] {"attacker.example:" + port, "attacker.example", "127.0.0.1",
                    "127.0.0.1:" + (port + 1), "localhost.attacker.example:" + port}) {
                assertThat(request(port, "/", host)).as(host).startsWith("HTTP/1.1 403").doesNotContain("hs-script");
            }
            assertThat(request(port, "/__trackplan/plan.json", "attacker.example:" + port)).startsWith("HTTP/1.1 403")
                    .doesNotContain("cta_clicked");
        }
    }

    @Test
    void badPathsAnswer400Or404WithoutExceptionText(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "hunter2");
        TestSites s = site(dir.resolve("p"));
        try (DevServer server = new DevServer(s.config("hubspot", 30), 0, line -> { })) {
            server.start();
            Files.createSymbolicLink(dir.resolve("p/target/site/leak.txt"), secret);
            int port = server.port();
            String host = "127.0.0.1:" + port;
            assertThat(request(port, "/%00", host)).startsWith("HTTP/1.1 400").doesNotContain("Exception")
                    .doesNotContain("Path");
            assertThat(request(port, "/a%0a%0db", host)).startsWith("HTTP/1.1 400");
            assertThat(request(port, "/..%2f..%2f..%2fsecret.txt", host)).startsWith("HTTP/1.1 404").doesNotContain("hunter2");
            assertThat(request(port, "/leak.txt", host)).startsWith("HTTP/1.1 404").doesNotContain("hunter2");
            assertThat(request(port, "/__trackplan/%00", host)).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void listenersAreBoundedAndPagesStillServedWhenTheLimitIsReached(@TempDir Path dir) throws Exception {
        try (DevServer server = new DevServer(site(dir).config("hubspot", 30), 0, line -> { })) {
            server.start();
            int port = server.port();
            List<Socket> tabs = new ArrayList<>();
            try {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < SseClients.MAX + 4; i++) {
                    Socket tab = new Socket(InetAddress.getLoopbackAddress(), port);
                    tabs.add(tab);
                    tab.getOutputStream().write(("GET /__trackplan/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    answers.add(new BufferedReader(new InputStreamReader(tab.getInputStream(), StandardCharsets.UTF_8))
                            .readLine());
                }
                assertThat(answers.subList(0, SseClients.MAX)).allMatch(a -> a.startsWith("HTTP/1.1 200"));
                assertThat(answers.subList(SseClients.MAX, answers.size())).allMatch(a -> a.startsWith("HTTP/1.1 503"));
                assertThat(request(port, "/", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
            } finally {
                for (Socket t : tabs) {
                    t.close();
                }
            }
        }
    }
}
