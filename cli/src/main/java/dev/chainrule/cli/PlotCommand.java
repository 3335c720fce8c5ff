package dev.chainrule.cli;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.Chart;
import dev.chainrule.viz.Charts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainrule plot}: activation functions (or any one-input program) with their derivatives. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plots activation functions and their derivatives.",
            "WHAT is 'activations' (sigmoid, tanh, ReLU and Gaussian, or those named by --names), one "
                + "activation's name, or a program with one input, such as \"y = x·sigmoid(x)\"; the "
                + "derivative is found by the engine. The format follows the extension: .svg, .png or .pdf."},
        footer = {"", "Examples:",
            "  chainrule plot activations -o activations.png",
            "  chainrule plot activations --names relu,leaky_relu,elu,gelu -o relus.svg",
            "  chainrule plot \"y = x·sigmoid(x)\" -o swish.pdf"})
final class PlotCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "WHAT", description = "activations, an activation's name, or a program")
    String what;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "FILE.svg, .png or .pdf")
    Path output;

    @Option(names = "--names", split = ",", paramLabel = "NAMES", description = "the activations to plot with 'activations'")
    List<String> names;

    PlotCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Chart chart;
        if (what.equals("activations")) {
            chart = names == null ? Charts.activations() : Charts.activations(names.toArray(new String[0]));
        } else if (Charts.activationNames().contains(what)) {
            chart = Charts.activation(what);
        } else if (!what.contains("=") && !what.contains("/") && !what.contains(".")) {
            throw new UserError("plot " + what + ": not 'activations', an activation (" + String.join(", ",
                    Charts.activationNames()) + "), nor a program such as \"y = x·sigmoid(x)\"");
        } else {
            chart = program(ProgramSource.load(what));
        }
        try {
            io.out().println("wrote " + chart.write(output));
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write '" + output + "': " + FileErrors.reason(e.getCause()));
        }
        return 0;
    }

    private static Chart program(Program p) {
        if (p.inputs().size() != 1) {
            throw new UserError("plot: the program must have exactly one input to plot against, but it has "
                    + p.inputs().size() + (p.inputs().isEmpty() ? "" : " (" + String.join(", ", p.inputs()) + ")"));
        }
        Function<Value[], Value> f = p.asFunction(null);
        String title = p.outputName() + " = " + p.definition(p.outputName());
        return Charts.activation(title, x -> f.apply(new Value[] {x}));
    }
}
