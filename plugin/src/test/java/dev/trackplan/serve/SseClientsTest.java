package dev.trackplan.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SseClientsTest {

    /** A tab that stops reading after its first bytes: every later write blocks until the test ends. */
    static final class StuckExchange extends HttpExchange {
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        int status;
        final OutputStream body = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (connected.getCount() > 0) {
                    connected.countDown();
                    return;
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        @Override public Headers getRequestHeaders() { return new Headers(); }
        @Override public Headers getResponseHeaders() { return new Headers(); }
        @Override public URI getRequestURI() { return URI.create("/__trackplan/events"); }
        @Override public String getRequestMethod() { return "GET"; }
        @Override public HttpContext getHttpContext() { return null; }
        @Override public void close() { }
        @Override public InputStream getRequestBody() { return new ByteArrayInputStream(new byte[0]); }
        @Override public OutputStream getResponseBody() { return body; }
        @Override public void sendResponseHeaders(int rCode, long responseLength) { status = rCode; }
        @Override public InetSocketAddress getRemoteAddress() { return null; }
        @Override public int getResponseCode() { return status; }
        @Override public InetSocketAddress getLocalAddress() { return null; }
        @Override public String getProtocol() { return "HTTP/1.1"; }
        @Override public Object getAttribute(String name) { return null; }
        @Override public void setAttribute(String name, Object value) { }
        @Override public void setStreams(InputStream i, OutputStream o) { }
        @Override public HttpPrincipal getPrincipal() { return null; }
    }

    @Test
    @Timeout(60) // a guard against a hang, not a speed check: the old broadcast blocked here for good
    void aTabThatStopsReadingNeverBlocksABroadcast() throws Exception {
        SseClients clients = new SseClients();
        StuckExchange stuck = new StuckExchange();
        Thread tab = new Thread(() -> {
            try {
                clients.serve(stuck);
            } catch (java.io.IOException ignored) {
                // not thrown by the stand-in
            }
        });
        tab.start();
        stuck.connected.await();
        for (int i = 0; i < 10_000; i++) {
            clients.broadcast("reload", "{}");
        }
        assertThat(clients.size()).as("the stuck tab was dropped").isZero();
        stuck.release.countDown();
        tab.join();
    }

    @Test
    @Timeout(60)
    void atMostMaxTabsListenAndTheRestAreTurnedAway() throws Exception {
        SseClients clients = new SseClients();
        StuckExchange[] tabs = new StuckExchange[SseClients.MAX];
        Thread[] threads = new Thread[SseClients.MAX];
        for (int i = 0; i < tabs.length; i++) {
            StuckExchange ex = tabs[i] = new StuckExchange();
            threads[i] = new Thread(() -> {
                try {
                    clients.serve(ex);
                } catch (java.io.IOException ignored) {
                    // not thrown by the stand-in
                }
            });
            threads[i].start();
            ex.connected.await();
        }
        StuckExchange extra = new StuckExchange();
        clients.serve(extra);
        assertThat(extra.status).isEqualTo(503);
        clients.closeAll();
        for (int i = 0; i < tabs.length; i++) {
            tabs[i].release.countDown();
            threads[i].join();
        }
    }

    @Test
    @Timeout(60) // a guard against a hang, not a speed check: the stuck tab's thread used to wait for its connection
    void aTabThatNeverReadsDoesNotKeepItsThread() throws Exception {
        SseClients clients = new SseClients(java.time.Duration.ofMillis(300));
        StuckExchange stuck = new StuckExchange(); // its writes block until released; never released here
        Thread tab = new Thread(() -> {
            try {
                clients.serve(stuck);
            } catch (java.io.IOException ignored) {
                // not thrown by the stand-in
            }
        });
        tab.start();
        stuck.connected.await();
        clients.broadcast("reload", "{}");
        tab.join(); // returns once the blocked write timed out: the tab is gone, its thread free
        assertThat(clients.serving()).isZero();
        assertThat(clients.size()).isZero();
    }

    @Test
    @Timeout(60)
    void aRealConnectionThatNeverReadsIsClosedAndFreesItsThread() throws Exception {
        SseClients clients = new SseClients(java.time.Duration.ofMillis(300));
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        http.setExecutor(pool);
        http.createContext("/events", clients::serve);
        http.start();
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(http.getAddress());
            socket.getOutputStream().write("GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            while (clients.size() == 0) {
                Thread.sleep(10);
            }
            String big = "x".repeat(1 << 20);
            // the tab reads nothing: the socket's buffers fill and the server's write blocks
            for (int i = 0; i < 64 && clients.serving() > 0; i++) {
                clients.broadcast("reload", big);
                Thread.sleep(20);
            }
            while (clients.serving() > 0) { // the blocked write times out, the thread is free again
                Thread.sleep(20);
            }
            assertThat(clients.serving()).isZero();
            assertThat(socket.isClosed()).as("the test's end of the socket is still open").isFalse();
        } finally {
            http.stop(0);
            pool.shutdownNow();
        }
    }
}
