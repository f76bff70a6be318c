package dev.trackplan.verify;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The time each event's own code may take over a whole verification, shared by all the page
 * views and examples that run it ({@code verifyEventBudget}), on top of each page view's own
 * {@code verifyTimeout}: code that finishes in every page view but is heavy adds up here. Time is
 * charged by the page views' {@link EventClock}s (wall-clock, while the event's snippet or a
 * listener it registered runs); events are numbered by their snippet's place in the bundle.
 */
final class EventBudget {
    private final List<String> events;
    private final long budgetNanos;
    private final AtomicLongArray spent;
    /** Events already reported (for this budget or another failure): no longer checked. */
    private final AtomicIntegerArray retired;

    EventBudget(List<String> events, Duration budget) {
        this.events = List.copyOf(events);
        this.budgetNanos = budget.toNanos();
        this.spent = new AtomicLongArray(events.size());
        this.retired = new AtomicIntegerArray(events.size());
    }

    /** A budget nothing is charged to (page views outside a verification run). */
    static EventBudget none() {
        return new EventBudget(List.of(), Duration.ofDays(1));
    }

    int size() {
        return events.size();
    }

    /** The event with this number, or null for the runtime or an unknown number. */
    String event(int index) {
        return index >= 0 && index < events.size() ? events.get(index) : null;
    }

    int index(String event) {
        return events.indexOf(event);
    }

    /** Adds {@code nanos} of the event's code; true when that takes it over its budget. */
    boolean charge(int index, long nanos) {
        if (index < 0 || index >= events.size()) {
            return false;
        }
        return spent.addAndGet(index, Math.max(0, nanos)) > budgetNanos && retired.get(index) == 0;
    }

    /** Whether the event is over its budget counting {@code runningNanos} of a call not yet charged. */
    boolean over(int index, long runningNanos) {
        return index >= 0 && index < events.size() && retired.get(index) == 0
                && spent.get(index) + Math.max(0, runningNanos) > budgetNanos;
    }

    /** The event was reported: its code no longer runs, so it is no longer checked. */
    void retire(String event) {
        int i = index(event);
        if (i >= 0) {
            retired.set(i, 1);
        }
    }

    long spentNanos(int index) {
        return spent.get(index);
    }

    /** The budget in seconds, as the message says it ("60", "0.25"). */
    String seconds() {
        return BigDecimal.valueOf(budgetNanos / 1_000_000, 3).stripTrailingZeros().toPlainString();
    }
}
