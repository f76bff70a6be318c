package dev.trackplan.js;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * How much of the heap is really in use: the heap as the last garbage collection left it (what
 * survived it), not {@code totalMemory - freeMemory}, which counts garbage not yet collected and so
 * reads "nearly full" on a healthy heap between two collections. Every collection reports what it
 * left; the reading carries the collection's sequence number, so a caller can ask for a reading taken
 * after a given moment (a stale one, from before the heap was freed, stops nothing).
 */
final class LiveHeap {
    private static final AtomicLong COLLECTIONS = new AtomicLong();
    private static volatile long liveBytes;
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private static final boolean LISTENING = listen();

    private LiveHeap() {}

    private static boolean listen() {
        boolean any = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((n, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        collected(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData())
                                .getGcInfo().getMemoryUsageAfterGc());
                    }
                }, null, null);
                any = true;
            }
        }
        return any;
    }

    private static void collected(Map<String, MemoryUsage> after) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : after.entrySet()) {
            if (HEAP_POOLS.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        liveBytes = used;
        COLLECTIONS.incrementAndGet();
    }

    /** How many collections have reported so far: a mark to ask {@link #nearlyFullSince} from. */
    static long mark() {
        return COLLECTIONS.get();
    }

    /**
     * Whether a collection after {@code mark} left the heap above {@code fraction} of its maximum
     * (and it is still that full now). Without collection notifications (an unusual JVM), the heap
     * as it is now.
     */
    static boolean nearlyFullSince(long mark, double fraction) {
        Runtime rt = Runtime.getRuntime();
        long limit = (long) (rt.maxMemory() * fraction);
        long now = rt.totalMemory() - rt.freeMemory();
        if (!LISTENING) {
            return now > limit;
        }
        return COLLECTIONS.get() > mark && liveBytes > limit && now > limit;
    }
}
