package dev.chainrule.nn.optim;

/**
 * The learning rate to use at each step (0-based), such as {@code k -> 1.0 - 0.9 * k / 100}.
 *
 * <pre>{@code
 * Sgd sgd = new Sgd(model.parameters(), LrSchedule.stepDecay(0.1, 30, 0.5));
 * }</pre>
 */
@FunctionalInterface
public interface LrSchedule {

    /**
     * The learning rate for step {@code step}.
     *
     * @param step the number of updates made before this one (0 for the first)
     * @return the learning rate for step {@code step}
     */
    double at(int step);

    /**
     * {@return the same rate at every step}
     *
     * @param lr the learning rate
     */
    static LrSchedule constant(double lr) {
        return k -> lr;
    }

    /**
     * A straight line from {@code start} at step 0 to {@code end} at step {@code steps}, then
     * {@code end}: {@code start − (start − end)·k/steps}.
     *
     * @param start the start
     * @param end the end
     * @param steps how many steps
     * @return A straight line from {@code start} at step 0 to {@code end} at step {@code steps}, then {@code
     *     end}: {@code start − (start − end)·k/steps}
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    static LrSchedule linear(double start, double end, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("LrSchedule.linear: steps must be at least 1, got " + steps);
        }
        return k -> k >= steps ? end : start - (start - end) * k / steps;
    }

    /**
     * {@code lr·gamma^(k / every)} (integer division): multiplied by gamma every {@code every}
     * steps.
     *
     * @param lr the learning rate
     * @param every after how many steps
     * @param gamma the factor
     * @return {@code lr·gamma^(k / every)} (integer division): multiplied by gamma every {@code every} steps
     * @throws IllegalArgumentException if {@code every < 1}
     */
    static LrSchedule stepDecay(double lr, int every, double gamma) {
        if (every < 1) {
            throw new IllegalArgumentException("LrSchedule.stepDecay: every must be at least 1, got " + every);
        }
        return k -> lr * Math.pow(gamma, k / every);
    }

    /**
     * {@return {@code lr·gamma^k}}
     *
     * @param lr the learning rate
     * @param gamma the factor
     */
    static LrSchedule exponential(double lr, double gamma) {
        return k -> lr * Math.pow(gamma, k);
    }

    /**
     * Cosine annealing from {@code lr} to {@code min} over {@code steps}, then {@code min}.
     *
     * @param lr the learning rate
     * @param min the smallest
     * @param steps how many steps
     * @return cosine annealing from {@code lr} to {@code min} over {@code steps}, then {@code min}
     * @throws IllegalArgumentException if {@code steps < 1}
     */
    static LrSchedule cosine(double lr, double min, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("LrSchedule.cosine: steps must be at least 1, got " + steps);
        }
        return k -> k >= steps ? min : min + 0.5 * (lr - min) * (1 + Math.cos(Math.PI * k / steps));
    }
}
