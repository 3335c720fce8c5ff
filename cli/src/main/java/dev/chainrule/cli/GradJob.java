package dev.chainrule.cli;

import dev.chainrule.checker.GradientDescent;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.viz.Charts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code chainrule grad} does with its option values: evaluates the program, runs the
 * backward pass and prints the table (or JSON, CSV, ...), after any gradient-descent steps, and
 * draws what {@code -o} and {@code --plot} ask for. {@link GradCommand} fills it in from a parse;
 * {@link Shortcuts} fills it in for the plainest command lines without building picocli's model.
 * The option values are as given, unchecked: they are checked here, in one order, for both.
 *
 * @param program the PROGRAM argument: a file, {@code -} or the program text
 * @param at      the {@code --at} arguments, or null
 * @param of      the {@code --of} output, or null for the last statement
 * @param wrt     the {@code --wrt} names, or null
 * @param lr      the {@code --lr} learning rate, or null
 * @param steps   the {@code --steps} count
 * @param plot    the {@code --plot} file, or null
 * @param hessian whether {@code --hessian} was given
 * @param format  the {@code --format} name
 * @param digits  the {@code --digits} count
 * @param output  the {@code -o} file, or null
 * @param style   the style options for {@code -o} (not read without it)
 */
record GradJob(String program, List<String> at, String of, List<String> wrt, Double lr, int steps, Path plot,
        boolean hessian, String format, int digits, Path output, StyleOptions style) {

    /** {@code --format}'s default. */
    static final String DEFAULT_FORMAT = "table";
    /** {@code --digits}' default. */
    static final int DEFAULT_DIGITS = 10;
    /** {@code --steps}' default. */
    static final int DEFAULT_STEPS = 0;

    /** {@code grad PROGRAM [--at ...] [--of ...]}: every other option at its default. */
    static GradJob plain(String program, List<String> at, String of) {
        return new GradJob(program, at, of, null, null, DEFAULT_STEPS, null, false, DEFAULT_FORMAT, DEFAULT_DIGITS,
                null, null);
    }

    /**
     * Runs the command.
     *
     * @return the exit code: 0, or 2 when the computation met an anomaly (reported on {@code io.err()})
     * @throws UserError and the other exceptions {@link Failures} reports, for bad input
     */
    int run(Io io) {
        String f = GradReport.checkFormat(format);
        if (output != null) {
            style.prepareEngine(output);
        }
        if (digits < 1 || digits > 17) {
            throw new UserError("--digits must be between 1 and 17, not " + digits);
        }
        Program p = ProgramSource.load(program);
        Map<String, Double> point = AtValues.parse(at == null ? List.of() : at);
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
