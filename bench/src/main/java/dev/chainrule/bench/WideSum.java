package dev.chainrule.bench;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** W3: Σ a_i·b_i over many pairs of scalar leaves (one product node each, one Σ node), then backward. */
final class WideSum {
    static final int PAIRS = 1_000_000;
    static final long SEED = 42;

    final List<Value> a;
    final List<Value> b;

    /** Makes the leaves from a seeded generator, uniform in [-1, 1). */
    WideSum(int pairs, long seed) {
        Random r = new Random(seed);
        a = new ArrayList<>(pairs);
        b = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            a.add(Value.of(2 * r.nextDouble() - 1));
            b.add(Value.of(2 * r.nextDouble() - 1));
        }
    }

    /** Nodes in the graph: the 2n leaves, n products and one Σ. */
    static long nodeCount(int pairs) {
        return 3L * pairs + 1;
    }

    /** Sets every leaf's grad to 0: leaves accumulate across backward calls. */
    void clearGrads() {
        for (int i = 0; i < a.size(); i++) {
            a.get(i).clearGrad();
            b.get(i).clearGrad();
        }
    }

    /** Builds Σ a_i·b_i from the leaves and runs backward from it (call {@link #clearGrads()} first). */
    Value run() {
        Value s = Value.dot(a, b);
        s.backward();
        return s;
    }

    /** max_i |∂s/∂a_i − b_i| and |∂s/∂b_i − a_i|: 0 when every gradient is exact. */
    double maxGradientError() {
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, Math.abs(a.get(i).grad() - b.get(i).data()));
            worst = Math.max(worst, Math.abs(b.get(i).grad() - a.get(i).data()));
        }
        return worst;
    }
}
