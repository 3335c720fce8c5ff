package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongToDoubleFunction;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 FMA rate this JVM reaches with 256- and 512-bit vectors: twelve independent
 * multiply-add chains (enough to cover the FMA latency on two pipes), on one thread and on
 * every core. Only {@link CpuProbe} calls it, after checking that the Vector API is there.
 */
final class FmaPeak {
    private static final long ITERATIONS = 20_000_000;
    private static volatile double sink;

    private FmaPeak() {
    }

    static void measure(Result r) {
        int cores = Runtime.getRuntime().availableProcessors();
        // Twice in turn, keeping each width's best: a burst of load then favours neither width.
        for (int pass = 0; pass < 2; pass++) {
            measure(r, cores, 256, FmaPeak::chains256);
            if (DoubleVector.SPECIES_MAX.vectorBitSize() >= 512) {
                measure(r, cores, 512, FmaPeak::chains512);
            }
        }
    }

    private static void measure(Result r, int cores, int bits, LongToDoubleFunction chains) {
        // Many short calls first, so that C2 compiles the whole method, not only an OSR loop.
        for (int w = 0; w < 20_000; w++) {
            chains.applyAsDouble(100);
        }
        keepBest(r, "fma_gflops_1_thread_" + bits, best(chains, bits / 64, 1));
        keepBest(r, "fma_gflops_" + cores + "_threads_" + bits, best(chains, bits / 64, cores));
    }

    private static void keepBest(Result r, String key, double gflops) {
        if (!(r.get(key) instanceof Number old && old.doubleValue() >= gflops)) {
            r.approx(key, gflops);
        }
    }

    /** The best of three timed rounds on {@code threads} threads, in GFLOP/s (all threads). */
    private static double best(LongToDoubleFunction chains, int lanes, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            double best = 0;
            for (int round = 0; round < 3; round++) {
                List<Callable<Double>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(() -> chains.applyAsDouble(ITERATIONS));
                }
                long t0 = System.nanoTime();
                for (Future<Double> f : pool.invokeAll(work)) {
                    sink += f.get();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, threads * ITERATIONS * 12.0 * 2 * lanes / seconds / 1e9);
            }
            return best;
        } catch (Exception e) {
            return Double.NaN;
        } finally {
            pool.shutdown();
        }
    }

    /** {@code iterations} steps of twelve independent chains c = c·a + b, 256-bit vectors. */
    private static double chains256(long iterations) {
        // The species must be a constant for C2 to turn the vector calls into instructions.
        VectorSpecies<Double> s = DoubleVector.SPECIES_256;
        DoubleVector a = DoubleVector.broadcast(s, 0.999999);
        DoubleVector b = DoubleVector.broadcast(s, 1e-6);
        DoubleVector c0 = DoubleVector.broadcast(s, 1);
        DoubleVector c1 = DoubleVector.broadcast(s, 2);
        DoubleVector c2 = DoubleVector.broadcast(s, 3);
        DoubleVector c3 = DoubleVector.broadcast(s, 4);
        DoubleVector c4 = DoubleVector.broadcast(s, 5);
        DoubleVector c5 = DoubleVector.broadcast(s, 6);
        DoubleVector c6 = DoubleVector.broadcast(s, 7);
        DoubleVector c7 = DoubleVector.broadcast(s, 8);
        DoubleVector c8 = DoubleVector.broadcast(s, 9);
        DoubleVector c9 = DoubleVector.broadcast(s, 10);
        DoubleVector c10 = DoubleVector.broadcast(s, 11);
        DoubleVector c11 = DoubleVector.broadcast(s, 12);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /** {@code iterations} steps of twelve independent chains c = c·a + b, 512-bit vectors. */
    private static double chains512(long iterations) {
        // The species must be a constant for C2 to turn the vector calls into instructions.
        VectorSpecies<Double> s = DoubleVector.SPECIES_512;
        DoubleVector a = DoubleVector.broadcast(s, 0.999999);
        DoubleVector b = DoubleVector.broadcast(s, 1e-6);
        DoubleVector c0 = DoubleVector.broadcast(s, 1);
        DoubleVector c1 = DoubleVector.broadcast(s, 2);
        DoubleVector c2 = DoubleVector.broadcast(s, 3);
        DoubleVector c3 = DoubleVector.broadcast(s, 4);
        DoubleVector c4 = DoubleVector.broadcast(s, 5);
        DoubleVector c5 = DoubleVector.broadcast(s, 6);
        DoubleVector c6 = DoubleVector.broadcast(s, 7);
        DoubleVector c7 = DoubleVector.broadcast(s, 8);
        DoubleVector c8 = DoubleVector.broadcast(s, 9);
        DoubleVector c9 = DoubleVector.broadcast(s, 10);
        DoubleVector c10 = DoubleVector.broadcast(s, 11);
        DoubleVector c11 = DoubleVector.broadcast(s, 12);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(a, b);
            c1 = c1.fma(a, b);
            c2 = c2.fma(a, b);
            c3 = c3.fma(a, b);
            c4 = c4.fma(a, b);
            c5 = c5.fma(a, b);
            c6 = c6.fma(a, b);
            c7 = c7.fma(a, b);
            c8 = c8.fma(a, b);
            c9 = c9.fma(a, b);
            c10 = c10.fma(a, b);
            c11 = c11.fma(a, b);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }
}
