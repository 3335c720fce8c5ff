package dev.chainrule.cli;

import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.SlideDeck;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code chainrule slides}: the backward pass step by step, as a slide deck. */
@Command(name = "slides", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The forward and backward pass, one step per slide.",
            "Writes DIR/slides.html (one self-contained page: arrow keys or the buttons step through "
                + "it) and DIR/frame-01.svg, frame-02.svg, ... one per step: the inputs, each op forward, "
                + "the seed ∂f/∂f = 1, then each node's gradient as upstream × local derivative, output layer "
                + "first and one weight's chain at a time; --focus NAME keeps only the way back to NAME."},
        footer = {"", "Examples:",
            "  chainrule slides \"q = x + y; f = q·z\" --at x=-2,y=5,z=-4 -o slides/",
            "  chainrule slides cli/src/test/resources/mazur.txt -o deck --theme print --tb",
            "  chainrule slides cli/src/test/resources/mazur.txt -o dE_dw5 --focus w5"})
final class SlidesCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "the folder to write into")
    Path dir;

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

    @Option(names = "--focus", paramLabel = "NAME",
            description = "only the steps on the way from the output back to NAME, as in a worked example of one gradient")
    String focus;

    SlidesCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        // An empty or blank name is a slip (an unset shell variable, a stray quote), not a wish to
        // scatter slides.html and the frames into the current folder or one named " ".
        if (dir.toString().isBlank()) {
            throw new UserError("-o '" + dir + "' names no folder: give the folder for the slides, such as -o deck");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("-o " + dir + ": it is a file, not a folder");
        }
        style.prepareEngine(dir.resolve("slides.svg"));
        Computation c = program.run();
        GraphStyle s = style.build();
        SlideDeck deck;
        try {
            deck = focus == null ? SlideDeck.of(c.evaluation.output(), s) : SlideDeck.focused(c.evaluation.output(), focus, s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().startsWith("focus:") ? "--" + e.getMessage() : StyleOptions.inCliTerms(e.getMessage()));
        }
        try {
            List<Path> frames = deck.writeSvgFrames(dir);
            Path html = deck.writeHtml(dir.resolve("slides.html"));
            io.out().println("wrote " + deck.size() + " slides: " + html + " and " + frames.size() + " SVG frames in " + dir);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot write into '" + dir + "': " + FileErrors.reason(e.getCause()));
        }
        return 0;
    }
}
