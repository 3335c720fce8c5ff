package dev.chainrule.bench;

/**
 * W1 written by hand: plain loops over double arrays computing the same forward and backward as
 * the scalar graph, with no graph at all. It is the yardstick for the graph's overhead.
 *
 * <p>Every sum and every gradient accumulation is done in the order micrograd's (and the
 * engine's) reverse topological sweep does it: the regularisation term first, then the samples
 * from last to first, each layer's neurons from last to first. So it reproduces micrograd's
 * losses to the bit.
 */
final class MoonsByHand {
    private static final int H = Moons.HIDDEN;
    private static final int N = Moons.SAMPLES;

    private final double[] x;
    private final double[] y;
    private final double[] w1;
    private final double[] b1 = new double[H];
    private final double[] w2;
    private final double[] b2 = new double[H];
    private final double[] w3;
    private final double[] b3 = new double[1];
    private final double[] gw1 = new double[H * 2];
    private final double[] gb1 = new double[H];
    private final double[] gw2 = new double[H * H];
    private final double[] gb2 = new double[H];
    private final double[] gw3 = new double[H];
    private final double[] gb3 = new double[1];
    // Activations kept from the forward pass, per sample.
    private final double[] z1 = new double[N * H];
    private final double[] z2 = new double[N * H];
    private final double[] margin = new double[N];
    private final double[] scores = new double[N];
    private final double[] g1 = new double[H];
    private final double[] g2 = new double[H];

    MoonsByHand(Moons m) {
        x = m.x();
        y = m.y();
        w1 = m.weights(1);
        w2 = m.weights(2);
        w3 = m.weights(3);
    }

    /** One training step k: forward, backward, update. Returns the step's loss. */
    double step(int k) {
        double loss = forward();
        backward();
        double lr = Moons.learningRate(k);
        update(w1, gw1, lr);
        update(b1, gb1, lr);
        update(w2, gw2, lr);
        update(b2, gb2, lr);
        update(w3, gw3, lr);
        update(b3, gb3, lr);
        return loss;
    }

    private static void update(double[] p, double[] g, double lr) {
        for (int i = 0; i < p.length; i++) {
            p[i] -= lr * g[i];
        }
    }

    private double forward() {
        double data = 0;
        for (int i = 0; i < N; i++) {
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            for (int n = 0; n < H; n++) {
                z1[i * H + n] = b1[n] + w1[2 * n] * x0 + w1[2 * n + 1] * x1;
            }
            for (int n = 0; n < H; n++) {
                double act = b2[n];
                for (int j = 0; j < H; j++) {
                    act += w2[n * H + j] * relu(z1[i * H + j]);
                }
                z2[i * H + n] = act;
            }
            double s = b3[0];
            for (int j = 0; j < H; j++) {
                s += w3[j] * relu(z2[i * H + j]);
            }
            scores[i] = s;
            margin[i] = s * -y[i] + 1;
            data = i == 0 ? relu(margin[i]) + 0.0 : data + relu(margin[i]);
        }
        double reg = 0;
        reg = sumSquares(w1, b1, 2, reg, true);
        reg = sumSquares(w2, b2, H, reg, false);
        reg = sumSquares(w3, b3, H, reg, false);
        return data * (1.0 / N) + reg * 1e-4;
    }

    /** Adds p·p over one layer's parameters in micrograd's order (each neuron's weights, then its bias). */
    private static double sumSquares(double[] w, double[] b, int fanIn, double acc, boolean first) {
        for (int n = 0; n < b.length; n++) {
            for (int j = 0; j < fanIn; j++) {
                double p = w[n * fanIn + j];
                acc = first ? p * p + 0.0 : acc + p * p;
                first = false;
            }
            acc += b[n] * b[n];
        }
        return acc;
    }

    private void backward() {
        // The regularisation term comes last in the graph, so its gradient arrives first.
        double up = 1e-4;
        seed(w1, gw1, up);
        seed(b1, gb1, up);
        seed(w2, gw2, up);
        seed(b2, gb2, up);
        seed(w3, gw3, up);
        seed(b3, gb3, up);
        double perSample = 1.0 * (1.0 / N);
        for (int i = N - 1; i >= 0; i--) {
            double gMargin = perSample * (margin[i] > 0 ? 1 : 0);
            double g = gMargin * -y[i];
            // Output neuron, its inputs from last to first; each feeds one hidden-2 neuron.
            for (int k = H - 1; k >= 0; k--) {
                double h2 = relu(z2[i * H + k]);
                gw3[k] += g * h2;
                g2[k] = (g * w3[k]) * (z2[i * H + k] > 0 ? 1 : 0);
            }
            gb3[0] += g;
            // Hidden-2 neurons from last to first, each sending gradient to every hidden-1 output.
            java.util.Arrays.fill(g1, 0);
            for (int k = H - 1; k >= 0; k--) {
                double gk = g2[k];
                for (int j = H - 1; j >= 0; j--) {
                    gw2[k * H + j] += gk * relu(z1[i * H + j]);
                    g1[j] += gk * w2[k * H + j];
                }
                gb2[k] += gk;
            }
            double x0 = x[2 * i];
            double x1 = x[2 * i + 1];
            for (int j = H - 1; j >= 0; j--) {
                double gj = g1[j] * (z1[i * H + j] > 0 ? 1 : 0);
                gw1[2 * j + 1] += gj * x1;
                gw1[2 * j] += gj * x0;
                gb1[j] += gj;
            }
        }
    }

    /** Sets each grad to the regularisation term's share, p·up + p·up, as the p·p node gives it. */
    private static void seed(double[] p, double[] g, double up) {
        for (int i = 0; i < p.length; i++) {
            g[i] = up * p[i] + up * p[i];
        }
    }

    private static double relu(double v) {
        return v > 0 ? v : 0;
    }

    /** Share of samples whose score has the label's sign, at the last forward pass. */
    double accuracy() {
        return Moons.accuracy(scores, y);
    }
}
