package dev.trackplan.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The open tabs listening for reloads (server-sent events). A broadcast never waits for a tab: each
 * tab has a small queue, drained by the request's own thread; a tab whose queue is full (it stopped
 * reading) is dropped, so one stuck client cannot hold up a rebuild. A write that does not complete
 * within {@link #WRITE_TIMEOUT} (the tab's socket buffers are full: it stopped reading) ends the tab's
 * connection, so it does not keep its thread until the tab is closed. At most {@link #MAX} tabs
 * listen at once, so they can never take all the server's threads.
 */
final class SseClients {
    static final int MAX = 8;
    static final int QUEUE = 16;
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] CLOSE = new byte[0];
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trackplan-serve-write-timeout");
        t.setDaemon(true);
        return t;
    });
    private final Duration writeTimeout;
    private final Set<BlockingQueue<byte[]>> clients = ConcurrentHashMap.newKeySet();
    /** Threads serving a tab, dropped ones included until their connection ends. */
    private int active;

    SseClients() {
        this(WRITE_TIMEOUT);
    }

    SseClients(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

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
            send(out, ": connected\n\n".getBytes(StandardCharsets.UTF_8));
            while (true) {
                byte[] msg = queue.take();
                if (msg == CLOSE) {
                    break;
                }
                send(out, msg);
            }
        } catch (InterruptedException e) {
            // stopped (the server closing) or a write that timed out: the tab is dropped either way
        } catch (IOException e) {
            // the tab is gone, or stopped reading (its write timed out and its connection was closed)
        } finally {
            clients.remove(queue);
            synchronized (this) {
                active--;
            }
            Thread.interrupted(); // a write timeout's interrupt ends here, not in the pool's next task
            ex.close();
        }
    }

    /**
     * Writes to the tab within the write timeout: a write still blocked then is interrupted, which
     * closes the connection's channel (an interruptible channel) and ends the write with an exception.
     */
    private void send(OutputStream out, byte[] msg) throws IOException, InterruptedException {
        Thread writer = Thread.currentThread();
        ScheduledFuture<?> stop = TIMER.schedule(writer::interrupt, writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            out.write(msg);
            out.flush();
        } finally {
            stop.cancel(false);
        }
        if (Thread.interrupted()) { // the timeout came as the write ended: the tab is that slow, drop it
            throw new InterruptedException("write timed out");
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

    /** Threads serving a tab now, dropped tabs whose connection has not ended included. */
    synchronized int serving() {
        return active;
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
