package dev.chainrule.bench;

import dev.chainrule.engine.Tensor;

/**
 * W1t: the moons demo on tensors, the whole batch of 100 at once. Weights are kept transposed,
 * {@code [in, out]}, so that a layer is {@code X·Wᵀ + b} as one matmul without a transpose op;
 * the order of additions differs from W1's, so the losses agree to rounding, not to the bit.
 */
final class MoonsTensor {
    private final Tensor x;
    private final Tensor negY;
    private final Tensor w1t;
    private final Tensor b1 = Tensor.zeros(Moons.HIDDEN);
    private final Tensor w2t;
    private final Tensor b2 = Tensor.zeros(Moons.HIDDEN);
    private final Tensor w3t;
    private final Tensor b3 = Tensor.zeros(1);
    private final Tensor[] params;
    private double[] scores;

    MoonsTensor(Moons m) {
        x = Tensor.of(m.x(), Moons.SAMPLES, 2).requiresGrad(false);
        double[] y = m.y();
        for (int i = 0; i < y.length; i++) {
            y[i] = -y[i];
        }
        negY = Tensor.of(y, Moons.SAMPLES, 1).requiresGrad(false);
        w1t = Tensor.of(transpose(m.weights(1), Moons.HIDDEN, 2), 2, Moons.HIDDEN);
        w2t = Tensor.of(transpose(m.weights(2), Moons.HIDDEN, Moons.HIDDEN), Moons.HIDDEN, Moons.HIDDEN);
        w3t = Tensor.of(transpose(m.weights(3), 1, Moons.HIDDEN), Moons.HIDDEN, 1);
        params = new Tensor[] {w1t, b1, w2t, b2, w3t, b3};
    }

    /** The r×c row-major matrix {@code a} transposed, as c×r. */
    static double[] transpose(double[] a, int r, int c) {
        double[] t = new double[a.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                t[j * r + i] = a[i * c + j];
            }
        }
        return t;
    }

    /** One training step k: zero grads, forward, backward, update. Returns the step's loss. */
    double step(int k) {
        for (Tensor p : params) {
            p.clearGrad();
        }
        Tensor h1 = x.matmul(w1t).add(b1).relu();
        Tensor h2 = h1.matmul(w2t).add(b2).relu();
        Tensor s = h2.matmul(w3t).add(b3);
        Tensor data = s.mul(negY).add(1).relu().sum().mul(1.0 / Moons.SAMPLES);
        Tensor reg = w1t.square().sum();
        for (int i = 1; i < params.length; i++) {
            reg = reg.add(params[i].square().sum());
        }
        Tensor loss = data.add(reg.mul(1e-4));
        loss.backward();
        double lr = Moons.learningRate(k);
        for (Tensor p : params) {
            double[] d = p.dataArray();
            double[] g = p.gradArray();
            for (int i = 0; i < d.length; i++) {
                d[i] -= lr * g[i];
            }
        }
        scores = s.dataArray();
        return loss.item();
    }

    /** Share of samples whose score has the label's sign, at the last forward pass. */
    double accuracy() {
        double[] y = negY.toArray();
        for (int i = 0; i < y.length; i++) {
            y[i] = -y[i];
        }
        return Moons.accuracy(scores, y);
    }
}
