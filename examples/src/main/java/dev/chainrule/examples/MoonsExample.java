package dev.chainrule.examples;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.viz.Charts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * micrograd's demo: an MLP 2-16-16-1 (ReLU, ReLU, linear) on 100 moons points, with micrograd's
 * own data and initial weights, hinge loss + 1e-4·L2, and SGD with η = 1 − 0.9·k/100 for 100
 * steps. Every operation runs in micrograd's order, so the losses match micrograd's to the bit:
 * the loss at step 99 is 0.010978370135492717 and the accuracy 100 %. Pictures: the decision
 * boundary over the data, and the loss and accuracy per step.
 */
public final class MoonsExample implements Example {

    static final int STEPS = 100;

    /** The loss and accuracy at each step, and the trained model. */
    record Result(double[] losses, double[] accuracies, MLP model, MoonsData data) {
    }

    @Override
    public String name() {
        return "moons";
    }

    @Override
    public String summary() {
        return "micrograd's moons demo: MLP 2-16-16-1, hinge loss, 100 SGD steps, bit-exact";
    }

    /** Trains the model: 100 steps of W1's recipe (benchmark README). */
    static Result compute() {
        MoonsData data = MoonsData.load();
        int n = data.y.length;
        // The weights are overwritten with micrograd's, so the generator's draws do not matter.
        MLP model = new MLP(2, List.of(16, 16, 1),
                List.of(Activation.RELU, Activation.RELU, Activation.LINEAR), new Random(1337));
        model.setParameters(data.initialParameters);
        Sgd sgd = new Sgd(model.parameters(), k -> 1.0 - 0.9 * k / 100);
        double[] losses = new double[STEPS];
        double[] accuracies = new double[STEPS];
        for (int k = 0; k < STEPS; k++) {
            List<Value> scores = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                scores.add(model.forward(data.x[i]).get(0));
            }
            Value loss = Losses.hinge(scores, data.y).add(Losses.l2(model.parameters(), 1e-4));
            int correct = 0;
            for (int i = 0; i < n; i++) {
                if ((data.y[i] > 0) == (scores.get(i).data() > 0)) {
                    correct++;
                }
            }
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
            losses[k] = loss.data();
            accuracies[k] = (double) correct / n;
        }
        return new Result(losses, accuracies, model, data);
    }

    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Result r = compute();
        print(r, out);
        pictures(r, out, outDir);
    }

    /** Writes the decision boundary and the training curves into {@code outDir}. */
    static void pictures(Result r, PrintStream out, Path outDir) {
        int[] labels = new int[r.data().y.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = r.data().y[i] > 0 ? 1 : 0;
        }
        Pictures.chart(out, Charts.decisionBoundary((a, b) -> score(r.model(), a, b), 0.0,
                r.data().x, labels), outDir, "moons-decision-boundary");
        Pictures.chart(out, Charts.history(r.losses(), r.accuracies()), outDir, "moons-training");
    }

    /** The trained model's margin at (a, b), without recording a graph. */
    static double score(MLP model, double a, double b) {
        try (Autograd.Scope s = Autograd.noGrad()) {
            return model.forward(a, b).get(0).data();
        }
    }

    /** Prints a result as {@link #run} does. */
    static void print(Result r, PrintStream out) {
        out.println("MLP 2-16-16-1 (" + r.model().parameterCount() + " parameters), "
                + r.data().y.length + " points, hinge loss + 1e-4·L2, η = 1 − 0.9·k/100");
        for (int k = 0; k < STEPS; k++) {
            if (k % 10 == 0 || k == STEPS - 1) {
                out.printf("step %2d loss %s, accuracy %s%%%n", k,
                        Double.toString(r.losses()[k]), Format.plain(100 * r.accuracies()[k]));
            }
        }
    }

    /** Runs this example alone; pictures go to {@code chainrule-out/moons}. */
    public static void main(String... args) throws IOException {
        Examples.main("moons");
    }
}
