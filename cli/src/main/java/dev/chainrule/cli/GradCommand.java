package dev.chainrule.cli;

import dev.chainrule.checker.GradientDescent;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.Charts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chainrule grad}: every named node's op, value and gradient. */
@Command(name = "grad", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every named node's op, value and gradient.",
            "Evaluates PROGRAM, runs the backward pass, and prints every named node: its op, its "
                + "value and ∂output/∂node."},
        footer = {"", "Examples:",
            "  chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4 -o f.svg",
            "  chainrule grad \"x = 2; y = 3; f = x^2·y\" --hessian",
            "  chainrule grad cli/src/test/resources/mazur.txt --of E --lr 0.5 --wrt w5,w6 --format json",
            "  chainrule grad cli/src/test/resources/mazur.txt --lr 0.5 --steps 10000 --plot loss.png",
            "", "A program is statements 'name = expression', one per line or separated by ';'.",
            "A name assigned a plain number is an input; --at overrides it or gives one never assigned.",
            "'param w1 = 0.15' makes an input a parameter: --lr and --steps update parameters only (without",
            "param declarations or --wrt, the inputs named like weights and biases: w5, W, b1)."})
final class GradCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    ProgramOptions source;

    @Option(names = "--wrt", split = ",", paramLabel = "NAMES",
            description = "the inputs for --lr, --steps and --hessian (default: the parameters for --lr and "
                    + "--steps, every input for --hessian)")
    List<String> wrt;

    @Option(names = "--lr", paramLabel = "ETA", description = "also print the updated value w − η·∂output/∂w")
    Double lr;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "first take N gradient-descent steps with --lr, print the loss on the way, then the table "
                    + "at the final values")
    int steps;

    @Option(names = "--plot", paramLabel = "FILE", description = "draw the loss over the --steps into FILE.svg, .png or .pdf")
    Path plot;

    @Option(names = "--hessian", description = "also print the matrix of second derivatives")
    boolean hessian;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json, csv, markdown or latex")
    String format;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "10",
            description = "significant digits in table, markdown and latex output (default: 10)")
    int digits;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "also draw the graph into FILE.svg, .png, .pdf or .dot (style options as for render)")
    Path output;

    @Mixin
    StyleOptions style;

    GradCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        String f = GradReport.checkFormat(format);
        if (output != null) {
            style.prepareEngine(output);
        }
        if (digits < 1 || digits > 17) {
            throw new UserError("--digits must be between 1 and 17, not " + digits);
        }
        Program p = source.load();
        Map<String, Double> point = source.values();
        String of = source.of;
        double[] losses = null;
        if (steps < 0) {
            throw new UserError("--steps must be 0 or more, not " + steps);
        }
        if (plot != null && steps == 0) {
            throw new UserError("--plot draws the loss over gradient-descent steps; give --steps N (and --lr)");
        }
        if (steps > 0) {
            if (lr == null) {
                throw new UserError("--steps " + steps + ": gradient descent needs a learning rate; give --lr");
            }
            Computation start = Computation.run(p, point, of, wrt, lr);
            try {
                GradientDescent.Run run = GradientDescent.run(p, point, of, start.wrt, lr, steps);
                point = run.point();
                losses = run.losses();
            } catch (IllegalArgumentException e) {
                throw new UserError("--steps " + steps + ": " + e.getMessage());
            }
            PrintStream summary = f.equals("table") ? io.out() : io.err();
            new DescentSummary(start.outputName(), start.wrt, lr, losses, digits).print(summary);
        }
        Computation c = Computation.run(p, point, of, wrt, lr);
        new GradReport(c, digits, hessian).write(f, io.out());
        io.out().flush();
        if (output != null) {
            io.err().println("wrote " + RenderCommand.draw(c, style, output));
        }
        if (plot != null) {
            io.err().println("wrote " + Charts.history(losses, null).write(plot));
        }
        String anomaly = c.anomaly();
        if (anomaly != null) {
            io.err().println("error: " + anomaly);
            return 2;
        }
        return 0;
    }
}
