package dev.chainrule.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The loss over a run of gradient descent, at steps 0, 1, 10, 100, ... and the last: what grad --steps prints first. */
final class DescentSummary {
    private final String output;
    private final List<String> parameters;
    private final double lr;
    private final double[] losses;
    private final int digits;

    DescentSummary(String output, List<String> parameters, double lr, double[] losses, int digits) {
        this.output = output;
        this.parameters = parameters;
        this.lr = lr;
        this.losses = losses;
        this.digits = digits;
    }

    /** The steps shown: 0, 1, 10, 100, ... below the last, then the last. */
    static List<Integer> checkpoints(int steps) {
        List<Integer> out = new ArrayList<>();
        out.add(0);
        for (long s = 1; s < steps; s *= 10) {
            out.add((int) s);
        }
        if (steps > 0) {
            out.add(steps);
        }
        return out;
    }

    void print(PrintStream out) {
        int steps = losses.length - 1;
        out.println("Gradient descent: " + steps + " step" + (steps == 1 ? "" : "s") + " with η = "
                + Numbers.human(lr, 10) + " on " + Computation.list(parameters));
        TextTable t = new TextTable(new boolean[] {true, true}, "step", output);
        for (int s : checkpoints(steps)) {
            t.add(String.valueOf(s), Numbers.human(losses[s], digits));
        }
        out.print(t);
        out.println("Values after step " + steps + ":");
    }
}
