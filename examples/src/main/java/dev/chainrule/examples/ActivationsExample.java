package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import dev.chainrule.viz.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The material's activation functions: sigmoid, tanh, ReLU and Gaussian (the 2×2 plot, each with
 * its derivative), plus leaky ReLU and identity. Values and derivatives come from the engine:
 * each derivative is the grad that {@code backward()} leaves on the input. Pictures: the 2×2 grid
 * (activations.png/.svg), leaky-relu and identity, each curve with its derivative.
 */
public final class ActivationsExample implements Example {

    /** An activation as the material names it, and how the engine applies it. */
    record Activation(String name, UnaryOperator<Value> apply) {
    }

    /** The four of the 2×2 plot, then leaky ReLU (slope 0.01) and identity. */
    static final List<Activation> ACTIVATIONS = List.of(
            new Activation("sigmoid", Value::sigmoid),
            new Activation("tanh", Value::tanh),
            new Activation("relu", Value::relu),
            new Activation("gaussian", Value::gaussian),
            new Activation("leaky relu", v -> v.leakyRelu(0.01)),
            new Activation("identity", Value::identity));

    /** The points the printed table samples. */
    static final double[] POINTS = {-2, -1, -0.5, 0, 0.5, 1, 2};

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public String summary() {
        return "sigmoid, tanh, ReLU, Gaussian, leaky ReLU and identity with their derivatives";
    }

    /** f(x) and f′(x) by the engine: {value, derivative}. */
    static double[] valueAndDerivative(Activation f, double x) {
        Value in = Value.of(x, "x");
        Value y = f.apply().apply(in);
        y.backward();
        return new double[] {y.data(), in.grad()};
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        StringBuilder header = new StringBuilder(String.format("%-12s", "x"));
        for (double x : POINTS) {
            header.append(String.format("%9s", Format.plain(x)));
        }
        out.println(header);
        for (Activation f : ACTIVATIONS) {
            StringBuilder values = new StringBuilder(String.format("%-12s", f.name()));
            StringBuilder slopes = new StringBuilder(String.format("%-12s", "  derivative"));
            for (double x : POINTS) {
                double[] vd = valueAndDerivative(f, x);
                values.append(String.format("%9s", Format.fixed(vd[0], 4)));
                slopes.append(String.format("%9s", Format.fixed(vd[1], 4)));
            }
            out.println(values);
            out.println(slopes);
        }
        Pictures.chart(out, Charts.activations(), outDir, "activations");
        Pictures.chart(out, Charts.activation("leaky ReLU (slope 0.01)", v -> v.leakyRelu(0.01)),
                outDir, "leaky-relu");
        Pictures.chart(out, Charts.activation("identity"), outDir, "identity");
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/activations}. */
    public static void main(String... args) throws IOException {
        Examples.main("activations");
    }
}
