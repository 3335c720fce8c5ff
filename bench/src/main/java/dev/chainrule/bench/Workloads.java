package dev.chainrule.bench;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The scalar workloads of shared/bench/README.md, each warmed up, timed and checked. Timings are
 * wall-clock per repetition (System.nanoTime); memory is measured in a separate, untimed pass.
 */
final class Workloads {
    /** W5's sizes, as shared/bench/README.md defines it. */
    static final int[] W5_SIZES = {1024, 2048};
    /** Issue 17's cost-of-growth series for W5. */
    static final int[] W5_GROWTH_SIZES = {256, 512, 1024, 2048, 4096};
    /** Issue 17's cost-of-growth series for W2: chain depths. */
    static final int[] W2_GROWTH_DEPTHS = {10_000, 100_000, 1_000_000, 10_000_000};

    private Workloads() {
    }

    /** W1: micrograd's moons demo on the scalar engine, and the hand-written baseline. */
    static Result w1() {
        Moons moons = Moons.load();
        // Warm-up: whole trainings, so every step k sees compiled code.
        for (int r = 0; r < 5; r++) {
            train(new MoonsNn(moons), null);
        }
        Samples steps = new Samples();
        MoonsNn model = null;
        double[] losses = null;
        for (int r = 0; r < 5; r++) {
            model = new MoonsNn(moons);
            double[] l = train(model, steps);
            if (losses != null && l[1] != losses[1]) {
                return new Result("W1", "/step").fail("final loss differs between runs: "
                        + losses[1] + " then " + l[1]);
            }
            losses = l;
        }
        long nodes = Graph.of(model.lastLoss()).size();

        MoonsByHand hand = null;
        for (int r = 0; r < 50; r++) {
            hand = new MoonsByHand(moons);
            trainByHand(hand, null);
        }
        Samples handSteps = new Samples();
        double[] handLosses = null;
        for (int r = 0; r < 50; r++) {
            hand = new MoonsByHand(moons);
            handLosses = trainByHand(hand, handSteps);
        }

        Result res = new Result("W1", "/step").timing(steps)
                .check(losses[1], "final loss (step 99)")
                .put("expected", Moons.FINAL_LOSS)
                .put("step0_loss", losses[0])
                .put("accuracy", model.accuracy())
                .put("nodes_per_step", nodes)
                .approx("hand_median_ms", handSteps.medianMs())
                .approx("hand_p10_ms", handSteps.p10Ms())
                .approx("hand_p90_ms", handSteps.p90Ms())
                .put("hand_final_loss", handLosses[1])
                .approx("engine_to_hand_ratio", steps.medianMs() / handSteps.medianMs());
        if (losses[0] != Moons.STEP0_LOSS) {
            res.fail("step-0 loss " + losses[0] + " is not micrograd's " + Moons.STEP0_LOSS);
        } else if (losses[1] != Moons.FINAL_LOSS) {
            res.fail("final loss " + losses[1] + " is not micrograd's " + Moons.FINAL_LOSS);
        } else if (model.accuracy() != 1.0) {
            res.fail("accuracy " + model.accuracy() + ", expected 1.0");
        } else if (handLosses[1] != Moons.FINAL_LOSS) {
            res.fail("hand-written baseline's final loss " + handLosses[1] + " is not " + Moons.FINAL_LOSS);
        }
        res.target("<= 3 ms/step", steps.medianMs() <= 3);
        return res;
    }

    /** Trains 100 steps from the initial weights; returns {step-0 loss, step-99 loss}. */
    static double[] train(MoonsNn model, Samples timing) {
        return train(model::step, timing);
    }

    /** As {@link #train(MoonsNn, Samples)}, for the hand-written baseline. */
    static double[] trainByHand(MoonsByHand model, Samples timing) {
        return train(model::step, timing);
    }

    /** Runs steps 0..99, timing each one if {@code timing} is given. */
    static double[] train(IntToDoubleFunction step, Samples timing) {
        double first = 0;
        double last = 0;
        for (int k = 0; k < Moons.STEPS; k++) {
            long t0 = System.nanoTime();
            last = step.applyAsDouble(k);
            if (timing != null) {
                timing.add(System.nanoTime() - t0);
            }
            if (k == 0) {
                first = last;
            }
        }
        return new double[] {first, last};
    }

