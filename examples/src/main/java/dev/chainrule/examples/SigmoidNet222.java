package dev.chainrule.examples;

import dev.chainrule.engine.Value;

/**
 * The course's hand-worked 2-2-2 sigmoid network, built from labelled scalar Values so that every
 * name of the material (i1, w1..w8, b1, b2, net_h1, out_o2, E_total, ...) is a node of the graph.
 *
 * <p>net_h1 = w1·i1 + w2·i2 (+ b1), net_h2 = w3·i1 + w4·i2 (+ b1), net_o1 = w5·out_h1 +
 * w6·out_h2 (+ b2), net_o2 = w7·out_h1 + w8·out_h2 (+ b2), out = σ(net), E_total = Σ ½(t − out)².
 * Biases are shared by the two units of a layer, as in the material, and are not trained.
 */
final class SigmoidNet222 {

    final Value i1;
    final Value i2;
    /** w[1]..w[8]; w[0] is unused so that indices read as in the material. */
    final Value[] w = new Value[9];
    /** The hidden and output biases, or null in the network without biases. */
    final Value b1;
    final Value b2;
    final double target1;
    final double target2;

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
     */
    SigmoidNet222(double i1, double i2, double[] weights, double[] biases,
            double target1, double target2) {
        if (weights.length != 8) {
            throw new IllegalArgumentException("2-2-2 network: expected 8 weights w1..w8, got "
                    + weights.length);
        }
        if (biases.length != 0 && biases.length != 2) {
            throw new IllegalArgumentException("2-2-2 network: expected no biases or {b1, b2}, got "
                    + biases.length + " values");
        }
        this.i1 = Value.of(i1, "i1");
        this.i2 = Value.of(i2, "i2");
        for (int k = 1; k <= 8; k++) {
            w[k] = Value.of(weights[k - 1], "w" + k);
        }
        this.b1 = biases.length == 2 ? Value.of(biases[0], "b1") : null;
        this.b2 = biases.length == 2 ? Value.of(biases[1], "b2") : null;
        this.target1 = target1;
        this.target2 = target2;
        forward();
    }

    /** Rebuilds the graph from the current weights: the forward pass. */
    void forward() {
        netH1 = net(w[1].mul(i1), w[2].mul(i2), b1).label("net_h1");
        outH1 = netH1.sigmoid().label("out_h1");
        netH2 = net(w[3].mul(i1), w[4].mul(i2), b1).label("net_h2");
        outH2 = netH2.sigmoid().label("out_h2");
        netO1 = net(w[5].mul(outH1), w[6].mul(outH2), b2).label("net_o1");
        outO1 = netO1.sigmoid().label("out_o1");
        netO2 = net(w[7].mul(outH1), w[8].mul(outH2), b2).label("net_o2");
        outO2 = netO2.sigmoid().label("out_o2");
        Value e1 = outO1.rsub(target1).pow(2).mul(0.5).label("E_o1");
        Value e2 = outO2.rsub(target2).pow(2).mul(0.5).label("E_o2");
        eTotal = e1.add(e2).label("E_total");
    }

    private static Value net(Value a, Value b, Value bias) {
        Value s = a.add(b);
        return bias == null ? s : s.add(bias);
    }

    /** Zeroes every grad of the graph, then computes ∂E_total/∂node for every node. */
    void backward() {
        eTotal.zeroGrad();
        eTotal.backward();
    }

    /** w ← w − η·∂E/∂w for w1..w8 (biases stay fixed), then a fresh forward pass. */
    void step(double eta) {
        backward();
        for (int k = 1; k <= 8; k++) {
            w[k].setData(w[k].data() - eta * w[k].grad());
        }
        forward();
    }

    /** The current values of w1..w8. */
    double[] weights() {
        double[] out = new double[8];
        for (int k = 1; k <= 8; k++) {
            out[k - 1] = w[k].data();
        }
        return out;
    }
}
