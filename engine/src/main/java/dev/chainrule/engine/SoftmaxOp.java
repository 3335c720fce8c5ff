package dev.chainrule.engine;

/**
 * softmax and logSoftmax along one axis. Both subtract the slice's maximum before exponentiating,
 * so logits of ±1000 give exact probabilities (0 and 1) and finite log-probabilities.
 *
 * <p>Backward, with y the output and g the upstream grad along one slice:
 * softmax: {@code gx = y·(g − Σ g·y)}; logSoftmax: {@code gx = g − e^y·Σ g}.
 */
final class SoftmaxOp extends TensorOp {
    private final int axis;
    private final boolean log;

    private SoftmaxOp(int axis, boolean log) {
        super(log ? "logSoftmax" : "softmax", log ? "log softmax" : "softmax");
        this.axis = axis;
        this.log = log;
    }

    static Tensor apply(Tensor x, int axis, boolean log) {
        int a = Shapes.axis(log ? "logSoftmax" : "softmax", axis, x.shape);
        int n = x.shape[a];
        int inner = Shapes.inner(x.shape, a);
        int outer = Shapes.outer(x.shape, a);
        double[] xd = x.data;
        double[] y = new double[xd.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double m = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) {
                    m = Math.max(m, xd[base + k * inner]);
                }
                if (m == Double.NEGATIVE_INFINITY) {
                    m = 0;
                }
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double e = Math.exp(xd[base + k * inner] - m);
                    y[base + k * inner] = e;
                    s += e;
                }
                if (log) {
                    // (x − m) − log s, not x − (m + log s): the latter loses digits at |x| ≈ 1000.
                    double logS = Math.log(s);
                    for (int k = 0; k < n; k++) {
                        y[base + k * inner] = (xd[base + k * inner] - m) - logS;
                    }
                } else {
                    double r = 1 / s;
                    for (int k = 0; k < n; k++) {
                        y[base + k * inner] *= r;
                    }
                }
            }
        }
        return Tensor.make(new SoftmaxOp(a, log), y, x.shape, x);
    }

    @Override
    void backward(Tensor out) {
        double[] gx = inputGrad(out, 0);
        if (gx == null) {
            return;
        }
        double[] g = out.grad;
        double[] y = out.data;
        int n = out.shape[axis];
        int inner = Shapes.inner(out.shape, axis);
        int outer = Shapes.outer(out.shape, axis);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                double s = 0;
                if (log) {
                    for (int k = 0; k < n; k++) {
                        s += g[base + k * inner];
                    }
                    for (int k = 0; k < n; k++) {
                        int p = base + k * inner;
                        gx[p] += g[p] - Math.exp(y[p]) * s;
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        int p = base + k * inner;
                        s += g[p] * y[p];
                    }
                    for (int k = 0; k < n; k++) {
                        int p = base + k * inner;
                        gx[p] += y[p] * (g[p] - s);
                    }
                }
            }
        }
    }

    @Override
    Tensor[] gradGraph(Tensor out, Tensor g) {
        int[] axes = {axis};
        if (log) {
            return new Tensor[] {g.sub(out.exp().mul(g.sum(axes, true)))};
        }
        return new Tensor[] {out.mul(g.sub(g.mul(out).sum(axes, true)))};
    }
}
