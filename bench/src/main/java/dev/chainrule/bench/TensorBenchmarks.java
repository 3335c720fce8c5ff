package dev.chainrule.bench;

import dev.chainrule.engine.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the tensor workloads W1t, W4 and W5 (run with {@code bench/run jmh Tensor}).
 * They call the same code as the workload runner; the runner adds the correctness checks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms3g", "-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class TensorBenchmarks {

    /** W1t's model and step counter; a fresh model from the initial weights every 100 steps. */
    @State(Scope.Thread)
    public static class MoonsState {
        private final Moons moons = Moons.load();
        MoonsTensor model;
        int k;

        /** Starts from micrograd's initial weights. */
        @Setup(Level.Iteration)
        public void reset() {
            model = new MoonsTensor(moons);
            k = 0;
        }
    }

    /** W4's network and batch. */
    @State(Scope.Thread)
    public static class MlpState {
        TensorMlp mlp;

        /** Makes the seeded network and batch. */
        @Setup(Level.Trial)
        public void make() {
            mlp = new TensorMlp(1);
        }
    }

    /** W5's matrices. */
    @State(Scope.Thread)
    public static class MatMulState {
        /** The matrices' size. */
        @Param({"1024", "2048"})
        public int n;
        MatMul mm;

        /** Makes the seeded matrices. */
        @Setup(Level.Trial)
        public void make() {
            mm = new MatMul(n, n);
        }
    }

    /**
     * W1t: one step of the moons demo on tensors.
     *
     * @param s the model
     * @return the step's loss
     */
    @Benchmark
    public double w1tStep(MoonsState s) {
        if (s.k == Moons.STEPS) {
            s.reset();
        }
        return s.model.step(s.k++);
    }

    /**
     * W4: one training step of the 784-256-128-10 MLP on a batch of 128.
     *
     * @param s the network
     * @return the step's loss
     */
    @Benchmark
    public double w4Step(MlpState s) {
        return s.mlp.step();
    }

    /**
     * W5: C = A·B.
     *
     * @param s the matrices
     * @return C
     */
    @Benchmark
    public Tensor w5MatMul(MatMulState s) {
        return s.mm.run();
    }
}
