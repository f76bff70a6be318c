package dev.trackplan.js;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;

/**
 * A wall-clock limit for one context: after the timeout it cancels the running guest code with
 * {@code close(true)}. The statement limit alone does not stop work inside builtins
 * ({@code "x".repeat(1e8)} in a loop), this does.
 */
public final class Watchdog implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trackplan-js-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired = new AtomicBoolean();

    public Watchdog(Context context, Duration timeout) {
        this.task = TIMER.schedule(() -> {
            fired.set(true);
            try {
                context.close(true);
            } catch (RuntimeException ignored) {
                // the context may already be closing; cancellation is all we need
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean fired() {
        return fired.get();
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
