package dev.chainrule.engine;

/**
 * The backward pass, once for scalar and tensor graphs: a topological order ({@link Topo}), then
 * one reverse sweep.
 *
 * <p>The accumulation rule: every node made by an op forgets its grad first, so intermediates
 * hold exactly ∂output/∂node after the sweep; the output is seeded (a leaf output adds the seed
 * to its grad); each node adds grad × local derivative into its inputs' grads with {@code +=},
 * so a node used twice receives both contributions and leaves accumulate across calls. With
 * {@link Autograd#detectAnomaly()} on, the first input grad that is NaN or infinite stops the
 * sweep with an {@link AnomalyException} naming the op. Each node is claimed as it is swept
 * ({@link Topo#claim}), so that two passes overlapping on a shared node throw
 * {@link java.util.ConcurrentModificationException} instead of adding into the same grads.
 */
final class Backward {
    private Backward() {
    }

    /** Runs the backward pass from {@code root}, seeded with {@code seed}. */
    static void run(GraphNode root, double[] seed) {
        int mark = Topo.nextEpoch();
        Topo.Walk walk = Topo.forBackward(root, mark);
        root.seedGrad(seed);
        boolean anomaly = Autograd.isAnomalyDetectionEnabled();
        // The order backwards: the last chunk first, each chunk from its end.
        for (int c = walk.chunkCount() - 1; c >= 0; c--) {
            GraphNode[] order = walk.chunk(c);
            for (int i = walk.chunkFill(c) - 1; i >= 0; i--) {
                GraphNode n = order[i];
                Topo.claim(n, mark);
                if (n.madeByOp() && n.propagate() && anomaly) {
                    n.checkInputGrads();
                }
            }
        }
    }
}
