package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 6b: an answer that is another node's number of the same kind: out_h1 answered
 * with net_h1's value, ∂E/∂w2 with ∂E/∂w3's (two gradients swapped, as when the weights to
 * different units are mixed up), w6' with w7's.
 */
final class OtherNode implements Mistake {
    @Override
    public String name() {
        return "another node's number (two swapped)";
    }

    @Override
    public List<Variant> variants(Network net) {
        List<Variant> out = new ArrayList<>();
        for (String other : net.names().size() <= 5 * MAX_VARIANTS ? net.names() : List.<String>of()) {
            out.add(new Swap(name(), net, other));
        }
        return out;
    }

    /** The answer is {@link #other}'s number of the same kind. */
    static final class Swap extends Variant {
        private final Network net;
        private final String other;

        Swap(String mistake, Network net, String other) {
            super(mistake);
            this.net = net;
            this.other = other;
        }

        /** The node whose number the answer is. */
        String other() {
            return other;
        }

        @Override
        double value(Quantity q) {
            if (q.node().equals(other) || (q.kind() == Quantity.Kind.UPDATED || q.kind() == Quantity.Kind.STEP)
                    && !net.isParameter(net.index(other))) {
                return Double.NaN;
            }
            return net.truth().of(new Quantity(q.kind(), other, q.of()));
        }

        @Override
        String explain(Answer a) {
            Quantity mine = a.quantity();
            Quantity theirs = new Quantity(mine.kind(), other, mine.of());
            if (mine.kind() == Quantity.Kind.VALUE) {
                return "the value of " + other + ", not of " + mine.node();
            }
            boolean weights = net.isParameter(net.index(other)) && net.isParameter(net.index(mine.node()));
            return theirs.symbol() + ", not " + mine.symbol() + (weights ? " (" + mine.node() + " and " + other
                    + " swapped?)" : "");
        }

        @Override
        int digitsToName() {
            return 3;
        }
    }
}
