package dev.chainrule.bench;

import dev.chainrule.engine.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the scalar workloads W1, W2 and W3 (run with {@code bench/run jmh Scalar}).
 * They call the same code as the workload runner; the runner adds the correctness checks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms3g", "-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class ScalarBenchmarks {

    /** W1's model on the engine and its step counter; fresh initial weights every 100 steps. */
    @State(Scope.Thread)
    public static class MoonsState {
        private final Moons moons = Moons.load();
        MoonsNn model;
        int k;

        /** Starts from micrograd's initial weights. */
        @Setup(Level.Iteration)
        public void reset() {
            model = new MoonsNn(moons);
            k = 0;
        }

        double step() {
            if (k == Moons.STEPS) {
                reset();
            }
            return model.step(k++);
        }
    }

    /** W1's hand-written model and its step counter, as {@link MoonsState}. */
    @State(Scope.Thread)
    public static class HandState {
        private final Moons moons = Moons.load();
        MoonsByHand model;
        int k;

        /** Starts from micrograd's initial weights. */
        @Setup(Level.Iteration)
        public void reset() {
            model = new MoonsByHand(moons);
            k = 0;
        }

        double step() {
            if (k == Moons.STEPS) {
                reset();
            }
            return model.step(k++);
        }
    }

    /** W3's leaves, made once. */
    @State(Scope.Thread)
    public static class WideState {
        WideSum sum;

        /** Makes the 2,000,000 leaves. */
        @Setup(Level.Trial)
        public void make() {
            sum = new WideSum(WideSum.PAIRS, WideSum.SEED);
        }
    }

    /**
     * W1: one step of the moons demo with nn's MLP on the scalar engine (zero grads, forward,
     * backward, SGD update).
     *
     * @param s the model
     * @return the step's loss
     */
    @Benchmark
    public double w1Step(MoonsState s) {
        return s.step();
    }

    /**
     * W1 by hand: the same step as plain loops over double arrays, for the engine/hand ratio.
     *
     * @param s the model
     * @return the step's loss
     */
    @Benchmark
    public double w1StepByHand(HandState s) {
        return s.step();
    }

    /**
     * W2: the 1,000,000-deep chain, forward and backward.
     *
     * @return the chain's last node
     */
    @Benchmark
    public Value w2DeepChain() {
        return DeepChain.run(DeepChain.DEPTH).last();
    }

    /**
     * W3: Σ a_i·b_i over 1,000,000 pairs, forward and backward.
     *
     * @param s the leaves
     * @return the sum node
     */
    @Benchmark
    public Value w3WideSum(WideState s) {
        s.sum.clearGrads();
        return s.sum.run();
    }
}
