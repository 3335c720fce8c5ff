package dev.chainrule.checker;

import dev.chainrule.engine.expr.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A problem's network ready to be judged against: its graph, the true numbers, and the true
 * numbers one step later (for "the value after the update" and the updated parameters).
 */
final class Network {
    private final Problem problem;
    private final Tape tape;
    private final int output;
    private final int[] params;
    private final World truth;
    private final World after;

    Network(Problem problem) {
        this.problem = problem;
        Map<String, Double> start = problem.inputs();
        if (problem.steps() > 0) {
            start = GradientDescent.run(problem.program(), start, problem.output(), problem.parameters(),
                    problem.learningRate(), problem.steps()).point();
        }
        Evaluation ev = problem.program().evaluate(start, problem.output());
        this.tape = Tape.of(ev);
        this.output = tape.indexOf(problem.output());
        List<String> names = problem.parameters();
        this.params = new int[names.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = tape.indexOf(names.get(i));
        }
        this.truth = World.of(this, tape.initialValues(), BackwardRule.STANDARD);
        this.after = problem.learningRate() == null ? null
                : World.of(this, truth.updatedLeaves(), BackwardRule.STANDARD);
    }

    Problem problem() {
        return problem;
    }

    Tape tape() {
        return tape;
    }

    /** The true numbers (after {@link Problem#steps()} steps). */
    World truth() {
        return truth;
    }

    /** The true numbers one step later, or null without a learning rate. */
    World after() {
        return after;
    }

    int output() {
        return output;
    }

    String outputName() {
        return problem.output();
    }

    Double learningRate() {
        return problem.learningRate();
    }

    int[] parameterIndices() {
        return params;
    }

    boolean isParameter(int node) {
        for (int p : params) {
            if (p == node) {
                return true;
            }
        }
        return false;
    }

    boolean has(String name) {
        return tape.indexOf(name) >= 0;
    }

    /** The node's index; the name must exist. */
    int index(String name) {
        int i = tape.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("the program has no node named '" + name + "'");
        }
        return i;
    }

    /** The program's names, in order. */
    List<String> names() {
        return problem.program().names();
    }

    /** Why {@code name} has no updated value (no learning rate, not a parameter), or null when it has one. */
    String whyNotUpdated(String name) {
        if (problem.learningRate() == null) {
            return "this is a value after the update; give the learning rate (--lr)";
        }
        if (!isParameter(index(name))) {
            List<String> ps = new ArrayList<>(problem.parameters());
            return "'" + name + "' is not updated: only parameters are (now " + Names.list(ps) + "); declare it "
                    + "with param " + name + " = ... or name it with --params";
        }
        return null;
    }
}
