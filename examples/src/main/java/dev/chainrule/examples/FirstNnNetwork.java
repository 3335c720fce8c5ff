package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import java.util.Random;

/**
 * The network of Lab 21's {@code firstNN(data, epochs)}: n inputs, one hidden unit, one output
 * unit, sigmoid at both, no biases. Its parameters are the lab's {@code in_weights} (one per
 * input) and the single {@code hid_weight}:
 *
 * <pre>
 *   β = Σ in_weights[i]·x[i],   H = σ(β),   Red = σ(hid_weight·H)
 * </pre>
 *
 * <p>The output unit has no bias and its input H lies in (0, 1), so Red ≥ 0.5 exactly when
 * hid_weight ≥ 0, whatever the record: a threshold at 0.5 would give every record the same
 * class. {@link #threshold()} therefore thresholds Red at σ(hid_weight/2), the output when the
 * hidden unit sits at its midpoint H = 0.5; that puts class 1 on the side of β = 0 that
 * hid_weight favours, a straight line (hyperplane) through the origin.
 */
final class FirstNnNetwork {

    private final Value[] inWeights;
    private final Value hidWeight;

    /** Starts every weight uniform in [−0.5, 0.5), in_weights first, from {@code rng}. */
    FirstNnNetwork(int inputs, Random rng) {
        if (inputs < 1) {
            throw new IllegalArgumentException("firstNN: the data needs at least 1 feature, got "
                    + inputs);
        }
        inWeights = new Value[inputs];
        for (int i = 0; i < inputs; i++) {
            inWeights[i] = Value.of(rng.nextDouble() - 0.5, "in_weights[" + i + "]");
        }
        hidWeight = Value.of(rng.nextDouble() - 0.5, "hid_weight");
    }

    /** The lab's in_weights, one per input. */
    Value[] inWeights() {
        return inWeights.clone();
    }

    /** The lab's hid_weight, from the hidden unit to the output. */
    Value hidWeight() {
        return hidWeight;
    }

    /** Red = σ(hid_weight·σ(Σ in_weights[i]·x[i])) as a graph, so it can be differentiated. */
    Value forward(double[] x) {
        if (x.length != inWeights.length) {
            throw new IllegalArgumentException("firstNN: a record has " + x.length
                    + " features, the network " + inWeights.length + " inputs");
        }
        Value[] terms = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            terms[i] = inWeights[i].mul(x[i]);
        }
        Value hidden = Value.sum(terms).label("β").sigmoid().label("H");
        return hidWeight.mul(hidden).sigmoid().label("Red");
    }

    /** The output Red for {@code x}, as a number. */
    double output(double[] x) {
        return forward(x).data();
    }

    /** The output threshold σ(hid_weight/2): Red at H = 0.5 (see the class comment). */
    double threshold() {
        return 1 / (1 + Math.exp(-hidWeight.data() / 2));
    }

    /** The threshold function at the output: class 1 when Red ≥ {@link #threshold()}. */
    int predict(double[] x) {
        return output(x) >= threshold() ? 1 : 0;
    }

    /**
     * One stochastic gradient step on a record: the engine differentiates (y − Red)², and
     * every weight moves by −η times its derivative, all from the same (pre-step) weights.
     *
     * @return the record's squared error before the step
     */
    double step(double[] x, double y, double eta) {
        Value red = forward(x);
        Value error = red.neg().add(y).pow(2).label("(y − Red)²");
        error.zeroGrad();
        error.backward();
        for (Value w : inWeights) {
            w.setData(w.data() - eta * w.grad());
        }
        hidWeight.setData(hidWeight.data() - eta * hidWeight.grad());
        return error.data();
    }
}
