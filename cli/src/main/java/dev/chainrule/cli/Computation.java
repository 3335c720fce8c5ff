package dev.chainrule.cli;

import dev.chainrule.checker.Parameters;
import dev.chainrule.engine.Grad;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import dev.chainrule.engine.expr.ProgramException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One program evaluated at the user's point with the backward pass run: what grad, check and
 * render all start from.
 */
final class Computation {
    final Program program;
    final Map<String, Double> at;
    final Evaluation evaluation;
    /** The inputs the update and the Hessian are taken with respect to. */
    final List<String> wrt;
    /** The learning rate, or null when none was given. */
    final Double lr;

    private Computation(Program program, Map<String, Double> at, Evaluation evaluation, List<String> wrt, Double lr) {
        this.program = program;
        this.at = at;
        this.evaluation = evaluation;
        this.wrt = wrt;
        this.lr = lr;
    }

    /**
     * Evaluates {@code program} at {@code at} with {@code of} as output (null for the last
     * statement), and runs backward.
     */
    static Computation run(Program program, Map<String, Double> at, String of, List<String> wrt, Double lr) {
        checkOf(program, of);
        List<String> w = wrt != null && !wrt.isEmpty() ? checkWrt(program, wrt)
                : lr != null ? parameters(program) : program.inputs();
        if (lr != null && !Double.isFinite(lr)) {
            throw new UserError("--lr must be a finite number, not " + lr);
        }
        Evaluation ev = evaluate(program, at, of);
        ev.output().backward();
        return new Computation(program, at, ev, List.copyOf(w), lr);
    }

    /** Refuses an {@code --of} that names no node of the program (null, for the last statement, passes). */
    static void checkOf(Program program, String of) {
        if (of != null && !program.has(of)) {
            throw new UserError("--of " + of + ": the program has no node named '" + of + "'; its nodes are "
                    + list(program.names()));
        }
    }

    private static Evaluation evaluate(Program program, Map<String, Double> at, String of) {
        try {
            return program.evaluate(at, of);
        } catch (ProgramException e) {
            if (e.getMessage().startsWith("unknown name")) {
                throw new UserError(e.getMessage() + "\nGive it a value in the program or with --at NAME=VALUE.");
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UserError("--at: " + e.getMessage());
        }
    }

    private static List<String> checkWrt(Program program, List<String> wrt) {
        List<String> out = new ArrayList<>();
        for (String raw : wrt) {
            String name = raw.trim();
            if (!program.has(name)) {
                throw new UserError("--wrt " + name + ": the program has no input named '" + name + "'; its inputs are "
                        + list(program.inputs()));
            }
            if (!program.isInput(name)) {
                throw new UserError("--wrt " + name + ": '" + name + "' is computed (" + name + " = "
                        + program.definition(name) + "), not an input; its inputs are " + list(program.inputs()));
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The inputs that {@code --lr} updates when no {@code --wrt} is given: the program's parameters
     * (its {@code param} declarations, else names like w5, W, b1), never data such as i1 or t1.
     */
    private static List<String> parameters(Program program) {
        List<String> ps = Parameters.of(program, null);
        if (ps.isEmpty()) {
            throw new UserError("--lr: the program has no parameters to update; declare them (param w = 0.5), or "
                    + "name them with --wrt (its inputs are " + list(program.inputs()) + ")");
        }
        return ps;
    }

    static String list(List<String> names) {
        return names.size() <= 20 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
    }

    String outputName() {
        return evaluation.outputName();
    }

    Value node(String name) {
        return evaluation.node(name);
    }

    /** w − η·∂output/∂w for an input w; needs a learning rate. */
    double updated(String name) {
        Value v = node(name);
        return v.data() - lr * v.grad();
    }

    /** What kind of node this is, for the op column: input, constant, or the op's name. */
    String opOf(String name) {
        Value v = node(name);
        if (program.isInput(name)) {
            return "input";
        }
        return v.isLeaf() ? "constant" : v.op().name();
    }

    /** The matrix ∂²output/∂a∂b over {@link #wrt}, from the gradient graphs. */
    double[][] hessian() {
        Value[] leaves = new Value[wrt.size()];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = node(wrt.get(i));
        }
        Value[] first = Grad.of(evaluation.output(), leaves);
        double[][] h = new double[leaves.length][];
        for (int i = 0; i < leaves.length; i++) {
            Value[] second = Grad.of(first[i], leaves);
            h[i] = new double[leaves.length];
            for (int j = 0; j < leaves.length; j++) {
                h[i][j] = second[j].data();
            }
        }
        return h;
    }

    /**
     * If an updated value (with {@code --lr}) overflows, or a named node's value or grad is NaN or
     * infinite, the anomaly message that says which op
     * first made it and where; otherwise null.
     */
    String anomaly() {
        if (lr != null) {
            for (String name : wrt) {
                double w = updated(name);
                if (!Double.isFinite(w)) {
                    return "the update of " + name + " is not finite: " + name + " − η·∂" + outputName() + "/∂" + name
                            + " = " + Numbers.human(node(name).data(), 6) + " − " + Numbers.human(lr, 6) + "·"
                            + Numbers.human(node(name).grad(), 6) + " = " + Numbers.human(w, 6)
                            + "; use a smaller --lr";
                }
            }
        }
        boolean bad = false;
        for (Value v : evaluation.nodes().values()) {
            if (!Double.isFinite(v.data()) || !Double.isFinite(v.grad())) {
                bad = true;
                break;
            }
        }
        if (!bad) {
            return null;
        }
        return program.firstAnomaly(at, evaluation.outputName()).orElse("a value or gradient is not finite");
    }
}
