package dev.chainrule.bench;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * W1 as a user writes it with nn: {@code MLP(2, [16, 16, 1])}, hinge loss plus L2, SGD with
 * micrograd's decaying learning rate. nn's neurons add with one Σ node each, so the graph has
 * fewer nodes than micrograd's 65,818, and the same float64 bits.
 */
final class MoonsNn {
    private final double[] x;
    private final double[] y;
    private final MLP model;
    private final List<Value> params;
    private final Sgd sgd;
    private final double[] scores = new double[Moons.SAMPLES];
    private Value lastLoss;

    MoonsNn(Moons m) {
        x = m.x();
        y = m.y();
        model = new MLP(2, List.of(Moons.HIDDEN, Moons.HIDDEN, 1),
                List.of(Activation.RELU, Activation.RELU, Activation.LINEAR), new Random(0));
        model.setParameters(m.initialParameters());
        params = model.parameters();
        sgd = new Sgd(params, Moons::learningRate);
    }

    int parameterCount() {
        return model.parameterCount();
    }

    /**
     * One training step: zero grads, forward, backward, SGD update. Returns the step's loss.
     *
     * @param k the step number; must follow the previous one, as SGD's schedule counts steps
     */
    double step(int k) {
        if (k != sgd.steps()) {
            throw new IllegalStateException("MoonsNn: step " + k + " asked for, but SGD is at step " + sgd.steps());
        }
        List<Value> out = new ArrayList<>(Moons.SAMPLES);
        for (int i = 0; i < Moons.SAMPLES; i++) {
            Value s = model.forward(x[2 * i], x[2 * i + 1]).get(0);
            scores[i] = s.data();
            out.add(s);
        }
        Value loss = Losses.hinge(out, y).add(Losses.l2(params, 1e-4));
        sgd.zeroGrad();
        loss.backward();
        sgd.step();
        lastLoss = loss;
        return loss.data();
    }

    /** Share of samples whose score has the label's sign, at the last forward pass. */
    double accuracy() {
        return Moons.accuracy(scores, y);
    }

    /** The loss node of the last step, for counting the graph. */
    Value lastLoss() {
        return lastLoss;
    }
}
