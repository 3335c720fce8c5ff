package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 8: one path of the chain rule left out where a node feeds two others, so that
 * ∂E/∂out_h1 takes only the path through net_o1 and not the sum over net_o1 and net_o2.
 */
final class PathLeftOut implements Mistake {
    @Override
    public String name() {
        return "one path of the sum over paths left out";
    }

    @Override
    public List<Variant> variants(Network net) {
        Tape t = net.tape();
        boolean[] upstream = t.ancestors(net.output());
        List<Variant> out = new ArrayList<>();
        for (int n = 0; n < t.size(); n++) {
            int[] users = t.consumers(n);
            if (!upstream[n] || users.length < 2 || t.isLeaf(n) && !net.isParameter(n)) {
                continue;
            }
            List<String> through = new ArrayList<>();
            for (int u : users) {
                through.add(t.named(u));
            }
            for (int k = 0; k < users.length; k++) {
                int user = users[k];
                if (!upstream[user] || out.size() >= MAX_VARIANTS) {
                    continue;
                }
                int from = n;
                BackwardRule rule = (tape, values, node, input, standard) ->
                        node == user && tape.inputs(node)[input] == from ? 0 : standard;
                out.add(new WorldVariant(name(), World.of(net, net.truth().leaves(), rule),
                        "with the path through " + through.get(k) + " left out",
                        "∂" + net.outputName() + "/∂" + t.describe(n) + " sums over the paths through "
                                + Names.list(through)));
            }
        }
        return out;
    }
}
