package dev.chainrule.bench;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * W1 on the scalar engine: micrograd's moons demo, built node for node as micrograd builds it
 * (65,818 nodes a step), so that float64 arithmetic reproduces micrograd's losses to the bit.
 */
final class MoonsScalar {
    private final double[] x;
    private final double[] y;
    private final Value[][] w1 = new Value[Moons.HIDDEN][2];
    private final Value[] b1 = new Value[Moons.HIDDEN];
    private final Value[][] w2 = new Value[Moons.HIDDEN][Moons.HIDDEN];
    private final Value[] b2 = new Value[Moons.HIDDEN];
    private final Value[] w3 = new Value[Moons.HIDDEN];
    private Value b3;
    /** Every parameter, in micrograd's order: layer, neuron, weights then bias. */
    private final List<Value> params = new ArrayList<>();
    private final double[] scores = new double[Moons.SAMPLES];
    private Value lastLoss;

    MoonsScalar(Moons m) {
        x = m.x();
        y = m.y();
        double[] iw1 = m.weights(1);
        double[] iw2 = m.weights(2);
        double[] iw3 = m.weights(3);
        for (int n = 0; n < Moons.HIDDEN; n++) {
            for (int j = 0; j < 2; j++) {
                w1[n][j] = param(iw1[n * 2 + j]);
            }
            b1[n] = param(0);
        }
        for (int n = 0; n < Moons.HIDDEN; n++) {
            for (int j = 0; j < Moons.HIDDEN; j++) {
                w2[n][j] = param(iw2[n * Moons.HIDDEN + j]);
            }
            b2[n] = param(0);
        }
        for (int j = 0; j < Moons.HIDDEN; j++) {
            w3[j] = param(iw3[j]);
        }
        b3 = param(0);
    }

    private Value param(double v) {
        Value p = Value.of(v);
        params.add(p);
        return p;
    }

    int parameterCount() {
        return params.size();
    }

    /** One training step k: zero grads, forward, backward, update. Returns the step's loss. */
    double step(int k) {
        for (Value p : params) {
            p.clearGrad();
        }
        Value loss = forward();
        loss.backward();
        double lr = Moons.learningRate(k);
        for (Value p : params) {
            p.setData(p.data() - lr * p.grad());
        }
        lastLoss = loss;
        return loss.data();
    }

    /** The loss graph at the current parameters (micrograd's {@code loss()}). */
    Value forward() {
        Value data = null;
        for (int i = 0; i < Moons.SAMPLES; i++) {
            Value score = score(Value.of(x[2 * i]), Value.of(x[2 * i + 1]));
            scores[i] = score.data();
            // micrograd: (1 + -yi*scorei).relu(), summed from 0, then * (1.0 / len)
            Value margin = score.mul(-y[i]).add(1).relu();
            data = data == null ? margin.add(0.0) : data.add(margin);
        }
        data = data.mul(1.0 / Moons.SAMPLES);
        Value reg = null;
        for (Value p : params) {
            Value sq = p.mul(p);
            reg = reg == null ? sq.add(0.0) : reg.add(sq);
        }
        reg = reg.mul(1e-4);
        return data.add(reg);
    }

    private Value score(Value x0, Value x1) {
        Value[] in = {x0, x1};
        Value[] h1 = new Value[Moons.HIDDEN];
        for (int n = 0; n < Moons.HIDDEN; n++) {
            h1[n] = neuron(w1[n], b1[n], in).relu();
        }
        Value[] h2 = new Value[Moons.HIDDEN];
        for (int n = 0; n < Moons.HIDDEN; n++) {
            h2[n] = neuron(w2[n], b2[n], h1).relu();
        }
        return neuron(w3, b3, h2);
    }

    private static Value neuron(Value[] w, Value b, Value[] in) {
        Value act = b;
        for (int j = 0; j < w.length; j++) {
            act = act.add(w[j].mul(in[j]));
        }
        return act;
    }

    /** Share of samples whose score has the label's sign, at the last forward pass. */
    double accuracy() {
        int right = 0;
        for (int i = 0; i < Moons.SAMPLES; i++) {
            if ((scores[i] > 0) == (y[i] > 0)) {
                right++;
            }
        }
        return (double) right / Moons.SAMPLES;
    }

    /** The loss node of the last step, for counting the graph. */
    Value lastLoss() {
        return lastLoss;
    }
}
