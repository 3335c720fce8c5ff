package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Module 11's 2-2-2 sigmoid network without biases: i = (0.1, 0.5), targets 0.05 and 0.95,
 * w1..w8 = 0.8, 0.4, 0.3, 0.2, 0.6, 0.9, 0.8, 0.1, η = 0.001. Prints the forward pass, E_total,
 * every gradient and every updated weight.
 */
public final class Module11Example implements Example {

    static final double ETA = 0.001;

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
        out.println("Forward pass (i1 = 0.1, i2 = 0.5, no biases)");
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
            out.printf("  ∂E/∂w%d = %s   w%d ← %s%n", k + 1, Format.fixed(grads[k], 8), k + 1,
                    Format.fixed(net.w(k + 1).data(), 8));
        }
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/module11}. */
    public static void main(String... args) throws IOException {
        Examples.main("module11");
    }
}
