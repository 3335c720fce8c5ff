package dev.chainrule.cli;

import dev.chainrule.checker.Parameters;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.explain.Derivation;
import dev.chainrule.viz.explain.DerivationWriter;
import dev.chainrule.viz.explain.Explainer;
import dev.chainrule.viz.explain.Notation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code chainrule explain}: the worked derivation of a gradient, in the program's own names. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The worked derivation of a gradient, as an answer key writes it.",
            "Evaluates PROGRAM and derives ∂output/∂NAME in the program's own names: the chain rule, each "
                + "factor's local derivative as a formula (from the op's own definition, constants folded: "
                + "½(t − o)² gives −(t − o)) and as a number, the sum over paths where a node feeds several "
                + "others (each path's upstream gradient a named δ), the product, and with --lr the update."},
        footer = {"", "Examples:",
            "  chainrule explain cli/src/test/resources/mazur.txt --wrt w5 --lr 0.5",
            "  chainrule explain cli/src/test/resources/mazur.txt --wrt w1 --format latex",
            "  chainrule explain cli/src/test/resources/mazur.txt --all --ascii --digits 6",
            "  chainrule explain \"q = x + y; f = q·z\" --at x=-2,y=5,z=-4 --wrt x --format markdown",
            "", "Numbers show 9 significant digits, as the course material prints them. A derivation writes",
            "at most --max-steps intermediate quantities out; the rest are given by value and counted."})
final class ExplainCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format {
        TEXT, MARKDOWN, LATEX
    }

    private final Io io;

    final ProgramOptions program = new ProgramOptions();

    /** PROGRAM, --at and --of, built in code (see ProgramOptions). */
    @Mixin
    final CommandSpec programOptions = program.mixin();

    @Option(names = "--wrt", split = ",", paramLabel = "NAMES",
            description = "the nodes to derive ∂output/∂node for: parameters, inputs or computed nodes")
    List<String> wrt = new ArrayList<>();

    @Option(names = "--all", description = "every parameter (its 'param' declarations, else names like w5 and b1), "
            + "the output layer first, as the material teaches it")
    boolean all;

    @Option(names = "--lr", paramLabel = "ETA", description = "also write the update w⁺ = w − η·∂output/∂w")
    Double lr;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), markdown or latex (a fragment that needs no LaTeX package)")
    String format;

    @Option(names = "--ascii", description = "write d, *, -, delta instead of ∂, ·, −, δ (LaTeX is ASCII anyway)")
    boolean ascii;

    @Option(names = "--digits", paramLabel = "N", defaultValue = "9",
            description = "significant digits (default: 9, as the course material prints them)")
    int digits;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "" + Explainer.DEFAULT_MAX_STEPS,
            description = "derive at most N intermediate quantities step by step (default: "
                    + Explainer.DEFAULT_MAX_STEPS + ", at most " + Explainer.MAX_STEPS_LIMIT + ")")
    int maxSteps;

    ExplainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Format f = Choice.choose("--format", format, Format.values());
        if (digits < 1 || digits > 17) {
            throw new UserError("--digits must be between 1 and 17, not " + digits);
        }
        if (maxSteps < 1 || maxSteps > Explainer.MAX_STEPS_LIMIT) {
            throw new UserError("--max-steps must be between 1 and " + Explainer.MAX_STEPS_LIMIT + ", not " + maxSteps);
        }
        if (lr != null && !Double.isFinite(lr)) {
            throw new UserError("--lr must be a finite number, not " + lr);
        }
        if (all == !wrt.isEmpty()) {
            throw new UserError(all ? "give --wrt NAMES or --all, not both"
                    : "say which gradient to derive: --wrt NAME (such as --wrt w5) or --all for every parameter");
        }
        Program p = program.load();
        List<String> names = all ? parameters(p) : checkNames(p, wrt);
        Computation c = program.run(p, null, null);
        Explainer.Builder b = Explainer.builder(c.evaluation.output()).maxSteps(maxSteps);
        if (lr != null) {
            b.learningRate(lr);
        }
        Explainer explainer = b.build();
        List<Derivation> derivations = all ? explainer.deriveAll(names) : explainer.derive(names);
        Notation notation = ascii ? Notation.ASCII : Notation.UNICODE;
        DerivationWriter writer = switch (f) {
            case TEXT -> DerivationWriter.text(notation, digits);
            case MARKDOWN -> DerivationWriter.markdown(notation, digits);
            case LATEX -> DerivationWriter.latex(digits);
        };
        io.out().print(writer.write(derivations));
        io.out().flush();
        String anomaly = c.anomaly();
        if (anomaly != null) {
            io.err().println("error: " + anomaly);
            return 2;
        }
        return 0;
    }

    /** The parameters {@code --all} explains. */
    private static List<String> parameters(Program p) {
        List<String> ps = Parameters.of(p, null);
        if (ps.isEmpty()) {
            throw new UserError("--all: the program has no parameters; declare them (param w = 0.5), or name the nodes "
                    + "with --wrt (its inputs are " + Computation.list(p.inputs()) + ")");
        }
        return ps;
    }

    /** The {@code --wrt} names, each a node of the program; an update needs inputs. */
    private List<String> checkNames(Program p, List<String> given) {
        List<String> out = new ArrayList<>();
        for (String raw : given) {
            String name = raw.strip();
            if (!p.has(name)) {
                throw new UserError("--wrt " + name + ": the program has no node named '" + name + "'; its nodes are "
                        + Computation.list(p.names()));
            }
            if (lr != null && !p.isInput(name)) {
                throw new UserError("--lr updates inputs, and '" + name + "' is computed (" + name + " = "
                        + p.definition(name) + "); leave out --lr, or derive an input such as "
                        + Computation.list(p.inputs()));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }
}
