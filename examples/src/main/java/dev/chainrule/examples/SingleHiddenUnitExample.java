package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The material's backpropagation exercise with one hidden unit: x = (0.1, 0.3), input→hidden
 * weights (0.4, −0.2), hidden→output weight 0.1, target 1, sigmoid in both layers, η = 0.5.
 *
 * <p>The material writes δ = (y − ŷ)·f′ and Δw = η·δ·x. With E = ½(y − ŷ)², these are the
 * engine's own gradients with the sign flipped: δ_out = −∂E/∂(output net input),
 * δ_hidden = −∂E/∂h and Δw = −η·∂E/∂w. The material rounds as it goes (δ_hidden = 0.003 before
 * multiplying by x), so its Δw₂ = 0.00045 where the unrounded value is 0.000457; both are
 * printed.
 */
public final class SingleHiddenUnitExample implements Example {

    static final double ETA = 0.5;

    /** The engine's numbers, unrounded. */
    record Result(double h, double a, double yHat, double deltaOut, double deltaHidden,
            double deltaW, double deltaW1, double deltaW2) {
    }

    @Override
    public String name() {
        return "single-hidden-unit";
    }

    @Override
    public String summary() {
        return "one hidden unit, sigmoid both layers: δ_out, δ_hidden and the weight steps";
    }

    /** Builds the network's graph, runs backward, and reads the material's quantities off it. */
    static Result compute() {
        Value x1 = Value.of(0.1, "x1");
        Value x2 = Value.of(0.3, "x2");
        Value w1 = Value.of(0.4, "w1");
        Value w2 = Value.of(-0.2, "w2");
        Value bigW = Value.of(0.1, "W");
        Value h = Value.dot(List.of(x1, x2), List.of(w1, w2)).label("h");
        Value a = h.sigmoid().label("a");
        Value out = a.mul(bigW).label("W·a");
        Value yHat = out.sigmoid().label("ŷ");
        Value error = yHat.rsub(1.0).pow(2).mul(0.5).label("E");
        error.backward();
        return new Result(h.data(), a.data(), yHat.data(), -out.grad(), -h.grad(),
                -ETA * bigW.grad(), -ETA * w1.grad(), -ETA * w2.grad());
    }

    /**
     * The material's hand calculation: each quantity rounded to the digits it shows before the
     * next one uses it.
     */
    static Result roundedAsTheMaterial() {
        double h = round(0.1 * 0.4 + 0.3 * -0.2, 2);
        double a = round(sigmoid(h), 3);
        double yHat = round(sigmoid(0.1 * a), 3);
        double deltaOut = round((1 - yHat) * yHat * (1 - yHat), 3);
        double deltaHidden = round(0.1 * deltaOut * a * (1 - a), 3);
        return new Result(h, a, yHat, deltaOut, deltaHidden, round(ETA * deltaOut * a, 4),
                round(ETA * deltaHidden * 0.1, 5), round(ETA * deltaHidden * 0.3, 5));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double round(double v, int decimals) {
        return new BigDecimal(v)
                .setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Result r = compute();
        Result m = roundedAsTheMaterial();
        out.println("x = (0.1, 0.3), w = (0.4, -0.2), W = 0.1, y = 1, η = " + ETA);
        out.printf("%-10s %-12s %s%n", "", "engine", "material (rounded as it goes)");
        row(out, "h", r.h(), m.h(), 2);
        row(out, "a", r.a(), m.a(), 3);
        row(out, "ŷ", r.yHat(), m.yHat(), 3);
        row(out, "δ_out", r.deltaOut(), m.deltaOut(), 3);
        row(out, "δ_hidden", r.deltaHidden(), m.deltaHidden(), 3);
        row(out, "ΔW", r.deltaW(), m.deltaW(), 4);
        row(out, "Δw1", r.deltaW1(), m.deltaW1(), 5);
        row(out, "Δw2", r.deltaW2(), m.deltaW2(), 5);
        out.println("Δw2 differs in its last digit because the material multiplies the rounded"
                + " δ_hidden = 0.003 by x2.");
    }

    private static void row(PrintStream out, String name, double engine, double material,
            int decimals) {
        out.printf("%-10s %-12s %s%n", name, Format.fixed(engine, decimals + 3),
                Format.fixed(material, decimals));
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("single-hidden-unit");
    }
}
