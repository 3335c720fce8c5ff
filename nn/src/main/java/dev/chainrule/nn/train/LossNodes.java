package dev.chainrule.nn.train;

import dev.chainrule.engine.Node;
import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;

/** Reads and differentiates a loss node, scalar or one-element tensor. */
final class LossNodes {
    private LossNodes() {
    }

    static double value(Node loss) {
        double[] d = loss.dataSnapshot();
        if (d.length != 1) {
            throw new IllegalStateException("the objective returned a loss of shape "
                    + java.util.Arrays.toString(loss.shape()) + "; reduce it to one number (sum or mean)");
        }
        return d[0];
    }

    static void backward(Node loss) {
        if (loss instanceof Value v) {
            v.backward();
            return;
        }
        if (loss instanceof Tensor t) {
            t.backward();
            return;
        }
        throw new IllegalStateException("the objective returned a " + loss.getClass().getSimpleName()
                + "; return a Value or a Tensor");
    }
}
