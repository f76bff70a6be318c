package dev.trackplan.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open tabs listening for reloads (server-sent events). A broadcast never waits for a tab: each
 * tab has a small queue, drained by the request's own thread; a tab whose queue is full (it stopped
 * reading) is dropped, so one stuck client cannot hold up a rebuild. At most {@link #MAX} tabs listen
 * at once, so they can never take all the server's threads.
 */
final class SseClients {
    static final int MAX = 8;
    static final int QUEUE = 16;
    private static final byte[] CLOSE = new byte[0];
    private final Set<BlockingQueue<byte[]>> clients = ConcurrentHashMap.newKeySet();
    /** Threads serving a tab, dropped ones included until their connection ends. */
    private int active;

    /** Serves one tab until it goes away; runs on the request's thread. */
    void serve(HttpExchange ex) throws IOException {
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE);
        synchronized (this) {
            if (active >= MAX) {
                byte[] body = "too many open tabs listening for reloads\n".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                ex.getResponseHeaders().set("Retry-After", "5");
                ex.sendResponseHeaders(503, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            active++;
            clients.add(queue);
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                byte[] msg = queue.take();
                if (msg == CLOSE) {
                    break;
                }
                out.write(msg);
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the tab is gone
        } finally {
            clients.remove(queue);
            synchronized (this) {
                active--;
            }
            ex.close();
        }
    }

    /** Queues an event for every tab; never blocks. */
    void broadcast(String event, String data) {
        byte[] msg = ("event: " + event + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        for (BlockingQueue<byte[]> q : clients) {
            if (!q.offer(msg)) {
                // not reading: it gets no more, and its thread ends once its connection does
                clients.remove(q);
                end(q);
            }
        }
    }

    int size() {
        return clients.size();
    }

    /** Ends every tab's stream. */
    void closeAll() {
        for (BlockingQueue<byte[]> q : clients) {
            end(q);
        }
    }

    private static void end(BlockingQueue<byte[]> q) {
        q.clear();
        q.offer(CLOSE);
    }
}
