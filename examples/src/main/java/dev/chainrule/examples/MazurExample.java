package dev.chainrule.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 2-2-2 sigmoid network with biases worked by hand in Matt Mazur's "A Step by Step
 * Backpropagation Example": one update at η = 0.5 (E 0.298371109 → 0.291027774), then 10,000
 * updates (E ≈ 3.5102e−5, outputs ≈ 0.015913 and 0.984064).
 */
public final class MazurExample implements Example {

    static final double ETA = 0.5;
    static final int STEPS = 10_000;

    /** The numbers the example prints. */
    record Result(double outH1, double outH2, double outO1, double outO2, double errorBefore,
            double[] gradients, double[] weightsAfterOneStep, double errorAfterOneStep,
            double errorAfterAllSteps, double out1AfterAllSteps, double out2AfterAllSteps) {
    }

    @Override
    public String name() {
        return "mazur-2-2-2";
    }

    @Override
    public String summary() {
        return "Mazur's 2-2-2 sigmoid network with biases: one backprop step, then 10,000";
    }

    /** The network at its starting weights: i = (0.05, 0.10), targets 0.01 and 0.99. */
    static SigmoidNet222 network() {
        return new SigmoidNet222(0.05, 0.10,
                new double[] {0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55},
                new double[] {0.35, 0.60}, 0.01, 0.99, ETA);
    }

    /** Runs the forward pass, one update, and the remaining updates up to {@link #STEPS}. */
    static Result compute() {
        SigmoidNet222 net = network();
        double outH1 = net.outH1.data();
        double outH2 = net.outH2.data();
        double outO1 = net.outO1.data();
        double outO2 = net.outO2.data();
        double before = net.eTotal.data();
        net.backward();
        double[] grads = new double[8];
        for (int k = 1; k <= 8; k++) {
            grads[k - 1] = net.w(k).grad();
        }
        net.step();
        double[] afterOne = net.weights();
        double errorAfterOne = net.eTotal.data();
        for (int s = 1; s < STEPS; s++) {
            net.step();
        }
        return new Result(outH1, outH2, outO1, outO2, before, grads, afterOne, errorAfterOne,
                net.eTotal.data(), net.outO1.data(), net.outO2.data());
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Result r = compute();
        SigmoidNet222 start = network();
        start.backward();
        Pictures.graph(out, start.eTotal, "2-2-2 network before the first update", outDir,
                "mazur-2-2-2");
        out.println("Forward pass (i1 = 0.05, i2 = 0.10, b1 = 0.35, b2 = 0.60)");
        out.println("  out_h1  = " + Format.fixed(r.outH1(), 9));
        out.println("  out_h2  = " + Format.fixed(r.outH2(), 9));
        out.println("  out_o1  = " + Format.fixed(r.outO1(), 9));
        out.println("  out_o2  = " + Format.fixed(r.outO2(), 9));
        out.println("  E_total = " + Format.fixed(r.errorBefore(), 9));
        out.println("One update, η = " + ETA + " (weights only, biases fixed)");
        for (int k = 0; k < 8; k++) {
            out.printf("  w%d: ∂E/∂w%d = %s   new w%d = %s%n", k + 1, k + 1,
                    Format.fixed(r.gradients()[k], 9), k + 1,
                    Format.fixed(r.weightsAfterOneStep()[k], 9));
        }
        out.println("  E_total after one update = " + Format.fixed(r.errorAfterOneStep(), 9)
                + "   (the material: about 0.291)");
        out.println("After " + STEPS + " updates (the material rounds these: E about 4e-5,"
                + " outputs 0.016 and 0.984)");
        out.println("  E_total = " + Format.sci(r.errorAfterAllSteps(), 4));
        out.println("  out_o1  = " + Format.fixed(r.out1AfterAllSteps(), 7) + " (target 0.01)");
        out.println("  out_o2  = " + Format.fixed(r.out2AfterAllSteps(), 7) + " (target 0.99)");
        out.println("Tutorial 6 writes net_h1 = w1·i1 + w3·i2 + b1 in its ∂E/∂w1 step; its numbers,"
                + " like these, use net_h1 = w1·i1 + w2·i2 + b1.");
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/mazur-2-2-2}. */
    public static void main(String... args) throws IOException {
        Examples.main("mazur-2-2-2");
    }
}
