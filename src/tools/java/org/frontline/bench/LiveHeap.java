package org.frontline.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The largest heap in use right after a garbage collection since the last {@link #reset()}: the live set a
 * configuration needed, which is what decides the heap an executor must be given. (The pools' peaks, by
 * contrast, only show how much a JVM that collects lazily let garbage grow.)
 */
final class LiveHeap {
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();
    private static volatile boolean listening;

    private LiveHeap() {
    }

    /** Starts listening to this JVM's collectors (once) and forgets the peak so far. */
    static synchronized void reset() {
        if (!listening) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((n, handback) -> {
                        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                            record(GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()));
                        }
                    }, null, null);
                }
            }
            listening = true;
        }
        PEAK_AFTER_GC.set(0);
    }

    /** The peak of the heap in use after a collection, in MB (0 when no collection ran). */
    static long peakMb() {
        return PEAK_AFTER_GC.get() / (1024 * 1024);
    }

    private static void record(GarbageCollectionNotificationInfo info) {
        long used = 0;
        for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
            used += u.getUsed();
        }
        // Non-heap pools (metaspace, code cache) are in the map too: subtract them, they are not the heap.
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != java.lang.management.MemoryType.HEAP) {
                MemoryUsage u = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (u != null) {
                    used -= u.getUsed();
                }
            }
        }
        PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
    }
}
