package dev.trackplan.css;

import java.time.Duration;

/**
 * A point in time after which Java-side work driven by user input (selector matching) stops: long
 * loops call {@link #check()}, which throws {@link Exceeded} once the time is up. The GraalJS
 * watchdog cannot interrupt host code, so host code interrupts itself.
 */
public final class Deadline {
    /** No limit: for work whose cost is already bounded by its input's size. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long nanos;

    private Deadline(long nanos) {
        this.nanos = nanos;
    }

    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos());
    }

    /** Thrown by {@link #check()} once the deadline has passed. */
    public static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("the time for the verification is up", null, false, false);
        }
    }

    public boolean expired() {
        return this != NONE && System.nanoTime() - nanos >= 0;
    }

    public void check() {
        if (expired()) {
            throw new Exceeded();
        }
    }

    /** The time left, never negative. */
    public Duration remaining() {
        return this == NONE ? Duration.ofDays(1) : Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }
}
