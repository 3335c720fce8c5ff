package dev.chainrule.bench;

import dev.chainrule.engine.Tensor;
import java.util.Random;

/**
 * W4: one SGD step of an MLP 784-256-128-10 with ReLU and softmax cross-entropy on integer
 * labels, batch 128 of standard-normal inputs, learning rate 0.01, float64. Weights are He-scaled
 * normals, {@code [in, out]}; biases start at 0. The batch is fixed, so the loss must fall.
 */
final class TensorMlp {
    static final int[] SIZES = {784, 256, 128, 10};
    static final int BATCH = 128;
    static final double LR = 0.01;

    private final Tensor x;
    private final int[] labels;
    private final Tensor[] w = new Tensor[3];
    private final Tensor[] b = new Tensor[3];
    private final Tensor[] params = new Tensor[6];

    TensorMlp(long seed) {
        Random r = new Random(seed);
        x = Tensor.randn(r, BATCH, SIZES[0]).requiresGrad(false);
        labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = r.nextInt(SIZES[3]);
        }
        for (int l = 0; l < 3; l++) {
            w[l] = Tensor.randn(r, SIZES[l], SIZES[l + 1]);
            double scale = Math.sqrt(2.0 / SIZES[l]);
            double[] d = w[l].dataArray();
            for (int i = 0; i < d.length; i++) {
                d[i] *= scale;
            }
            b[l] = Tensor.zeros(SIZES[l + 1]);
            params[2 * l] = w[l];
            params[2 * l + 1] = b[l];
        }
    }

    /** One step: zero grads, forward, backward, update. Returns the loss before the update. */
    double step() {
        for (Tensor p : params) {
            p.clearGrad();
        }
        // matmulAdd is PyTorch's addmm, which the peer (bench/peers/torch_peer.py) calls.
        Tensor h = x.matmulAdd(w[0], b[0]).relu();
        h = h.matmulAdd(w[1], b[1]).relu();
        Tensor loss = h.matmulAdd(w[2], b[2]).logSoftmax(1).gather(1, labels).mean().neg();
        loss.backward();
        for (Tensor p : params) {
            double[] d = p.dataArray();
            double[] g = p.gradArray();
            for (int i = 0; i < d.length; i++) {
                d[i] -= LR * g[i];
            }
        }
        return loss.item();
    }
}
