package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Catalogue entry 1: the activation's derivative left out of a δ, as if ∂out/∂net were 1. Made
 * at each activation node alone, and at all of them at once.
 */
final class ActivationDerivativeLeftOut implements Mistake {
    @Override
    public String name() {
        return "activation derivative left out";
    }

    @Override
    public List<Variant> variants(Network net) {
        List<Integer> nodes = Activations.of(net);
        List<Variant> out = new ArrayList<>();
        Tape t = net.tape();
        for (int node : nodes.size() <= MAX_VARIANTS ? nodes : List.<Integer>of()) {
            out.add(variant(net, Set.of(node), "without " + Activations.derivativeAt(t, node),
                    "a δ includes the activation's derivative, " + Activations.rule(t, node)));
        }
        if (nodes.size() > 1) {
            out.add(variant(net, new HashSet<>(nodes), "without any activation's derivative",
                    "each δ includes the activation's derivative, such as " + Activations.rule(t, nodes.get(0))));
        }
        return out;
    }

    private WorldVariant variant(Network net, Set<Integer> left, String how, String advice) {
        BackwardRule rule = (tape, values, node, input, standard) -> left.contains(node) ? 1 : standard;
        return new WorldVariant(name(), World.of(net, net.truth().leaves(), rule), how, advice);
    }
}
