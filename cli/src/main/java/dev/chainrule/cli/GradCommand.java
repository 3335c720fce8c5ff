package dev.chainrule.cli;

import static dev.chainrule.cli.OptionsInCode.flag;
import static dev.chainrule.cli.OptionsInCode.isSet;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code chainrule grad}: every named node's op, value and gradient.
 *
 * <p>The most run command, so its model is built in code ({@link #spec()}) rather than read from
 * annotations by reflection: see {@link Main#commandLine(Io, String...)}. Each option holds its
 * own value after a parse. What it does with the values is {@link GradJob}, which {@link Shortcuts}
 * also runs for the plainest command lines, without a model at all.
 */
final class GradCommand implements Callable<Integer> {
    /** The command's name. */
    static final String NAME = "grad";

    private final Io io;

    private final ProgramOptions source = new ProgramOptions();

    private final OptionSpec wrt = OptionSpec.builder("--wrt").splitRegex(",").paramLabel("NAMES")
            .type(List.class).auxiliaryTypes(String.class)
            .description("the inputs for --lr, --steps and --hessian (default: the parameters for --lr and "
                    + "--steps, every input for --hessian)").build();

    private final OptionSpec lr = OptionSpec.builder("--lr").paramLabel("ETA").type(Double.class)
            .description("also print the updated value w − η·∂output/∂w").build();

    private final OptionSpec steps = OptionSpec.builder("--steps").paramLabel("N").type(int.class)
            .defaultValue(String.valueOf(GradJob.DEFAULT_STEPS))
            .description("first take N gradient-descent steps with --lr, print the loss on the way, then the table "
                    + "at the final values").build();

    private final OptionSpec plot = OptionSpec.builder("--plot").paramLabel("FILE").type(Path.class)
            .description("draw the loss over the --steps into FILE.svg, .png or .pdf").build();

    private final OptionSpec hessian = flag("--hessian", "also print the matrix of second derivatives");

    private final OptionSpec format = OptionSpec.builder("--format").paramLabel("FORMAT").type(String.class)
            .defaultValue(GradJob.DEFAULT_FORMAT).description("table (default), json, csv, markdown or latex").build();

    private final OptionSpec digits = OptionSpec.builder("--digits").paramLabel("N").type(int.class)
            .defaultValue(String.valueOf(GradJob.DEFAULT_DIGITS))
            .description("significant digits in table, markdown and latex output (default: 10)").build();

    private final OptionSpec output = OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
            .description("also draw the graph into FILE.svg, .png, .pdf or .dot (style options as for render)").build();

    private final StyleOptions style = new StyleOptions();

    GradCommand(Io io) {
        this.io = io;
    }

    /** The command's model: what its help shows and its parse fills in. */
    CommandSpec spec() {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
        spec.name(NAME);
        spec.usageMessage().sortOptions(false)
                .description("Every named node's op, value and gradient.",
                        "Evaluates PROGRAM, runs the backward pass, and prints every named node: its op, its "
                                + "value and ∂output/∂node.")
                .footer("", "Examples:",
                        "  chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4 -o f.svg",
                        "  chainrule grad \"x = 2; y = 3; f = x^2·y\" --hessian",
                        "  chainrule grad cli/src/test/resources/mazur.txt --of E --lr 0.5 --wrt w5,w6 --format json",
                        "  chainrule grad cli/src/test/resources/mazur.txt --lr 0.5 --steps 10000 --plot loss.png",
                        "", "A program is statements 'name = expression', one per line or separated by ';'.",
                        "A name assigned a plain number is an input; --at overrides it or gives one never assigned.",
                        "'param w1 = 0.15' makes an input a parameter: --lr and --steps update parameters only (without",
                        "param declarations or --wrt, the inputs named like weights and biases: w5, W, b1).");
        spec.addMixin("source", source.mixin());
        for (OptionSpec o : List.of(wrt, lr, steps, plot, hessian, format, digits, output)) {
            spec.addOption(o);
        }
        spec.addMixin("style", style.mixin());
        spec.addMixin(HelpOptions.NAME, HelpOptions.mixin());
        return spec;
    }

    @Override
    public Integer call() {
        return new GradJob(source.programText(), source.atValues(), source.of(), wrt.getValue(), lr.getValue(),
                steps.getValue(), plot.getValue(), isSet(hessian), format.getValue(), digits.getValue(), output.getValue(),
                style).run(io);
    }
}
