package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 5: weights that were already updated, used to back-propagate into an earlier
 * layer. Where a product w·x passes the gradient back to x, the local derivative is taken as the
 * updated w − η·∂E/∂w instead of w.
 */
final class UpdatedWeightsInBackprop implements Mistake {
    @Override
    public String name() {
        return "updated weights used to back-propagate";
    }

    @Override
    public List<Variant> variants(Network net) {
        if (net.learningRate() == null || net.parameterIndices().length == 0) {
            return List.of();
        }
        World truth = net.truth();
        double[] updated = truth.updatedLeaves();
        BackwardRule rule = (tape, values, node, input, standard) -> {
            if (!"mul".equals(tape.opName(node))) {
                return standard;
            }
            int other = tape.inputs(node)[1 - input];
            return net.isParameter(other) ? updated[other] : standard;
        };
        World world = World.of(net, truth.leaves(), rule);
        return List.of(new Variant(name()) {
            @Override
            double value(Quantity q) {
                return world.of(q);
            }

            @Override
            String explain(Answer a) {
                List<String> used = weightsOnPath(net, a.quantity());
                String which = used.isEmpty() ? "weights" : Names.list(used);
                return a.subject() + " computed with the updated " + which
                        + " (back-propagate with the weights from before the update)";
            }
        });
    }

    /** The parameters whose updated value the mistake puts on the way from q's root back to q's node. */
    static List<String> weightsOnPath(Network net, Quantity q) {
        Tape t = net.tape();
        int node = net.index(q.node());
        int root = q.kind() == Quantity.Kind.GRADIENT ? net.index(q.of()) : net.output();
        boolean[] between = t.between(node, root);
        List<String> out = new ArrayList<>();
        for (int m = 0; m < t.size(); m++) {
            if (!between[m] || t.isLeaf(m) || !"mul".equals(t.opName(m))) {
                continue;
            }
            int[] in = t.inputs(m);
            for (int k = 0; k < 2; k++) {
                int w = in[1 - k];
                if (between[in[k]] && net.isParameter(w) && w != in[k] && !out.contains(t.describe(w))) {
                    out.add(t.describe(w));
                }
            }
        }
        return out;
    }
}
