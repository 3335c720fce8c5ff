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
        printChain(start, out);
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

    /**
     * The intermediate numbers the material writes on its way to ∂E/∂w5 and ∂E/∂w1, read off the
     * graph after {@code backward()}: node values, node grads, and local derivatives as the
     * ratio of a node's grad to its output's grad.
     */
    static void printChain(SigmoidNet222 net, PrintStream out) {
        double w5 = net.w(5).data();
        double w7 = net.w(7).data();
        double eO1 = 0.5 * (0.01 - net.outO1.data()) * (0.01 - net.outO1.data());
        double eO2 = 0.5 * (0.99 - net.outO2.data()) * (0.99 - net.outO2.data());
        out.println("The material's steps, from the graph's values and grads");
        out.println("  net_h1 = " + Format.fixed(net.netH1.data(), 9) + "   net_o1 = "
                + Format.fixed(net.netO1.data(), 9));
        out.println("  E_o1 = ½(0.01 − out_o1)² = ½·" + Format.fixed(2 * eO1, 9) + " = "
                + Format.fixed(eO1, 9) + "   E_o2 = " + Format.fixed(eO2, 9));
        // The material squares out_o1 rounded to 0.75136507: 0.74136507² = 0.549622167.
        out.println("    (the material: ½·0.549622167, squaring out_o1 rounded first to 0.75136507)");
        out.println("  ∂E/∂out_o1      = " + Format.fixed(net.outO1.grad(), 9));
        out.println("  ∂out_o1/∂net_o1 = " + Format.fixed(net.netO1.grad() / net.outO1.grad(), 9));
        out.println("  ∂E/∂net_o1      = " + Format.fixed(net.netO1.grad(), 9));
        out.println("  ∂E_o1/∂out_h1   = ∂E/∂net_o1·w5 = " + Format.fixed(net.netO1.grad() * w5, 9));
        // The material rounds ∂E/∂net_o2 to 9 decimals before multiplying by w7 = 0.5, which
        // moves the last digit: −0.0190491183 exactly, −0.019049119 in the material.
        out.println("  ∂E_o2/∂out_h1   = ∂E/∂net_o2·w7 = " + Format.fixed(net.netO2.grad() * w7, 9)
                + "   (the material: -0.019049119, w7 times ∂E/∂net_o2 rounded first to "
                + Format.fixed(net.netO2.grad(), 9) + ")");
        out.println("  ∂E/∂out_h1      = " + Format.fixed(net.outH1.grad(), 9));
        out.println("  ∂out_h1/∂net_h1 = " + Format.fixed(net.netH1.grad() / net.outH1.grad(), 9));
        out.println("  ∂net_h1/∂w1     = i1 = " + Format.plain(net.i1.data()));
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/mazur-2-2-2}. */
    public static void main(String... args) throws IOException {
        Examples.main("mazur-2-2-2");
    }
}
