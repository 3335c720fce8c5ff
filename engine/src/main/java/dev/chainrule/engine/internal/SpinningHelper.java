package dev.chainrule.engine.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A second thread for mid-sized matrix products (a training step's, 1 to 33 million
 * multiply-adds). A product is cut into a few chunks (bands of columns or rows of C), and the
 * caller and the helper each take the next chunk until none is left. After a job the helper
 * spins for {@link #SPIN_NANOS} before it parks, so the products of one training step, which
 * follow each other within tens of microseconds, find it awake: a pool that parks at once made
 * each product wake an idle virtual CPU, which cost more than the second core saved (W4 ran
 * 3.0–4.3 ms a step on it, against 2.0 on one thread).
 *
 * <p>The caller never waits for a helper that has not started: chunks are taken, not assigned,
 * so if the helper is parked or its CPU is busy with another process, the caller computes the
 * chunks itself and waits only for the chunk the helper is in. When a chunk shows that the
 * helper lost its CPU in the middle of it, callers compute alone for {@link #BACK_OFF_NANOS}.
 * One job at a time: while the helper serves one caller, {@link #run} computes another caller's
 * chunks on that caller alone.
 */
final class SpinningHelper {
    /**
     * How long the helper spins after a job, waiting for the next one, before it parks: longer
     * than the gaps between the products of a training step's forward or backward pass (an
     * activation or a bias gradient takes ~10–50 µs), and short, because a spinning thread takes a
     * CPU that other work on a loaded machine (or this program's own thread) could use.
     */
    static final long SPIN_NANOS = 100_000;
    /** How often a caller waiting for the helper's last chunk spins before it yields its CPU. */
    private static final int SPINS_BEFORE_YIELD = 1 << 12;

    /** One product's chunks, taken by whichever thread asks first. */
    private static final class Job {
        final int chunks;
        final IntConsumer chunk;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(int chunks, IntConsumer chunk) {
            this.chunks = chunks;
            this.chunk = chunk;
        }

        /** Wall time of the caller's chunks, and how many it took. */
        long callerNanos;
        int callerChunks;
        /** The longest wall time of one of the helper's chunks. */
        volatile long helperLongest;

        /** Computes chunks until none is left to take; {@code helper} says who is calling. */
        void work(boolean helper) {
            int i;
            while ((i = next.getAndIncrement()) < chunks) {
                long t0 = System.nanoTime();
                try {
                    chunk.accept(i);
                } catch (RuntimeException | Error e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    long t = System.nanoTime() - t0;
                    if (helper) {
                        helperLongest = Math.max(helperLongest, t);
                    } else {
                        callerNanos += t;
                        callerChunks++;
                    }
                    done.incrementAndGet();
                }
            }
        }

        /**
         * Whether the helper's chunk took much longer than the caller's chunks of the same size:
         * then the helper lost its CPU in the middle of it (another process, or the caller's own
         * thread, ran there), and the caller waited for it.
         */
        boolean helperWasDelayed() {
            return delayed(helperLongest, callerNanos, callerChunks);
        }
    }

    /**
     * How long the caller computes alone after the helper was delayed in a chunk
     * ({@link Job#helperWasDelayed}): on a machine whose CPUs are busy with other processes, a
     * thread that spins takes CPU time from the one that works, and a chunk the helper started
     * can keep the caller waiting for a time slice. Measured interleaved in one JVM at load 4.7
     * to 5 (before this back-off): W4's median 1.95 ms on one thread, 2.44 ms shared.
     */
    static final long BACK_OFF_NANOS = 50_000_000;
    /** Slack in {@link Job#helperWasDelayed}: differences of a few cache misses are not delays. */
    private static final long DELAY_SLACK_NANOS = 20_000;

    /**
     * Whether a helper's chunk of {@code longest} ns was delayed, against the caller's
     * {@code callerChunks} chunks of {@code callerNanos} ns in all: more than twice as long as the
     * caller's mean, plus {@link #DELAY_SLACK_NANOS}. No chunk on either side is no evidence.
     */
    static boolean delayed(long longest, long callerNanos, int callerChunks) {
        return longest > 0 && callerChunks > 0 && longest > 2 * (callerNanos / callerChunks) + DELAY_SLACK_NANOS;
    }

    /** Stops sharing for {@link #BACK_OFF_NANOS}, as a delayed chunk does. */
    void backOff() {
        backOffSince = System.nanoTime();
    }

    /** Shares the next job whatever happened before (for tests, which need the helper in each). */
    void resetBackOff() {
        backOffSince = System.nanoTime() - BACK_OFF_NANOS;
    }

    private final AtomicReference<Job> current = new AtomicReference<>();
    /** When the helper was last found delayed; {@link #run} shares no job for {@link #BACK_OFF_NANOS} after. */
    private volatile long backOffSince = System.nanoTime() - BACK_OFF_NANOS;
    private volatile boolean parked;
    private final Thread thread;

    private static final class Holder {
        static final SpinningHelper INSTANCE = new SpinningHelper();
    }

    /** {@return the helper, started on first use (a daemon thread)} */
    static SpinningHelper get() {
        return Holder.INSTANCE;
    }

    private SpinningHelper() {
        thread = new Thread(this::loop, "chainrule-matmul-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Calls {@code chunk} once for each of {@code 0 .. chunks-1}, on this thread and on the helper
     * (if it is free and takes some), and returns when all have returned. The first failure of
     * any chunk is thrown here, after all chunks are done.
     */
    void run(int chunks, IntConsumer chunk) {
        Job job = new Job(chunks, chunk);
        boolean shared = System.nanoTime() - backOffSince >= BACK_OFF_NANOS && current.compareAndSet(null, job);
        if (shared && parked) {
            LockSupport.unpark(thread);
        }
        job.work(false);
        if (shared) {
            // Only chunks the helper has already started can be left: wait for those.
            int spins = 0;
            while (job.done.get() < chunks) {
                if (++spins < SPINS_BEFORE_YIELD) {
                    Thread.onSpinWait();
                } else {
                    // The helper may have lost its CPU to another process, or share ours: let it run.
                    Thread.yield();
                }
            }
            current.set(null);
            if (job.helperWasDelayed()) {
                backOff();
            }
        }
        Throwable t = job.failure;
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    /** The helper's loop: work on posted jobs, spin for {@link #SPIN_NANOS} after each, then park. */
    private void loop() {
        Job last = null;
        long idleSince = System.nanoTime();
        while (true) {
            Job job = current.get();
            if (job != null && job != last) {
                last = job;
                job.work(true);
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                // Set before the job slot is read again: a caller that posts after that read sees
                // the flag and unparks; a job posted before it is seen here.
                parked = true;
                Job waiting = current.get();
                if (waiting == null || waiting == last) {
                    LockSupport.park(this);
                }
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
