package dev.chainrule.checker;

import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plain gradient descent on a program's parameters, w ← w − η·∂output/∂w, every other input left
 * as it is: what a student does by hand for one step, and the course material for 10,000.
 *
 * <pre>{@code
 * GradientDescent.Run run = GradientDescent.run(program, Map.of(), "E", List.of("w1", "w2"), 0.5, 10_000);
 * run.losses()[10_000];   // the loss after the last step
 * run.point().get("w1");  // w1 after it
 * }</pre>
 */
public final class GradientDescent {
    private GradientDescent() {
    }

    /**
     * Where a run of gradient descent went.
     *
     * @param losses the output before each step and after the last one: {@code steps + 1} numbers
     * @param point  every input's value after the last step (the given inputs, the program's own,
     *               and the parameters as updated)
     */
    public record Run(double[] losses, Map<String, Double> point) {
    }

    /**
     * Runs {@code steps} steps.
     *
     * @param inputs     values overriding the program's own inputs (not modified)
     * @param output     the node to minimise, or null for the last statement
     * @param parameters the inputs to update
     * @param eta        the learning rate
     * @param program the program
     * @param steps how many steps
     * @return the resulting run
     * @throws IllegalArgumentException if steps is negative, η is not finite, or the output or a
     *                                  gradient stops being a finite number (the message says at which step)
     */
    public static Run run(Program program, Map<String, Double> inputs, String output, List<String> parameters,
                          double eta, int steps) {
        Objects.requireNonNull(program, "program");
        if (steps < 0) {
            throw new IllegalArgumentException("the number of steps must be 0 or more, not " + steps);
        }
        if (!Double.isFinite(eta)) {
            throw new IllegalArgumentException("the learning rate must be a finite number, not " + eta);
        }
        Map<String, Double> point = new LinkedHashMap<>(program.defaults());
        point.putAll(inputs);
        double[] losses = new double[steps + 1];
        for (int s = 0; s <= steps; s++) {
            Evaluation ev = program.evaluate(point, output);
            losses[s] = ev.output().data();
            if (!Double.isFinite(losses[s])) {
                throw new IllegalArgumentException(ev.outputName() + " is " + losses[s] + " after " + s
                        + " steps: the learning rate " + eta + " is too large for this problem");
            }
            if (s == steps) {
                break;
            }
            ev.output().backward();
            for (String w : parameters) {
                double next = point.get(w) - eta * ev.node(w).grad();
                if (!Double.isFinite(next)) {
                    throw new IllegalArgumentException(w + " is " + next + " after " + (s + 1)
                            + " steps: the learning rate " + eta + " is too large for this problem");
                }
                point.put(w, next);
            }
        }
        return new Run(losses, point);
    }
}
