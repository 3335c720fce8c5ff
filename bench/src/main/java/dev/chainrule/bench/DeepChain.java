package dev.chainrule.bench;

import dev.chainrule.engine.Value;

/**
 * W2: a deep chain {@code x_{k+1} = x_k·1.000001 + 0.000001}, then backward from the last node.
 * Each step records two constants and two op nodes, as micrograd does.
 */
final class DeepChain {
    static final int DEPTH = 1_000_000;
    static final double FACTOR = 1.000001;
    static final double OFFSET = 0.000001;

    private DeepChain() {
    }

    /** Nodes in the graph of a chain of {@code depth} steps: x0, then a constant and an op twice per step. */
    static long nodeCount(int depth) {
        return 4L * depth + 1;
    }

    /** The first and last node of a chain; x0's grad is ∂x_depth/∂x0 after backward. */
    record Ends(Value x0, Value last) {
    }

    /** Builds the chain from a fresh x0 = 1 and runs backward from its last node. */
    static Ends run(int depth) {
        Value x0 = Value.of(1);
        Value x = x0;
        for (int k = 0; k < depth; k++) {
            x = x.mul(FACTOR).add(OFFSET);
        }
        x.backward();
        return new Ends(x0, x);
    }

    /** FACTOR^depth by repeated multiplication, the gradient backward must produce exactly. */
    static double expectedGradient(int depth) {
        double g = 1;
        for (int k = 0; k < depth; k++) {
            g *= FACTOR;
        }
        return g;
    }
}