    /** W2: the 1,000,000-deep chain, forward and backward. */
    static Result w2() {
        int depth = DeepChain.DEPTH;
        for (int r = 0; r < 3; r++) {
            DeepChain.run(depth);
        }
        long live0 = Memory.liveHeapBytes();
        long alloc0 = Memory.allocatedBytes();
        DeepChain.Ends ends = DeepChain.run(depth);
        long allocated = Memory.allocatedBytes() - alloc0;
        long retained = Memory.liveHeapBytes() - live0;
        double grad = ends.x0().grad();
        keep(ends.last());
        ends = null;

        Samples times = new Samples();
        for (int r = 0; r < 10; r++) {
            // Each timed repetition starts from a collected heap; see backToBackMs for the rest.
            System.gc();
            long t0 = System.nanoTime();
            DeepChain.Ends e = DeepChain.run(depth);
            times.add(System.nanoTime() - t0);
            if (e.x0().grad() != grad) {
                return new Result("W2", "").fail("gradient differs between runs");
            }
        }
        double steady = backToBackMs(() -> DeepChain.run(depth));
        long nodes = DeepChain.nodeCount(depth);
        Result res = new Result("W2", "").timing(times)
                .approx("back_to_back_mean_ms", steady)
                .check(grad, "dx_1000000/dx0")
                .put("expected", DeepChain.expectedGradient(depth))
                .put("pow_1.000001_1e6", Math.pow(DeepChain.FACTOR, depth))
                .put("nodes", nodes)
                .approx("peak_heap_mb", allocated / 1e6)
                .approx("bytes_per_node", (double) allocated / nodes)
                .approx("retained_mb", retained / 1e6)
                .approx("retained_bytes_per_node", (double) retained / nodes);
        double exact = DeepChain.expectedGradient(depth);
        if (grad != exact) {
            res.fail("gradient " + grad + " is not the product of the chain's factors, " + exact);
        } else if (Math.abs(grad - Math.pow(DeepChain.FACTOR, depth)) > 1e-9 * grad) {
            res.fail("gradient " + grad + " is far from 1.000001^1000000");
        }
        res.target("<= 300 ms and <= 120 bytes/node",
                times.medianMs() <= 300 && (double) allocated / nodes <= 120);
        return res;
    }

    /** W3: Σ a_i·b_i over 1,000,000 pairs, forward and backward. */
    static Result w3() {
        int pairs = WideSum.PAIRS;
        long live0 = Memory.liveHeapBytes();
        long alloc0 = Memory.allocatedBytes();
        WideSum w = new WideSum(pairs, WideSum.SEED);
        Value s = w.run();
        long allocated = Memory.allocatedBytes() - alloc0;
        long retained = Memory.liveHeapBytes() - live0;
        keep(s);
        s = null;
        for (int r = 0; r < 3; r++) {
            w.run();
        }
        Samples times = new Samples();
        for (int r = 0; r < 10; r++) {
            w.clearGrads();
            System.gc();
            long t0 = System.nanoTime();
            w.run();
            times.add(System.nanoTime() - t0);
        }
        double steady = backToBackMs(() -> {
            w.clearGrads();
            w.run();
        });
        double err = w.maxGradientError();
        long nodes = WideSum.nodeCount(pairs);
        Result res = new Result("W3", "").timing(times)
                .approx("back_to_back_mean_ms", steady)
                .check(err, "max |grad - expected|")
                .put("nodes", nodes)
                .approx("peak_heap_mb", allocated / 1e6)
                .approx("bytes_per_node", (double) allocated / nodes)
                .approx("retained_mb", retained / 1e6)
                .approx("retained_bytes_per_node", (double) retained / nodes);
        if (err != 0) {
            res.fail("a gradient differs from its partner leaf by " + err);
        }
        res.target("<= 300 ms and <= 300 MB", times.medianMs() <= 300 && allocated <= 300e6);
        return res;
    }

    /** W1t: the moons demo on tensors, full batch. */
    static Result w1t() {
        Moons moons = Moons.load();
        for (int r = 0; r < 30; r++) {
            train(new MoonsTensor(moons)::step, null);
        }
        Samples steps = new Samples();
        MoonsTensor model = null;
        double[] losses = null;
        for (int r = 0; r < 30; r++) {
            model = new MoonsTensor(moons);
            losses = train(model::step, steps);
        }
        double rel = Math.abs(losses[1] - Moons.FINAL_LOSS) / Moons.FINAL_LOSS;
        Result res = new Result("W1t", "/step").timing(steps)
                .check(losses[1], "final loss (step 99)")
                .put("expected", Moons.FINAL_LOSS)
                .put("relative_difference", rel)
                .put("step0_loss", losses[0])
                .put("accuracy", model.accuracy());
        if (!(rel <= 1e-12)) {
            res.fail("final loss " + losses[1] + " differs from W1's " + Moons.FINAL_LOSS + " by " + rel + " (relative)");
        } else if (model.accuracy() != 1.0) {
            res.fail("accuracy " + model.accuracy() + ", expected 1.0");
        }
        res.target("<= 0.10 ms/step", steps.medianMs() <= 0.10);
        return res;
    }

    /** W4: the 784-256-128-10 MLP training step on a batch of 128. */
    static Result w4() {
        TensorMlp mlp = new TensorMlp(1);
        double first = mlp.step();
        // A long warm-up: the matmul kernel's final C2 code arrives late, after OSR versions.
        for (int r = 0; r < 299; r++) {
            mlp.step();
        }
        Samples steps = new Samples();
        double last = first;
        long cpu0 = Memory.processCpuNanos();
        for (int r = 0; r < 200; r++) {
            long t0 = System.nanoTime();
            last = mlp.step();
            steps.add(System.nanoTime() - t0);
        }
        double cpuMs = (Memory.processCpuNanos() - cpu0) / 1e6 / 200;
        Result res = new Result("W4", "/step").timing(steps)
                .approx("cpu_ms_per_step", cpuMs)
                .check(last, "loss at step 500")
                .put("step0_loss", first);
        if (!(Double.isFinite(last) && last < first)) {
            res.fail("the loss did not fall on a fixed batch: " + first + " then " + last);
        }
        res.target("<= 2.9 ms/step", steps.medianMs() <= 2.9);
        return res;
    }

