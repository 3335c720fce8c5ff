package dev.chainrule.nn.models;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Module;
import dev.chainrule.nn.Neuron;
import java.util.ArrayList;
import java.util.List;

/**
 * Rosenblatt's perceptron: one neuron with a step activation, {@code ŷ = step(b + Σ w_i·x_i)}
 * (step(0) = 1), trained by the mistake-driven rule: only on a misclassified example,
 * {@code w ← w + α·(y − ŷ)·x} and {@code b ← b + α·(y − ŷ)}, that is w ± αx.
 *
 * <pre>{@code
 * Perceptron p = new Perceptron(2);
 * PerceptronResult r = p.train(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
 *         new int[] {0, 0, 0, 1}, 1.0, 100);           // AND: converges
 * }</pre>
 *
 * <p>Parameters are named {@code w1 … wn, b} and start at 0.
 */
public final class Perceptron implements Module {
    private final Neuron neuron;

    /**
     * A perceptron with all weights and the bias at 0.
     *
     * @param nin the number of inputs, at least 1
     * @throws IllegalArgumentException if {@code nin < 1}
     */
    public Perceptron(int nin) {
        this.neuron = Neuron.zeros(nin, Activation.STEP);
    }

    /**
     * {@return the output node step(b + Σ w_i·x_i) for {@code x}, as a graph}
     *
     * @param x the input
     */
    public Value output(double... x) {
        return neuron.forward(x);
    }

    /**
     * The predicted class, 0 or 1.
     *
     * @param x the input
     * @return the predicted class, 0 or 1
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public int predict(double... x) {
        try (Autograd.Scope s = Autograd.noGrad()) {
            return (int) neuron.forward(x).data();
        }
    }

    /**
     * Trains with the perceptron rule, visiting the examples in order each epoch, until an epoch
     * has no mistake or {@code maxEpochs} have run.
     *
     * @param x one row per example (not modified)
     * @param y the class of each example, 0 or 1 (not modified)
     * @param learningRate α, positive
     * @param maxEpochs the epoch limit, at least 1
     * @return whether it converged; on data that is not linearly separable (XOR) it reports
     *     non-convergence after {@code maxEpochs}
     * @throws IllegalArgumentException if the sizes differ, a class is not 0 or 1, or α or the
     *     limit is not positive
     */
    public PerceptronResult train(double[][] x, int[] y, double learningRate, int maxEpochs) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("Perceptron.train: " + x.length + " examples but " + y.length + " labels");
        }
        if (!(learningRate > 0) || maxEpochs < 1) {
            throw new IllegalArgumentException("Perceptron.train: learning rate must be positive and maxEpochs"
                    + " at least 1, got " + learningRate + " and " + maxEpochs);
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("Perceptron.train: label " + i + " is " + y[i] + "; labels must be 0 or 1");
            }
        }
        List<Integer> mistakes = new ArrayList<>();
        List<Value> ws = neuron.weights();
        Value b = neuron.bias();
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            int wrong = 0;
            for (int i = 0; i < x.length; i++) {
                int delta = y[i] - predict(x[i]);
                if (delta != 0) {
                    wrong++;
                    for (int j = 0; j < ws.size(); j++) {
                        ws.get(j).setData(ws.get(j).data() + learningRate * delta * x[i][j]);
                    }
                    b.setData(b.data() + learningRate * delta);
                }
            }
            mistakes.add(wrong);
            if (wrong == 0) {
                return new PerceptronResult(true, epoch, mistakes, "converged in epoch " + epoch
                        + ": every example is classified correctly");
            }
        }
        return new PerceptronResult(false, maxEpochs, mistakes, "did not converge after " + maxEpochs
                + " epochs (" + mistakes.get(mistakes.size() - 1) + " mistakes in the last);"
                + " the data may not be linearly separable");
    }

    /** The weights, then the bias. */
    @Override
    public List<Value> parameters() {
        return neuron.parameters();
    }
}
