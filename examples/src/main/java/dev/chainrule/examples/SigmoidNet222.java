package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Bias;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The course's hand-worked 2-2-2 sigmoid network: an nn {@link MLP} whose parameters carry the
 * material's names (w1..w8, and b1, b2 when it has biases), with the forward pass's nodes
 * labelled as the material names them (i1, net_h1, out_h1, ..., E_total).
 *
 * <p>net_h1 = w1·i1 + w2·i2 (+ b1), net_h2 = w3·i1 + w4·i2 (+ b1), net_o1 = w5·out_h1 +
 * w6·out_h2 (+ b2), net_o2 = w7·out_h1 + w8·out_h2 (+ b2), out = σ(net), E_total = Σ ½(t − out)².
 * The biases are shared by the two units of a layer, as in the material, and are not trained.
 */
final class SigmoidNet222 {

    final MLP model;
    final Value i1;
    final Value i2;
    private final double[] targets;
    private final Sgd weightsOnly;

    Value netH1;
    Value outH1;
    Value netH2;
    Value outH2;
    Value netO1;
    Value outO1;
    Value netO2;
    Value outO2;
    Value eTotal;

    /**
     * @param weights w1..w8 (length 8)
     * @param biases {b1, b2}, or an empty array for the network without biases
     * @param eta the learning rate of {@link #step()}
     */
    SigmoidNet222(double i1, double i2, double[] weights, double[] biases, double target1,
            double target2, double eta) {
        if (weights.length != 8) {
            throw new IllegalArgumentException("2-2-2 network: expected 8 weights w1..w8, got "
                    + weights.length);
        }
        if (biases.length != 0 && biases.length != 2) {
            throw new IllegalArgumentException("2-2-2 network: expected no biases or {b1, b2}, got "
                    + biases.length + " values");
        }
        boolean withBiases = biases.length == 2;
        // Every parameter is set below, so the generator's draws do not matter.
        model = new MLP(2, List.of(2, 2), List.of(Activation.SIGMOID, Activation.SIGMOID),
                withBiases ? Bias.SHARED : Bias.NONE, new Random(0));
        if (withBiases) {
            model.rename("w1", "w2", "w3", "w4", "b1", "w5", "w6", "w7", "w8", "b2");
            model.setParameters(weights[0], weights[1], weights[2], weights[3], biases[0],
                    weights[4], weights[5], weights[6], weights[7], biases[1]);
        } else {
            model.rename("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8");
            model.setParameters(weights);
        }
        List<Value> ws = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            ws.add(w(k));
        }
        weightsOnly = new Sgd(ws, eta);
        this.i1 = Value.of(i1, "i1");
        this.i2 = Value.of(i2, "i2");
        this.targets = new double[] {target1, target2};
        forward();
    }

    /** The weight wk, k = 1..8. */
    Value w(int k) {
        return model.parameter("w" + k);
    }

    /** Rebuilds the graph from the current parameters: the forward pass. */
    void forward() {
        List<Value> hidden = model.layers().get(0).forward(i1, i2);
        outH1 = hidden.get(0).label("out_h1");
        netH1 = outH1.input(0).label("net_h1");
        outH2 = hidden.get(1).label("out_h2");
        netH2 = outH2.input(0).label("net_h2");
        List<Value> out = model.layers().get(1).forward(hidden);
        outO1 = out.get(0).label("out_o1");
        netO1 = outO1.input(0).label("net_o1");
        outO2 = out.get(1).label("out_o2");
        netO2 = outO2.input(0).label("net_o2");
        eTotal = Losses.halfSse(out, targets).label("E_total");
    }

    /** Zeroes the grads, then computes ∂E_total/∂node for every node of the graph. */
    void backward() {
        eTotal.zeroGrad();
        eTotal.backward();
    }

    /** One update of w1..w8 (w ← w − η·∂E/∂w; biases stay fixed), then a fresh forward pass. */
    void step() {
        backward();
        weightsOnly.step();
        forward();
    }

    /** The current values of w1..w8. */
    double[] weights() {
        double[] out = new double[8];
        for (int k = 1; k <= 8; k++) {
            out[k - 1] = w(k).data();
        }
        return out;
    }
}