    /** W5: square float64 matmul at n = 1024 and 2048. */
    static List<Result> w5() {
        return matmul("W5", W5_SIZES);
    }

    /** W5n: the cost of growth, W5 at n = 256 to 4096 (GFLOP/s per size). */
    static List<Result> w5Growth() {
        return matmul("W5n", W5_GROWTH_SIZES);
    }

    /** Size of the untimed products that warm the JIT up before the first size of a series. */
    static final int WARM_UP_SIZE = 1024;

    /**
     * C = A·B at each size: 3 warm-ups, then the median of 10. Before the first size, products
     * at n = {@value #WARM_UP_SIZE} for at least a second, so that the kernel's final C2 code
     * (compiled after OSR versions of its loops) is in place before anything is timed: without
     * them, W5n's n = 256 and 512 measured the JIT's warm-up (a knee that was not the kernel's).
     */
    private static List<Result> matmul(String name, int[] sizes) {
        MatMul warm = new MatMul(WARM_UP_SIZE, 1);
        long end = System.nanoTime() + 1_000_000_000L;
        for (int r = 0; r < 10 || System.nanoTime() < end; r++) {
            warm.run();
        }
        List<Result> out = new ArrayList<>();
        for (int n : sizes) {
            MatMul mm = new MatMul(n, n);
            for (int r = 0; r < 3; r++) {
                mm.run();
            }
            Samples times = new Samples();
            Tensor c = null;
            long cpu0 = Memory.processCpuNanos();
            for (int r = 0; r < 10; r++) {
                long t0 = System.nanoTime();
                c = mm.run();
                times.add(System.nanoTime() - t0);
            }
            double cpuMs = (Memory.processCpuNanos() - cpu0) / 1e6 / 10;
            double err = mm.maxSampledError(c, 64, 7);
            double gflops = Math.round(mm.gflops(times.medianMs()) * 10) / 10.0;
            Result res = new Result(name, "").timing(times)
                    .check(gflops, "GFLOP/s at the median")
                    .put("n", n)
                    .put("gflops", gflops)
                    .approx("gflops_per_cpu_second", mm.gflops(cpuMs))
                    .put("max_relative_error_64_entries", err)
                    .put("threads", Runtime.getRuntime().availableProcessors());
            if (!(err <= 1e-12)) {
                res.fail("matmul entries differ from plain dot products by up to " + err + " (relative)");
            }
            if (name.equals("W5") && n == 1024) {
                res.target(">= 80 GFLOP/s", mm.gflops(times.medianMs()) >= 80);
            }
            out.add(res);
        }
        return out;
    }

    /**
     * W2n: the cost of growth, W2's chain at depths 1e4 to 1e7, as ns per node (forward and
     * backward). Repetitions start from a collected heap, as W2's; small depths repeat more
     * often, so that each median rests on enough time.
     */
    static List<Result> w2Growth() {
        for (int r = 0; r < 3; r++) {
            DeepChain.run(DeepChain.DEPTH);
        }
        List<Result> out = new ArrayList<>();
        for (int depth : W2_GROWTH_DEPTHS) {
            int reps = depth >= 1_000_000 ? 5 : 20;
            DeepChain.Ends first = DeepChain.run(depth);
            double grad = first.x0().grad();
            first = null;
            Samples times = new Samples();
            for (int r = 0; r < reps; r++) {
                System.gc();
                long t0 = System.nanoTime();
                DeepChain.Ends e = DeepChain.run(depth);
                times.add(System.nanoTime() - t0);
                if (e.x0().grad() != grad) {
                    return List.of(new Result("W2n", "").fail("gradient differs between runs at depth " + depth));
                }
            }
            long nodes = DeepChain.nodeCount(depth);
            Result res = new Result("W2n", "").timing(times)
                    .check(grad, "dx_depth/dx0")
                    .put("depth", depth)
                    .put("nodes", nodes)
                    .approx("ns_per_node", times.medianMs() * 1e6 / nodes);
            double exact = DeepChain.expectedGradient(depth);
            if (grad != exact) {
                res.fail("gradient " + grad + " is not the product of the chain's factors, " + exact);
            }
            out.add(res);
        }
        return out;
    }

    /**
     * Mean time of 10 repetitions run back to back with no collection forced between them: the
     * cost per repetition including the collections that copy a live graph (the timed runs
     * start from a collected heap instead, and with a 1 GB young generation none happens inside).
     */
    private static double backToBackMs(Runnable rep) {
        System.gc();
        long t0 = System.nanoTime();
        for (int r = 0; r < 10; r++) {
            rep.run();
        }
        return (System.nanoTime() - t0) / 1e7;
    }

    private static volatile Object sink;

    /** Keeps an object reachable up to here, so that a measurement sees it live. */
    private static void keep(Object o) {
        sink = o;
        sink = null;
    }
}
