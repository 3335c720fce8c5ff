package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Module 11's 2-2-2 sigmoid network without biases: i = (0.1, 0.5), targets 0.05 and 0.95,
 * w1..w8 = 0.8, 0.4, 0.3, 0.2, 0.6, 0.9, 0.8, 0.1, η = 0.001. Prints the forward pass, E_total,
 * every gradient and every updated weight, each beside the material's printed solution.
 *
 * <p>The material's ∂E/∂w2 and ∂E/∂w3 (and so w2′ and w3′) are swapped. Its forward pass has
 * net_h1 = w1·i1 + w2·i2 and net_h2 = w3·i1 + w4·i2, so w2 joins i2 to h1 and w3 joins i1 to h2;
 * but its code computes {@code grad_w2 = delta_h2 * i1} and {@code grad_w3 = delta_h1 * i2},
 * the gradients of the weights i1→h2 and i2→h1, that is of w3 and w2. (It labels w1..w4 by
 * input in the forward pass and by hidden unit in the backward pass.) The example prints both
 * and says so on the two lines.
 */
public final class Module11Example implements Example {

    static final double ETA = 0.001;

    /** The material's printed gradients ∂E/∂w1..∂E/∂w8 (000_96fb9c0f3d2e4245.txt). */
    static final String[] MATERIAL_GRADIENTS = {"0.00051472", "0.00287383", "0.00257361",
        "0.01436917", "0.07788311", "0.07281094", "-0.04346529", "-0.04063459"};

    /** The material's printed updated weights w1′..w8′. */
    static final String[] MATERIAL_WEIGHTS = {"0.79999949", "0.39999713", "0.29999743",
        "0.19998563", "0.59992212", "0.89992719", "0.80004347", "0.10004063"};

    @Override
    public String name() {
        return "module11";
    }

    @Override
    public String summary() {
        return "Module 11's 2-2-2 sigmoid network without biases: forward, backward, one update";
    }

    /** The network at its starting weights, before any update. */
    static SigmoidNet222 network() {
        return new SigmoidNet222(0.1, 0.5,
                new double[] {0.8, 0.4, 0.3, 0.2, 0.6, 0.9, 0.8, 0.1},
                new double[0], 0.05, 0.95, ETA);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        SigmoidNet222 net = network();
        out.println("Forward pass (i1 = 0.1, i2 = 0.5, no biases); the material prints the same");
        for (Value v : new Value[] {net.netH1, net.outH1, net.netH2, net.outH2,
                net.netO1, net.outO1, net.netO2, net.outO2}) {
            out.printf("  %-6s = %s%n", v.label(), Format.fixed(v.data(), 4));
        }
        out.println("  E_total = " + Format.fixed(net.eTotal.data(), 8));
        net.backward();
        Pictures.graph(out, net.eTotal, "Module 11: 2-2-2 network without biases", outDir,
                "module11");
        double[] grads = new double[8];
        for (int k = 1; k <= 8; k++) {
            grads[k - 1] = net.w(k).grad();
        }
        out.println("Backward pass, η = " + ETA);
        net.step();
        for (int k = 0; k < 8; k++) {
            String g = Format.fixed(grads[k], 8);
            String w = Format.fixed(net.w(k + 1).data(), 8);
            String line = String.format("  ∂E/∂w%d = %-11s  w%d ← %s", k + 1, g, k + 1, w);
            if (g.equals(MATERIAL_GRADIENTS[k]) && w.equals(MATERIAL_WEIGHTS[k])) {
                out.println(line + "   (the material: the same)");
            } else {
                int j = gradientPrintedAs(grads, MATERIAL_GRADIENTS[k]);
                double start = net.w(k + 1).data() + ETA * grads[k];
                boolean sameStep = j >= 0
                        && Format.fixed(start - ETA * grads[j], 8).equals(MATERIAL_WEIGHTS[k]);
                out.println(line + "   the material: " + MATERIAL_GRADIENTS[k] + " and "
                        + MATERIAL_WEIGHTS[k] + (sameStep ? ", our ∂E/∂w" + (j + 1) + " and w"
                        + (k + 1) + " − η·∂E/∂w" + (j + 1) + " (see below)" : ""));
            }
        }
        out.println("The material swaps ∂E/∂w2 and ∂E/∂w3: its forward pass has net_h1 = w1·i1 +"
                + " w2·i2 and net_h2 = w3·i1 + w4·i2,");
        out.println("  but its code takes grad_w2 = delta_h2·i1 and grad_w3 = delta_h1·i2, the"
                + " gradients of the weights i1→h2 (w3) and i2→h1 (w2).");
    }

    /** The index of the gradient that prints as {@code printed} at 8 decimals, or −1. */
    private static int gradientPrintedAs(double[] grads, String printed) {
        for (int j = 0; j < grads.length; j++) {
            if (Format.fixed(grads[j], 8).equals(printed)) {
                return j;
            }
        }
        return -1;
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/module11}. */
    public static void main(String... args) throws IOException {
        Examples.main("module11");
    }
}
