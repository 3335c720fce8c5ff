package dev.chainrule.cli;

import dev.chainrule.engine.Graph;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code chainrule render}: the graph, with its values and grads after backward, as a picture. */
@Command(name = "render", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draws the graph with its values and gradients.",
            "Evaluates PROGRAM, runs the backward pass and draws every node: one record per value "
                + "(its name, value and ∂ gradient), one small node per op. The format follows the file's extension: "
                + ".svg, .png, .pdf or .dot."},
        footer = {"", "Examples:",
            "  chainrule render \"q = x + y; f = q·z\" --at x=-2,y=5,z=-4 -o f.svg",
            "  chainrule render cli/src/test/resources/mazur.txt -o net.pdf --theme print --local-derivatives",
            "  chainrule render cli/src/test/resources/mazur.txt -o path.png --highlight-path w5,E"})
final class RenderCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "FILE.svg, .png, .pdf or .dot")
    Path output;

    final ProgramOptions program = new ProgramOptions();

    /** PROGRAM, --at and --of, built in code (see ProgramOptions). */
    @Mixin
    final CommandSpec programOptions = program.mixin();

    final StyleOptions style = new StyleOptions();

    /** The graph style options, built in code (see StyleOptions). */
    @Mixin
    final CommandSpec styleOptions = style.mixin();

    @Option(names = "--digits", paramLabel = "N", description = StyleOptions.DIGITS_HELP)
    void digits(int n) {
        style.digits = n;
    }

    RenderCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        style.prepareEngine(output);
        Computation c = program.run();
        Path written = draw(c, style, output);
        io.out().println("wrote " + written);
        return 0;
    }

    /**
     * The most nodes a DOT file gets unless {@code --max-nodes} says otherwise. The pictures have
     * viz's own limit (1,000); DOT is only text, but a 1,000,000-node one still fills the memory.
     */
    static final int DOT_MAX_NODES = 100_000;

    /** Draws the computation's graph into {@code file}, in the format its extension names. */
    static Path draw(Computation c, StyleOptions style, Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(java.util.Locale.ROOT);
        GraphStyle built = style.build();  // first: a bad option (--max-nodes -3) is refused as itself
        if (name.endsWith(".dot") || name.endsWith(".gv")) {
            int limit = style.maxNodes() != null ? style.maxNodes() : DOT_MAX_NODES;
            int size = Graph.of(c.evaluation.output()).size();
            if (size > limit) {
                throw new UserError("the graph has " + size + " nodes, more than the DOT limit of " + limit
                        + "; if it is meant to be that large, raise the limit with --max-nodes " + size);
            }
        }
        try {
            return GraphRenderer.render(c.evaluation.output(), built, file);
        } catch (java.io.UncheckedIOException e) {
            throw new UserError("cannot write '" + file + "': " + FileErrors.reason(e.getCause()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserError(StyleOptions.inCliTerms(e.getMessage()));
        }
    }
}
