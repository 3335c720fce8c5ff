package dev.chainrule.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Memory and CPU-time figures of a workload, taken outside the timed runs.
 *
 * <p>{@link #allocatedBytes()} counts every byte this thread allocated, garbage included, as if no
 * collection ever ran: the workload's heap use can never exceed it, so it is the peak heap figure
 * we report. {@link #liveHeapBytes()} is the heap in use after a full collection, for the graph's
 * retained size.
 */
final class Memory {
    private static final MemoryMXBean HEAP = ManagementFactory.getMemoryMXBean();

    private Memory() {
    }

    /** Bytes allocated so far by the current thread. */
    static long allocatedBytes() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
    }

    /**
     * CPU time used so far by the whole JVM, all threads, in nanoseconds. On a loaded machine,
     * work per CPU-second shows what wall-clock time cannot.
     */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Heap in use after asking for full collections until it settles. */
    static long liveHeapBytes() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = HEAP.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
