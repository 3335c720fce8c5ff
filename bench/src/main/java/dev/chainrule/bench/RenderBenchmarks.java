package dev.chainrule.bench;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.RenderEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded Graphviz (WebAssembly on Chicory), with no native dot involved: how long the
 * first picture takes in a fresh JVM, and a warm render of a 50-node graph
 * ({@code bench/run jmh Render}; issue 12's targets: 0.5 s and 30 ms).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RenderBenchmarks {
    private static final GraphStyle EMBEDDED = GraphStyle.builder().engine(RenderEngine.EMBEDDED).build();

    private Graph chainRule;
    private Graph fiftyNodes;

    /** The README's f = (x + y)·z, and a 50-value graph (25 inputs, 24 products, a tanh). */
    @Setup
    public void graphs() {
        Value x = Value.of(-2, "x");
        Value y = Value.of(5, "y");
        Value z = Value.of(-4, "z");
        Value f = x.add(y).label("q").mul(z).label("f");
        f.backward();
        chainRule = Graph.of(f);
        Value v = Value.of(0.5, "x0");
        for (int i = 1; i < 25; i++) {
            v = v.mul(Value.of(1 + i / 100.0, "x" + i)).label("p" + i);
        }
        Value out = v.tanh().label("out");
        out.backward();
        fiftyNodes = Graph.of(out);
        if (fiftyNodes.size() != 50) {
            throw new IllegalStateException("expected 50 nodes, got " + fiftyNodes.size());
        }
    }

    /**
     * In-process cold start: from a fresh JVM (classes loaded, nothing of Graphviz yet) to the
     * first SVG, one shot in each of ten JVMs.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(10)
    public String coldFirstSvg() {
        return GraphRenderer.svg(chainRule, EMBEDDED);
    }

    /**
     * A warm render of the 50-node graph: DOT, layout in WebAssembly, SVG clean-up, with the
     * JVM's default flags. Graphviz's busiest functions compile to methods above HotSpot's 8,000
     * byte limit for JIT compilation, so they stay in the bytecode interpreter here.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public String warmFiftyNodes() {
        return GraphRenderer.svg(fiftyNodes, EMBEDDED);
    }

    /**
     * The same warm render in a JVM started with {@code -XX:-DontCompileHugeMethods}, as
     * {@code chainrule studio} is: the large generated methods are JIT-compiled too.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 8, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
    public String warmFiftyNodesHugeMethodsCompiled() {
        return GraphRenderer.svg(fiftyNodes, EMBEDDED);
    }
}
