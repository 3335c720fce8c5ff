package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 3: (target − output) with its sign flipped. Where the program subtracts (a
 * negation feeds the loss), the backward pass takes +1 for the negation's −1, so every gradient
 * below it changes sign; a program that subtracts nowhere gets the plain "sign flipped" of each
 * gradient instead.
 */
final class ErrorSignFlipped implements Mistake {
    @Override
    public String name() {
        return "sign of (target − output) flipped";
    }

    @Override
    public List<Variant> variants(Network net) {
        Tape t = net.tape();
        boolean[] upstream = t.ancestors(net.output());
        boolean subtracts = false;
        for (int i = 0; i < t.size(); i++) {
            subtracts |= upstream[i] && !t.isLeaf(i) && t.opName(i).equals("neg");
        }
        List<Variant> out = new ArrayList<>();
        if (subtracts) {
            BackwardRule rule = (tape, values, node, input, standard) ->
                    tape.opName(node).equals("neg") ? -standard : standard;
            out.add(new WorldVariant(name(), World.of(net, net.truth().leaves(), rule),
                    "with the sign of (target − output) flipped", "∂E/∂out = −(target − out) = out − target"));
        } else {
            out.add(new Variant(name()) {
                @Override
                double value(Quantity q) {
                    return q.kind() == Quantity.Kind.GRADIENT ? -net.truth().of(q) : Double.NaN;
                }

                @Override
                String explain(Answer a) {
                    return a.subject() + " with the sign flipped";
                }
            });
        }
        return out;
    }
}
