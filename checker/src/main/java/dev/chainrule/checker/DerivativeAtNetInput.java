package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Catalogue entry 2: the activation's derivative evaluated at the net input instead of at the
 * output: net·(1 − net) for σ′ = out·(1 − out), 1 − net² for tanh′ = 1 − out². Made at each
 * sigmoid or tanh node alone, and at all of them at once.
 */
final class DerivativeAtNetInput implements Mistake {
    @Override
    public String name() {
        return "derivative taken at the net input";
    }

    @Override
    public List<Variant> variants(Network net) {
        Tape t = net.tape();
        List<Integer> nodes = new ArrayList<>();
        for (int node : Activations.of(net)) {
            if (t.opName(node).equals("sigmoid") || t.opName(node).equals("tanh")) {
                nodes.add(node);
            }
        }
        List<Variant> out = new ArrayList<>();
        for (int node : nodes.size() <= MAX_VARIANTS ? nodes : List.<Integer>of()) {
            String in = t.describe(t.inputs(node)[0]);
            out.add(variant(net, Set.of(node), "with " + Activations.derivativeAt(t, node) + " evaluated at " + in
                    + " instead of at " + t.describe(node), Activations.rule(t, node) + ": use the output"));
        }
        if (nodes.size() > 1) {
            out.add(variant(net, new HashSet<>(nodes), "with every activation's derivative evaluated at the net "
                    + "input instead of at the output", Activations.rule(t, nodes.get(0)) + ": use the output"));
        }
        return out;
    }

    private WorldVariant variant(Network net, Set<Integer> at, String how, String advice) {
        BackwardRule rule = (tape, values, node, input, standard) -> {
            if (!at.contains(node)) {
                return standard;
            }
            double x = values[tape.inputs(node)[0]];
            return tape.opName(node).equals("sigmoid") ? x * (1 - x) : 1 - x * x;
        };
        return new WorldVariant(name(), World.of(net, net.truth().leaves(), rule), how, advice);
    }
}
