package com.example.modular;

import dev.chainrule.checker.CheckReport;
import dev.chainrule.checker.Checker;
import dev.chainrule.checker.Problem;
import dev.chainrule.engine.CustomOp;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.testkit.GradientProperties;
import dev.chainrule.testkit.Operator;
import dev.chainrule.testkit.PropertySummary;
import dev.chainrule.viz.Charts;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.RenderEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Uses each Chainrule library from a named module and checks what it gets: the module names, the
 * chain rule on f = (x + y)·z, the checker's verdict, XOR training, a testkit property, and the
 * embedded Graphviz's SVG, PNG and PDF (batik and PDFBox on the module path). Exits 1 naming every
 * check that failed.
 */
public final class ModularStarter {
    /** cube(x) = x³ with its derivative 3x². */
    static final CustomOp CUBE = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x * x);

    private final List<String> failures = new ArrayList<>();

    private ModularStarter() {}

    /**
     * Runs every check, writing pictures into the folder given as the first argument.
     *
     * @param args the output folder (created if missing)
     * @throws IOException if a picture cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/modular-out"));
        ModularStarter run = new ModularStarter();
        run.checks(out);
        if (!run.failures.isEmpty()) {
            run.failures.forEach(f -> System.err.println("FAILED: " + f));
            System.exit(1);
        }
        System.out.println("module path: all checks passed");
    }

    private void checks(Path out) throws IOException {
        check("own module", ModularStarter.class.getModule().getName(), "com.example.modular");
        check("engine's module", Value.class.getModule().getName(), "dev.chainrule.engine");
        check("checker's module", Checker.class.getModule().getName(), "dev.chainrule.checker");
        check("nn's module", MLP.class.getModule().getName(), "dev.chainrule.nn");
        check("viz's module", GraphRenderer.class.getModule().getName(), "dev.chainrule.viz");
        check("testkit's module", GradientProperties.class.getModule().getName(), "dev.chainrule.testkit");

        Value x = Value.of(-2, "x"), y = Value.of(5, "y"), z = Value.of(-4, "z");
        Value f = x.add(y).label("q").mul(z).label("f");
        f.backward();
        check("f", f.data(), -12.0);
        check("df/dx, df/dy, df/dz", List.of(x.grad(), y.grad(), z.grad()), List.of(-4.0, -4.0, 3.0));

        CheckReport report = Checker.check(Problem.builder(Program.parse("q = x + y; f = q·z"))
                .inputs(Map.of("x", -2.0, "y", 5.0, "z", -4.0)).build(), "dE/dx = -4\ndE/dz = 4");
        check("checker verdicts", List.of(report.results().get(0).verdict().isRight(),
                report.results().get(1).verdict().isRight()), List.of(true, false));

        MLP net = new MLP(2, List.of(4, 1), List.of(Activation.TANH, Activation.SIGMOID), new Random(7));
        Sgd sgd = new Sgd(net.parameters(), 0.5);
        double first = Double.NaN, last = Double.NaN;
        for (int step = 0; step < 500; step++) {
            List<Value> predictions = new ArrayList<>();
            for (double[] in : new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
                predictions.add(net.forward(in).get(0));
            }
            Value loss = Losses.mse(predictions, new double[] {0, 1, 1, 0});
            net.zeroGrad();
            loss.backward();
            sgd.step();
            first = step == 0 ? loss.data() : first;
            last = loss.data();
        }
        check("XOR loss falls below 0.05 from above 0.2", first > 0.2 && last < 0.05, true);

        PropertySummary summary = GradientProperties.assertGradientsMatch(Operator.of(CUBE));
        check("testkit property cases", summary.cases() > 0, true);

        // Four decimals, set explicitly: the SVG must show f = -12.0000 whatever the default precision.
        GraphStyle embedded = GraphStyle.builder().engine(RenderEngine.EMBEDDED).precision(4).build();
        String svg = new String(write(out.resolve("f.svg"), GraphRenderer.svg(f, embedded)
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        check("SVG from the embedded Graphviz shows f's grad", svg.contains("<svg") && svg.contains("12.0000"), true);
        byte[] png = write(out.resolve("f.png"), GraphRenderer.png(f, embedded));
        check("PNG signature (batik)", png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', true);
        byte[] pdf = write(out.resolve("f.pdf"), GraphRenderer.pdf(f, embedded));
        check("PDF header (PDFBox)", new String(pdf, 0, 5, StandardCharsets.US_ASCII), "%PDF-");
        byte[] chart = write(out.resolve("activations.png"), Charts.activations().png());
        check("chart PNG signature", chart.length > 8 && chart[1] == 'P', true);
    }

    private static byte[] write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return bytes;
    }

    private void check(String what, Object actual, Object expected) {
        boolean ok = expected.equals(actual);
        System.out.println((ok ? "ok     " : "FAILED ") + what + ": " + actual);
        if (!ok) {
            failures.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
