package dev.chainrule.cli;

import dev.chainrule.checker.CheckReport;
import dev.chainrule.checker.Checker;
import dev.chainrule.checker.LineResult;
import dev.chainrule.checker.Problem;
import dev.chainrule.checker.Verdict;
import dev.chainrule.engine.expr.Program;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code chainrule check}: the command-line front end of the {@code checker} library, which
 * judges the user's own answers and names their mistakes.
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which of your own answers are right, wrong or unclear, and why.",
            "Checks your answers against PROGRAM's values, gradients and updates, each at the precision "
                + "you wrote it (0.5695 stands for anything from 0.56945 to 0.56955). An answer is ok only when "
                + "that precision also tells it from every plausible mistake; otherwise it is unclear, and the "
                + "line says what else it matches and how many digits decide. A wrong answer is named after "
                + "the mistake it matches (σ′ left out, σ′ at the net input, the sign of (target − output), the ½ "
                + "of the square, a mean for a sum, updated weights used to back-propagate, two weights swapped, "
                + "one path of a sum left out, the update's slips), or after the earlier line it follows from. An "
                + "answer that follows from your own correctly rounded numbers is right with rounding. Exit code "
                + "0 when every answer is right, 1 when any is wrong or unclear, 2 for bad input (an answer line "
                + "that cannot be read is reported and the others are still judged)."},
        footer = {"", "Answers, one per line (or separated by ';'), in the course material's notation:",
            "  out_h1 = 0.5933          a value",
            "  dE/dw5 = 0.082167041     a gradient (also ∂E/∂w5, δE/δw5, dE_total/dw5)",
            "  w5' = 0.35891648         an updated value w5 − η·∂E/∂w5, needs --lr (also w5+, w5⁺, new w5, w5 new)",
            "  Δw5 = -0.04108352        the step −η·∂E/∂w5",
            "E (or E_total) stands for the output when no node has that name.",
            "With --lr, only parameters are updated: those named by --params, else those the program",
            "declares with 'param w1 = 0.15', else inputs named like weights and biases (w5, W, b1).",
            "", "Examples:",
            "  chainrule check \"x = -2; y = 5; z = -4; q = x + y; f = q·z\" --expect \"q = 3; df/dx = 4\"",
            "  chainrule check cli/src/test/resources/mazur.txt --lr 0.5 --expect \"w5' = 0.4; dE/dw1 = 0.000877136\""})
final class CheckCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--expect", required = true, paramLabel = "FILE_OR_TEXT", description = "your answers: a file or the text")
    String expect;

    final ProgramOptions program = new ProgramOptions();

    /** PROGRAM, --at and --of, built in code (see ProgramOptions). */
    @Mixin
    final CommandSpec programOptions = program.mixin();

    @Option(names = "--lr", paramLabel = "ETA", description = "the learning rate, for updated values and --steps")
    Double lr;

    @Option(names = {"--params", "--wrt"}, split = ",", paramLabel = "NAMES",
            description = "the parameters that the update changes (default: the program's param declarations, "
                    + "else names like w5, W, b1)")
    List<String> params;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "0",
            description = "judge the numbers after N gradient-descent steps (needs --lr; default 0)")
    int steps;

    @Option(names = "--tol", paramLabel = "TOL", description = "one tolerance for every answer, instead of the precision written")
    Double tol;

    CheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Program p = program.load();
        String answers = ProgramSource.text(expect, System.in, "answers", "q = 3; dE/dw5 = 0.0822");
        Problem problem;
        try {
            Computation.checkOf(p, program.of());
            problem = Problem.builder(p).inputs(program.values()).output(program.of()).learningRate(lr)
                    .parameters(params).steps(steps).tolerance(tol).build();
        } catch (IllegalArgumentException e) {
            throw new UserError(optionFor(e.getMessage()));
        }
        CheckReport report = Checker.check(problem, answers);
        if (report.results().isEmpty()) {
            throw new UserError("--expect: no answers found; write one per line, such as q = 3 or dE/dw5 = 0.0822");
        }
        TextTable t = new TextTable(new boolean[] {false, false, false}, "answer", "", "");
        for (LineResult r : report.results()) {
            t.add(r.written(), r.verdict().word(),
                    r.verdict() == Verdict.UNREADABLE ? "" : "true value " + Numbers.human(r.trueValue(), 10));
        }
        String[] lines = t.toString().split("\n");
        for (int i = 0; i < report.results().size(); i++) {
            LineResult r = report.results().get(i);
            io.out().println(lines[i + 1].stripTrailing());
            if (!r.message().isEmpty()) {
                io.out().println("    → " + r.message());
            }
        }
        io.out().println(report.summary());
        for (LineResult r : report.results()) {
            if (r.verdict() == Verdict.UNREADABLE) {
                io.err().println("error: answers " + r.message());
            }
        }
        return report.exitStatus();
    }

    /** The library's message with the option the user set named in CLI terms. */
    private static String optionFor(String message) {
        if (message.startsWith("the learning rate")) {
            return "--lr: " + message;
        }
        if (message.contains("steps")) {
            return "--steps: " + message;
        }
        if (message.startsWith("the tolerance")) {
            return "--tol: " + message;
        }
        if (message.contains("to differentiate")) {
            return "--of: " + message;
        }
        return message.startsWith("'") ? "--params " + message : message;
    }
}
