package dev.chainrule.cli;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chainrule check}: which of the user's own answers are wrong, and the likely mistake. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Which of your own answers are wrong, and why.",
            "Checks your answers against PROGRAM's values and gradients, each at the precision you "
                + "wrote it (0.5695 passes for anything within ±0.00005), and says what a wrong one's "
                + "mistake most likely is: a flipped sign, two answers swapped, a factor of 2 or of the "
                + "learning rate, a value from before the update instead of after, or another node's value "
                + "or gradient. Exit code 0 when every answer is right, 1 when any is wrong, 2 for bad "
                + "input."},
        footer = {"", "Answers, one per line (or separated by ';'):",
            "  out_h1 = 0.5932          a value",
            "  dE/dw5 = 0.082167041     a gradient (also ∂E/∂w5)",
            "  w5' = 0.35891648         an updated value w5 − η·∂E/∂w5, needs --lr (also: new w5 = ...)",
            "", "Examples:",
            "  chainrule check \"f = (x + y)·z\" --at x=-2,y=5,z=-4 --expect \"q = 3; df/dx = 4\"",
            "  chainrule check network.txt --expect answers.txt --lr 0.5"})
final class CheckCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--expect", required = true, paramLabel = "FILE_OR_TEXT", description = "your answers: a file or the text")
    String expect;

    @Mixin
    ProgramOptions program;

    @Option(names = "--lr", paramLabel = "ETA", description = "the learning rate, for updated values")
    Double lr;

    @Option(names = "--wrt", split = ",", paramLabel = "NAMES", description = "the inputs that are updated (default: every input)")
    List<String> wrt;

    @Option(names = "--tol", paramLabel = "TOL", description = "one tolerance for every answer, instead of the precision written")
    Double tol;

    CheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (tol != null && !(tol >= 0 && Double.isFinite(tol))) {
            throw new UserError("--tol must be a finite number ≥ 0, not " + tol);
        }
        Program p = program.load();
        List<Answer> answers = new ArrayList<>();
        for (Answer a : Answer.parseAll(ProgramSource.text(expect, System.in, "answers", "q = 3; dE/dw5 = 0.0822"))) {
            answers.add(tol == null ? a : a.withTolerance(tol));
        }
        if (answers.isEmpty()) {
            throw new UserError("--expect: no answers found; write one per line, such as q = 3 or dE/dw5 = 0.0822");
        }
        Computation c = program.run(p, wrt, lr);
        for (Answer a : answers) {
            validate(a, c);
        }
        Actuals now = new Actuals(c, c.at);
        double[] actual = new double[answers.size()];
        boolean[] right = new boolean[answers.size()];
        int wrong = 0;
        for (int i = 0; i < actual.length; i++) {
            actual[i] = now.of(answers.get(i));
            right[i] = answers.get(i).matches(actual[i]);
            wrong += right[i] ? 0 : 1;
        }
        Actuals after = c.lr == null ? null : new Actuals(c, updatedPoint(c));
        TextTable t = new TextTable(new boolean[] {false, false, false}, "answer", "", "");
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < actual.length; i++) {
            Answer a = answers.get(i);
            t.add(a.written(), right[i] ? "ok" : "wrong",
                    "expected " + a.writtenValue() + ", actual " + Numbers.human(actual[i], 10));
            diagnoses.add(right[i] ? null : diagnose(i, answers, actual, right, c, after));
        }
        String[] lines = t.toString().split("\n");
        for (int i = 0; i < answers.size(); i++) {
            io.out().println(lines[i + 1]);
            if (diagnoses.get(i) != null) {
                io.out().println("    → " + diagnoses.get(i));
            }
        }
        io.out().println(wrong == 0 ? "All " + answers.size() + " answers are right."
                : wrong + " of " + answers.size() + " answers " + (wrong == 1 ? "is" : "are") + " wrong.");
        return wrong == 0 ? 0 : 1;
    }

    private static void validate(Answer a, Computation c) {
        Program p = c.program;
        String where = "answer on line " + a.line() + " '" + a.written() + "': ";
        if (!p.has(a.node())) {
            throw new UserError(where + "the program has no node named '" + a.node() + "'; its nodes are "
                    + Computation.list(p.names()));
        }
        if (a.kind() == Answer.Kind.GRADIENT && !p.has(a.of())) {
            throw new UserError(where + "the program has no node named '" + a.of() + "'; its nodes are "
                    + Computation.list(p.names()));
        }
        if (a.kind() == Answer.Kind.UPDATED) {
            if (c.lr == null) {
                throw new UserError(where + "this is a value after the update; give the learning rate with --lr");
            }
            if (!c.wrt.contains(a.node())) {
                throw new UserError(where + "'" + a.node() + "' is not updated: only inputs named by --wrt are "
                        + "(now " + Computation.list(c.wrt) + ")");
            }
        }
    }

    /** The inputs after one step w − η·∂output/∂w, every other input as it was. */
    private static Map<String, Double> updatedPoint(Computation c) {
        Map<String, Double> point = new LinkedHashMap<>(c.at);
        for (String w : c.wrt) {
            point.put(w, c.updated(w));
        }
        return point;
    }

    /** The true value of each kind of answer at one point, evaluating each output once. */
    private static final class Actuals {
        private final Computation c;
        private final Map<String, Double> point;
        private final Map<String, Evaluation> byOutput = new HashMap<>();

        Actuals(Computation c, Map<String, Double> point) {
            this.c = c;
            this.point = point;
        }

        Evaluation at(String output) {
            if (point == c.at && output.equals(c.outputName())) {
                return c.evaluation;
            }
            return byOutput.computeIfAbsent(output, o -> {
                Evaluation ev = c.program.evaluate(point, o);
                ev.output().backward();
                return ev;
            });
        }

        double of(Answer a) {
            return switch (a.kind()) {
                case VALUE -> at(c.outputName()).node(a.node()).data();
                case GRADIENT -> at(a.of()).node(a.node()).grad();
                case UPDATED -> {
                    Value w = at(c.outputName()).node(a.node());
                    yield w.data() - c.lr * w.grad();
                }
            };
        }
    }

    private static String diagnose(int i, List<Answer> answers, double[] actual, boolean[] right, Computation c,
                                   Actuals after) {
        Answer a = answers.get(i);
        double x = actual[i];
        for (int j = 0; j < answers.size(); j++) {
            Answer b = answers.get(j);
            if (j != i && !right[j] && a.pointsTo(actual[j], x) && b.pointsTo(x, actual[j])) {
                return "swapped with " + b.subject() + " (line " + b.line() + "): each is the other's value";
            }
        }
        if (x != 0 && a.pointsTo(-x, x)) {
            return "the sign is flipped";
        }
        if (a.kind() == Answer.Kind.UPDATED) {
            String diagnosis = diagnoseUpdate(a, c, x);
            if (diagnosis != null) {
                return diagnosis;
            }
        }
        if (x != 0 && a.pointsTo(2 * x, x)) {
            return "twice the right value: off by a factor of 2 (the ½ in E = ½(target − out)²?)";
        }
        if (x != 0 && a.pointsTo(x / 2, x)) {
            return "half the right value: off by a factor of 2 (the ½ in E = ½(target − out)²?)";
        }
        if (c.lr != null && c.lr != 1 && x != 0 && a.kind() != Answer.Kind.UPDATED) {
            if (a.pointsTo(c.lr * x, x)) {
                return "off by a factor of the learning rate: this is η·(the right value), with η = "
                        + Numbers.human(c.lr, 10);
            }
            if (a.pointsTo(x / c.lr, x)) {
                return "off by a factor of the learning rate: this is (the right value)/η, with η = "
                        + Numbers.human(c.lr, 10);
            }
        }
        if (after != null && a.kind() != Answer.Kind.UPDATED && a.pointsTo(after.of(a), x)) {
            return "this is the value after the update; use the values from before it";
        }
        return otherNode(a, c);
    }

    /**
     * Whether the answer is another node's value (out_h1 answered with net_h1's) or another
     * node's gradient. Only for answers of three or more significant digits, where a chance
     * match is unlikely.
     */
    private static String otherNode(Answer a, Computation c) {
        if (a.significantDigits() < 3 || a.kind() == Answer.Kind.UPDATED) {
            return null;
        }
        Evaluation ev = a.kind() == Answer.Kind.VALUE || a.of().equals(c.outputName()) ? c.evaluation : null;
        if (ev == null) {
            ev = c.program.evaluate(c.at, a.of());
            ev.output().backward();
        }
        for (Map.Entry<String, Value> e : ev.nodes().entrySet()) {
            if (e.getKey().equals(a.node())) {
                continue;
            }
            if (a.kind() == Answer.Kind.VALUE && a.matches(e.getValue().data())) {
                return "this is the value of " + e.getKey() + ", not of " + a.node();
            }
            if (a.kind() == Answer.Kind.GRADIENT && a.matches(e.getValue().grad())) {
                return "this is ∂" + a.of() + "/∂" + e.getKey() + ", not ∂" + a.of() + "/∂" + a.node();
            }
        }
        return null;
    }

    private static String diagnoseUpdate(Answer a, Computation c, double x) {
        Value w = c.node(a.node());
        String name = a.node();
        String dE = "∂" + c.outputName() + "/∂" + name;
        if (a.pointsTo(w.data(), x)) {
            return "this is " + name + " before the update; after it, " + name + "' = " + name + " − η·" + dE;
        }
        if (a.pointsTo(w.data() + c.lr * w.grad(), x)) {
            return "the update went the wrong way: this is " + name + " + η·" + dE + "; subtract it";
        }
        if (c.lr != 1 && a.pointsTo(w.data() - w.grad(), x)) {
            return "the learning rate is missing: this is " + name + " − " + dE + ", not " + name + " − η·" + dE;
        }
        if (a.pointsTo(c.lr * w.grad(), x)) {
            return "this is the step η·" + dE + "; the updated value is " + name + " − η·" + dE;
        }
        return null;
    }
}
