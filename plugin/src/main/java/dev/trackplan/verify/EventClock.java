package dev.trackplan.verify;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import org.graalvm.polyglot.HostAccess;

/**
 * Whose code a page view runs, for the {@link EventBudget}: the bundle's runtime or one event's.
 * Only trusted code of the page view holds it: the DOM shim, which takes it off the global object
 * before any page code runs and keeps it in its closure (it notes who registered each listener and
 * runs the listener on that event's clock), and the verification's copy of the bundle, which takes
 * it into a script-level constant of a name the page cannot know (no code can list such constants)
 * and switches the clock at the start of each event's snippet. Each call from the verifier into the
 * page view starts on the runtime's clock ({@link #begin()}); time between such calls (the
 * verifier's own work) is charged to no one.
 *
 * <p>Used by one page view's thread, except {@link #exhausted()}, which the watchdog asks.
 */
public final class EventClock {
    /** The bundle's own runtime (and the verifier's shims): no event's time. */
    static final int RUNTIME = -1;
    private static final int IDLE = -2;

    private final EventBudget budget;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The CPU time of a thread, by its id (the page view's thread asks for its own, the watchdog for it). */
    private final LongUnaryOperator nanos;
    private static final boolean CPU = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    private volatile long thread = -1;
    private int[] owners = new int[8];
    private int depth;
    private volatile int current = IDLE;
    private volatile long since;
    private volatile int exhausted = -1;
    /** Who ran when the last call into the page returned or failed. */
    private volatile int last = IDLE;

    EventClock(EventBudget budget) {
        this(budget, EventClock::cpuTime);
    }

    EventClock(EventBudget budget, LongUnaryOperator nanos) {
        this.budget = budget;
        this.nanos = nanos;
    }

    /** A clock that charges no one: a page view outside a verification run. */
    static EventClock none() {
        return new EventClock(EventBudget.none());
    }

    /** The verifier calls into the page: the runtime's clock runs. */
    void begin() {
        thread = Thread.currentThread().getId();
        depth = 0;
        owners[0] = RUNTIME;
        switchTo(RUNTIME);
    }

    /** The call into the page returned (or failed): what ran last is charged, the clock stops. */
    void end() {
        last = current;
        switchTo(IDLE);
        depth = 0;
    }

    /** The bundle reached the snippet of event {@code index} ({@link #RUNTIME}: past the last one). */
    @HostAccess.Export
    public void at(int index) {
        owners[depth] = valid(index);
        switchTo(owners[depth]);
    }

    /** Who runs now: the shim notes it with each listener registered. */
    @HostAccess.Export
    public int owner() {
        return current < 0 ? RUNTIME : current;
    }

    /** The shim runs a listener registered by {@code index} (or the runtime). */
    @HostAccess.Export
    public void enter(int index) {
        if (++depth == owners.length) {
            owners = Arrays.copyOf(owners, depth * 2);
        }
        owners[depth] = valid(index);
        switchTo(owners[depth]);
    }

    /** The listener returned or threw: back to whoever ran before it. */
    @HostAccess.Export
    public void leave() {
        if (depth > 0) {
            depth--;
        }
        switchTo(owners[depth]);
    }

    private int valid(int index) {
        return index >= 0 && index < budget.size() ? index : RUNTIME;
    }

    private void switchTo(int next) {
        int was = current;
        if (was < 0 && next < 0) {
            current = next; // from the runtime (or idle) to the runtime (or idle): no event's time starts or ends
            return;
        }
        long now = nanos.applyAsLong(thread);
        if (was >= 0 && now >= 0 && budget.charge(was, now - since)) {
            exhaust(was);
        }
        since = now;
        current = next;
    }

    private void exhaust(int index) {
        if (exhausted < 0) {
            exhausted = index;
        }
    }

    /**
     * The event that used up its budget in this page view (counting the call running now), or -1;
     * once one did, the answer stays.
     */
    int exhausted() {
        if (exhausted < 0) {
            int running = current;
            long now = running >= 0 ? nanos.applyAsLong(thread) : -1;
            if (now >= 0 && budget.over(running, now - since)) {
                exhaust(running);
            }
        }
        return exhausted;
    }

    /** The name of the event that used up its budget, or null. */
    String exhaustedEvent() {
        return budget.event(exhausted());
    }

    /**
     * The name of the event whose code was running when the last call into the page returned or
     * failed (the clock's own record, not a guess from the stack), or null for the runtime.
     */
    String lastEvent() {
        return budget.event(last);
    }

    /** The CPU time of thread {@code id}, or its wall-clock time where the JVM cannot measure CPU time. */
    private static long cpuTime(long id) {
        if (!CPU) {
            return System.nanoTime();
        }
        // the page view's own thread asks for itself (cheaper than a look-up by id); -1 for a thread gone
        return id == Thread.currentThread().getId() ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(id);
    }

    /** For tests: the event running now, {@link #RUNTIME}, or -2 when the page view is idle. */
    int running() {
        return current;
    }
}
