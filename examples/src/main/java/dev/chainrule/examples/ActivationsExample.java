package dev.chainrule.examples;

import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The material's activation functions: sigmoid, tanh, ReLU and Gaussian (the 2×2 plot, each with
 * its derivative), plus leaky ReLU and identity; then Tutorial 6's threshold activations,
 * Step(x) = 1 if x ≥ 0, else 0 and Sign(x) = 1 if x ≥ 0, else −1, beside the engine's ops:
 * {@code step} is the material's Step, {@code bipolar_step} its Sign, and {@code sign} is signum
 * (0 at 0, as in mathematics and PyTorch). Values and derivatives come from the engine: each
 * derivative is the grad that {@code backward()} leaves on the input. Pictures: the 2×2 grid
 * (activations.png/.svg), leaky-relu, identity and bipolar-step, each curve with its derivative.
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

    /**
     * Tutorial 6's threshold activations, each with the material's definition and the engine op
     * that computes it; signum last, for contrast.
     */
    static final List<Activation> THRESHOLDS = List.of(
            new Activation("step", Value::step),
            new Activation("bipolar_step", v -> OpRegistry.get("bipolar_step").apply(v)),
            new Activation("sign", Value::sign));

    /** The points the printed table samples. */
    static final double[] POINTS = {-2, -1, -0.5, 0, 0.5, 1, 2};

    @Override
    public String name() {
        return "activations";
    }

    @Override
    public String summary() {
        return "sigmoid, tanh, ReLU, Gaussian, leaky ReLU, identity, and the material's Step and"
                + " Sign, with their derivatives";
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
        out.println("Tutorial 6's threshold activations and the engine's ops:");
        out.println("  Step(x) = 1 if x ≥ 0, else 0    is step");
        out.println("  Sign(x) = 1 if x ≥ 0, else −1   is bipolar_step; the engine's sign is signum,"
                + " 0 at 0 (as in mathematics and PyTorch)");
        for (Activation f : THRESHOLDS) {
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
        double atZero = Program.parse("x = 0; y = bipolar_step(x) - sign(x)").evaluate(Map.of())
                .output().data();
        out.println("In programs too: at x = 0, bipolar_step(x) − sign(x) = " + Format.plain(atZero));
        Pictures.chart(out, Charts.activations(), outDir, "activations");
        Pictures.chart(out, Charts.activation("leaky ReLU (slope 0.01)", v -> v.leakyRelu(0.01)),
                outDir, "leaky-relu");
        Pictures.chart(out, Charts.activation("identity"), outDir, "identity");
        Pictures.chart(out, Charts.activation("bipolar_step"), outDir, "bipolar-step");
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/activations}. */
    public static void main(String... args) throws IOException {
        Examples.main("activations");
    }
}
