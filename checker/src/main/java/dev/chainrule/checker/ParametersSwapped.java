package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 6a: two parameters' values swapped, such as w2 and w3, which feed different
 * units; the whole network is recomputed with each pair of parameters swapped. (Entry 6b, a
 * number answered with another node's, is {@link OtherNode}.)
 */
final class ParametersSwapped implements Mistake {
    @Override
    public String name() {
        return "two weights swapped";
    }

    @Override
    public List<Variant> variants(Network net) {
        int[] params = net.parameterIndices();
        double[] leaves = net.truth().leaves();
        Tape t = net.tape();
        List<Variant> out = new ArrayList<>();
        for (int i = 0; i < params.length; i++) {
            for (int j = i + 1; j < params.length && out.size() < MAX_VARIANTS; j++) {
                int a = params[i];
                int b = params[j];
                if (leaves[a] == leaves[b]) {
                    continue;
                }
                double[] swapped = leaves.clone();
                swapped[a] = leaves[b];
                swapped[b] = leaves[a];
                String feeds = "";
                String fa = t.feeds(a);
                String fb = t.feeds(b);
                if (fa != null && fb != null && !fa.equals(fb)) {
                    feeds = ": " + t.describe(a) + " feeds " + fa + ", " + t.describe(b) + " feeds " + fb;
                }
                out.add(new WorldVariant(name(), World.of(net, swapped, BackwardRule.STANDARD),
                        "with " + t.describe(a) + " and " + t.describe(b) + " swapped",
                        "each weight where it belongs" + feeds));
            }
        }
        return out;
    }
}
