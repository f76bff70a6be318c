package dev.trackplan.js;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Context;

/**
 * Wall-clock and memory limits for one context: it cancels the running guest code with
 * {@code close(true)} after the timeout, or earlier when the JVM's heap is nearly exhausted (the
 * CONSTRAINED sandbox has no heap limit of its own, and an allocating loop must not take the Maven
 * JVM down with it). The statement limit alone does not stop work inside builtins
 * ({@code "x".repeat(1e8)} in a loop); this does.
 */
public final class Watchdog implements AutoCloseable {
    /** Why the watchdog stopped the code, if it did. */
    public enum Reason { NONE, TIMEOUT, MEMORY, SUPERSEDED, BUDGET }

    private static final long PERIOD_MILLIS = 25;
    private static final double MEMORY_LIMIT = 0.85;
    private static final long INTERRUPT_MILLIS = 500;
    /** Short: the code keeps allocating while it is being interrupted. */
    private static final long MEMORY_INTERRUPT_MILLIS = 100;
    private static final ExecutorService STOPPER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trackplan-js-stopper");
        t.setDaemon(true);
        return t;
    });
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trackplan-js-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> task;
    private final Context context;
    private volatile Reason reason = Reason.NONE;
    /** The caller's code runs in the context now ({@link #guestRunning(boolean)}). */
    private volatile boolean guestRunning;
    /** A stop is being carried out on the stopper thread. */
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    private volatile long deadline;
    /** Only collections after this one say anything about this context's memory. */
    private final long collections = LiveHeap.mark();

    public Watchdog(Context context, Duration timeout) {
        this(context, timeout, () -> false);
    }

    /**
     * As {@link #Watchdog(Context, Duration)}, and stops the code when {@code overBudget} says so
     * (a time budget of the caller's, spanning several contexts).
     */
    public Watchdog(Context context, Duration timeout, BooleanSupplier overBudget) {
        this.context = context;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.task = TIMER.scheduleAtFixedRate(() -> {
            if (reason != Reason.NONE) {
                if (guestRunning) {
                    stop(); // stopped while no code ran (an interrupt then finds nothing to stop): again, now it runs
                }
                return;
            }
            Reason r = System.nanoTime() - deadline >= 0 ? Reason.TIMEOUT : overBudget.getAsBoolean() ? Reason.BUDGET
                    : heapNearlyFull() ? Reason.MEMORY : Reason.NONE;
            if (r != Reason.NONE) {
                stop(r);
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void stop(Reason r) {
        if (reason == Reason.NONE) {
            reason = r;
            stop();
        }
    }

    /** Interrupts (else cancels) the code on the stopper thread, unless a stop is under way there. */
    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            long grace = reason != Reason.MEMORY ? INTERRUPT_MILLIS : MEMORY_INTERRUPT_MILLIS;
            STOPPER.execute(() -> {
                try {
                    interruptOrCancel(context, grace);
                } finally {
                    stopping.set(false);
                }
            });
        }
    }

    /**
     * Tells the watchdog whether the caller's code runs in the context now (between two calls into
     * it, nothing does). A stop that came while nothing ran is repeated once code runs again, so a
     * page view stopped in between cannot go on unstopped. Returns the value it replaces.
     */
    public boolean guestRunning(boolean running) {
        boolean was = guestRunning;
        guestRunning = running;
        return was;
    }

    /**
     * An interrupt stops the code where it runs, so its exception carries the guest stack (which
     * snippet looped); cancelling is the fallback when the code does not reach a safepoint soon.
     */
    private static void interruptOrCancel(Context context, long graceMillis) {
        try {
            context.interrupt(Duration.ofMillis(graceMillis));
        } catch (TimeoutException | RuntimeException e) {
            cancel(context);
        }
    }

    private static void cancel(Context context) {
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // the context may already be closing; cancellation is all we need
        }
    }

    /**
     * Whether the JVM's heap is nearly exhausted by live data: a garbage collection since this
     * watchdog started left it above the limit. Garbage not yet collected does not count (a page
     * view that merely allocates a lot is not stopped), nor does a reading from before this
     * context ran (the heap of a context stopped earlier is garbage by now).
     */
    boolean heapNearlyFull() {
        return LiveHeap.nearlyFullSince(collections, MEMORY_LIMIT);
    }

    /** Stops the code now: its result is no longer wanted (the caller runs it again). */
    public void stopNow() {
        stop(Reason.SUPERSEDED);
    }

    /** Starts the time over (after the page's set-up, which is the verifier's, not the page code's). */
    public void restart(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
    }

    public boolean fired() {
        return reason != Reason.NONE;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
