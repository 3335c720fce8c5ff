package dev.chainrule.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The matmul helper thread: every chunk runs exactly once whoever takes it, failures reach the
 * caller after all chunks are done, a parked helper takes work again, and concurrent callers
 * never share a job.
 */
class SpinningHelperTest {
    private static final String HELPER = "chainrule-matmul-helper";
    /**
     * Chunks that keep the caller busy long enough (5 × 40 ms after its first) for the helper to
     * be scheduled and take one, even on a loaded machine.
     */
    private static final int BUSY_CHUNKS = 6;
    private static final long BUSY_MS = 40;

    @Test
    void everyChunkRunsExactlyOnce() {
        for (int chunks : new int[] {1, 2, 3, 4, 7}) {
            for (int i = 0; i < 500; i++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(chunks);
                SpinningHelper.get().run(chunks, runs::incrementAndGet);
                for (int q = 0; q < chunks; q++) {
                    assertEquals(1, runs.get(q), "chunk " + q + " of " + chunks + ", call " + i);
                }
            }
        }
    }

    @Test
    void theHelperTakesChunksWhileTheCallerIsBusy() {
        SpinningHelper.get().resetBackOff();
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        SpinningHelper.get().run(BUSY_CHUNKS, q -> {
            threads.add(Thread.currentThread().getName());
            sleep(BUSY_MS);
        });
        assertTrue(threads.contains(HELPER), "the helper took no chunk: " + threads);
        assertTrue(threads.contains(Thread.currentThread().getName()), "the caller took no chunk: " + threads);
    }

    @Test
    void aParkedHelperIsWokenForTheNextJob() {
        sleep(SpinningHelper.SPIN_NANOS / 1_000_000 + 50);
        SpinningHelper.get().resetBackOff();
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        SpinningHelper.get().run(BUSY_CHUNKS, q -> {
            threads.add(Thread.currentThread().getName());
            sleep(BUSY_MS);
        });
        assertTrue(threads.contains(HELPER), "the parked helper took no chunk: " + threads);
    }

    @Test
    void theHelperIsADaemon() {
        SpinningHelper.get().resetBackOff();
        Thread[] helper = new Thread[1];
        SpinningHelper.get().run(BUSY_CHUNKS, q -> {
            if (Thread.currentThread().getName().equals(HELPER)) {
                helper[0] = Thread.currentThread();
            }
            sleep(BUSY_MS);
        });
        assertTrue(helper[0] != null && helper[0].isDaemon(), "the helper must not keep a JVM alive");
    }

    @Test
    void afterABackOffTheCallerComputesAloneUntilItEnds() {
        SpinningHelper.get().backOff();
        Set<String> threads = Collections.synchronizedSet(new HashSet<>());
        SpinningHelper.get().run(4, q -> {
            threads.add(Thread.currentThread().getName());
            sleep(10);
        });
        assertEquals(Set.of(Thread.currentThread().getName()), threads, "a job shared while backing off");
        sleep(SpinningHelper.BACK_OFF_NANOS / 1_000_000 + 20);
        threads.clear();
        SpinningHelper.get().run(BUSY_CHUNKS, q -> {
            threads.add(Thread.currentThread().getName());
            sleep(BUSY_MS);
        });
        assertTrue(threads.contains(HELPER), "the back-off did not end: " + threads);
    }

    @Test
    void aHelperChunkTwiceAsLongAsTheCallersMeanIsADelay() {
        // The caller's 3 chunks took 300 µs in all (100 µs each): the limit is 2 × 100 + 20 µs.
        assertTrue(SpinningHelper.delayed(221_000, 300_000, 3));
        assertTrue(!SpinningHelper.delayed(219_000, 300_000, 3));
        assertTrue(!SpinningHelper.delayed(0, 300_000, 3), "the helper took no chunk");
        assertTrue(!SpinningHelper.delayed(5_000_000, 0, 0), "the caller took no chunk");
    }

    @Test
    void aFailedChunkIsThrownToTheCallerAfterTheOthersRan() {
        for (int failing = 0; failing < 4; failing++) {
            int bad = failing;
            AtomicIntegerArray runs = new AtomicIntegerArray(4);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SpinningHelper.get().run(4, q -> {
                runs.incrementAndGet(q);
                sleep(5);
                if (q == bad) {
                    throw new IllegalStateException("chunk " + q + " failed");
                }
            }));
            assertEquals("chunk " + bad + " failed", e.getMessage());
            for (int q = 0; q < 4; q++) {
                assertEquals(1, runs.get(q), "chunk " + q);
            }
        }
        // Still usable afterwards.
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        SpinningHelper.get().run(3, runs::incrementAndGet);
        assertEquals("[1, 1, 1]", runs.toString());
    }

    @Test
    void concurrentCallersEachGetTheirOwnChunksRunOnce() throws InterruptedException {
        int callers = 4;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < callers; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    int chunks = 1 + (i + id) % 5;
                    int[] runs = new int[chunks];
                    SpinningHelper.get().run(chunks, q -> {
                        synchronized (runs) {
                            runs[q]++;
                        }
                    });
                    synchronized (runs) {
                        for (int q = 0; q < chunks; q++) {
                            if (runs[q] != 1) {
                                throw new AssertionError("caller " + id + ": chunk " + q + " ran " + runs[q] + " times");
                            }
                        }
                    }
                }
            });
            th.setUncaughtExceptionHandler((x, e) -> failures.add(e));
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(List.of(), failures);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
