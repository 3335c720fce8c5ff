package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The activation nodes of a network (sigmoid, tanh, ReLU, ...), where a δ takes the activation's derivative. */
final class Activations {
    static final Set<String> OPS = Set.of("sigmoid", "tanh", "relu", "leaky_relu", "softplus", "elu", "gelu",
            "silu", "gaussian");

    private Activations() {
    }

    /** Indices of the nodes made by an activation op that the output depends on. */
    static List<Integer> of(Network net) {
        List<Integer> out = new ArrayList<>();
        Tape t = net.tape();
        boolean[] upstream = t.ancestors(net.output());
        for (int i = 0; i < t.size(); i++) {
            if (upstream[i] && !t.isLeaf(i) && OPS.contains(t.opName(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** "σ′ at out_o1" or "tanh′ at h". */
    static String derivativeAt(Tape t, int node) {
        String op = t.opName(node);
        return (op.equals("sigmoid") ? "σ" : op) + "′ at " + t.describe(node);
    }

    /** What the derivative is, for the advice: "∂out_o1/∂net_o1 = out_o1(1 − out_o1)". */
    static String rule(Tape t, int node) {
        String out = t.describe(node);
        String in = t.describe(t.inputs(node)[0]);
        return switch (t.opName(node)) {
            case "sigmoid" -> "∂" + out + "/∂" + in + " = " + out + "(1 − " + out + ")";
            case "tanh" -> "∂" + out + "/∂" + in + " = 1 − " + out + "²";
            default -> "∂" + out + "/∂" + in;
        };
    }
}
