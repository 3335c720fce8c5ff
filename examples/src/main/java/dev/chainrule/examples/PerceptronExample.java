package dev.chainrule.examples;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.models.Perceptron;
import dev.chainrule.nn.models.PerceptronResult;
import dev.chainrule.nn.optim.Sgd;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The perceptron learning rule on AND and OR (it converges) and on XOR (it cannot: XOR is not
 * linearly separable), then a 2-2-1 sigmoid MLP trained by gradient descent that learns XOR.
 */
public final class PerceptronExample implements Example {

    static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    /** The truth tables on {@link #INPUTS}, in the order they are shown. */
    static final Map<String, int[]> GATES = gates();
    static final double RATE = 0.1;
    static final int MAX_EPOCHS = 100;
    static final long MLP_SEED = 3;
    static final int MLP_EPOCHS = 2000;

    /** One gate's perceptron run: the outcome, the weights w1, w2, b, and the predictions. */
    record GateRun(String gate, PerceptronResult result, double[] parameters, int[] predictions) {
    }

    /** The XOR network after training: its loss history and its outputs on the four inputs. */
    record XorRun(TrainingHistory history, double[] outputs, MLP model) {
    }

    @Override
    public String name() {
        return "perceptron";
    }

    @Override
    public String summary() {
        return "the perceptron rule on AND, OR (converges) and XOR (does not); a 2-2-1 MLP learns XOR";
    }

    private static Map<String, int[]> gates() {
        Map<String, int[]> g = new LinkedHashMap<>();
        g.put("AND", new int[] {0, 0, 0, 1});
        g.put("OR", new int[] {0, 1, 1, 1});
        g.put("XOR", new int[] {0, 1, 1, 0});
        return Collections.unmodifiableMap(g);
    }

    /** Trains a fresh perceptron (weights and bias at 0) on one gate. */
    static GateRun perceptron(String gate) {
        int[] y = GATES.get(gate);
        Perceptron p = new Perceptron(2);
        PerceptronResult r = p.train(INPUTS, y, RATE, MAX_EPOCHS);
        int[] predicted = new int[INPUTS.length];
        for (int i = 0; i < INPUTS.length; i++) {
            predicted[i] = p.predict(INPUTS[i]);
        }
        return new GateRun(gate, r, p.parameterValues(), predicted);
    }

    /** A 2-2-1 sigmoid network trained on XOR by full-batch gradient descent on the MSE. */
    static XorRun xorNetwork() {
        MLP model = new MLP(2, List.of(2, 1), List.of(Activation.SIGMOID, Activation.SIGMOID),
                new Random(MLP_SEED));
        double[] labels = new double[INPUTS.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = GATES.get("XOR")[i];
        }
        Dataset xor = new Dataset(INPUTS, labels);
        TrainingHistory history = Trainer.builder(
                batch -> Losses.mse(SingleOutput.of(model, batch), batch.labels()),
                new Sgd(model.parameters(), 2.0))
                .epochs(MLP_EPOCHS).progressBar(false).build().fit(xor);
        double[] out = new double[INPUTS.length];
        for (int i = 0; i < INPUTS.length; i++) {
            out[i] = model.forward(INPUTS[i]).get(0).data();
        }
        return new XorRun(history, out, model);
    }


    @Override
    public void run(PrintStream out, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        out.println("Perceptron rule, α = " + RATE + ", weights and bias start at 0, step(0) = 1");
        for (String gate : GATES.keySet()) {
            GateRun g = perceptron(gate);
            double[] p = g.parameters();
            out.printf("%-4s %s after %d epochs: w1 = %s, w2 = %s, b = %s; predicts %s for %s%n",
                    gate, g.result().converged() ? "converged" : "did NOT converge",
                    g.result().epochs(), Format.fixed(p[0], 2), Format.fixed(p[1], 2),
                    Format.fixed(p[2], 2), Arrays.toString(g.predictions()),
                    Arrays.toString(GATES.get(gate)));
        }
        out.println("XOR is not linearly separable: no line splits {01, 10} from {00, 11}.");
        XorRun x = xorNetwork();
        out.println("A 2-2-1 sigmoid MLP on XOR (seed " + MLP_SEED + ", MSE, gradient descent η = 2, "
                + MLP_EPOCHS + " epochs): loss " + Format.fixed(x.history().epochs().get(0)
                .trainLoss(), 4) + " → " + Format.fixed(x.history().last().trainLoss(), 6));
        for (int i = 0; i < INPUTS.length; i++) {
            out.printf("  %s xor %s = %s → %d%n", Format.plain(INPUTS[i][0]),
                    Format.plain(INPUTS[i][1]), Format.fixed(x.outputs()[i], 4),
                    x.outputs()[i] >= 0.5 ? 1 : 0);
        }
        double[] w = x.model().parameterValues();
        StringBuilder s = new StringBuilder("  weights:");
        List<String> names = new ArrayList<>(x.model().namedParameters().keySet());
        for (int i = 0; i < w.length; i++) {
            s.append(' ').append(names.get(i)).append(" = ").append(Format.fixed(w[i], 3));
        }
        out.println(s);
    }

    /** Runs this example alone. */
    public static void main(String... args) throws IOException {
        Examples.main("perceptron");
    }
}
