package dev.chainrule.examples;

import dev.chainrule.checker.CheckReport;
import dev.chainrule.checker.Checker;
import dev.chainrule.checker.LineResult;
import dev.chainrule.checker.Problem;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
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

    /** The network as a program of the expression language, for {@code check}. */
    static final String PROGRAM = """
            i1 = 0.1; i2 = 0.5
            param w1 = 0.8; param w2 = 0.4; param w3 = 0.3; param w4 = 0.2
            param w5 = 0.6; param w6 = 0.9; param w7 = 0.8; param w8 = 0.1
            net_h1 = w1·i1 + w2·i2; out_h1 = sigmoid(net_h1)
            net_h2 = w3·i1 + w4·i2; out_h2 = sigmoid(net_h2)
            net_o1 = w5·out_h1 + w6·out_h2; out_o1 = sigmoid(net_o1)
            net_o2 = w7·out_h1 + w8·out_h2; out_o2 = sigmoid(net_o2)
            E_total = 0.5·(0.05 − out_o1)^2 + 0.5·(0.95 − out_o2)^2
            """;

    /**
     * The material's printed solution in {@code check}'s notation, digit for digit, one answer a
     * line in the order it prints them.
     */
    static final String MATERIAL_ANSWERS = """
            net_h1 = 0.2800
            out_h1 = 0.5695
            net_h2 = 0.1300
            out_h2 = 0.5325
            net_o1 = 0.8209
            out_o1 = 0.6944
            net_o2 = 0.5089
            out_o2 = 0.6245
            E_total = 0.26060897
            dE/dw5 = 0.07788311
            w5' = 0.59992212
            dE/dw6 = 0.07281094
            w6' = 0.89992719
            dE/dw7 = -0.04346529
            w7' = 0.80004347
            dE/dw8 = -0.04063459
            w8' = 0.10004063
            dE/dw1 = 0.00051472
            w1' = 0.79999949
            dE/dw2 = 0.00287383
            w2' = 0.39999713
            dE/dw3 = 0.00257361
            w3' = 0.29999743
            dE/dw4 = 0.01436917
            w4' = 0.19998563
            """;

    /** {@code check} on the material's printed solution, at η = {@link #ETA}. */
    static CheckReport checkMaterial() {
        Problem problem = Problem.builder(Program.parse(PROGRAM)).output("E_total")
                .learningRate(ETA).build();
        return Checker.check(problem, MATERIAL_ANSWERS);
    }

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
        printCheck(checkMaterial(), out, outDir);
    }

    /**
     * Writes the network and the material's answers as files for {@code chainrule check}, then
     * prints its verdict on each answer and its summary.
     */
    static void printCheck(CheckReport report, PrintStream out, Path outDir) throws IOException {
        Path program = Files.writeString(outDir.resolve("module11-network.txt"), PROGRAM);
        Path answers = Files.writeString(outDir.resolve("module11-material-answers.txt"),
                MATERIAL_ANSWERS);
        out.println("wrote " + program);
        out.println("wrote " + answers);
        out.println("check on the material's printed solution (the verdicts of ./chainrule check "
                + program.getFileName() + " --lr 0.001 --expect " + answers.getFileName() + "):");
        for (LineResult r : report.results()) {
            out.println(String.format("  %2d  %-22s %-8s %s", r.line(), r.written(),
                    r.verdict().word(), r.message()).stripTrailing());
        }
        out.println("  " + report.summary());
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
