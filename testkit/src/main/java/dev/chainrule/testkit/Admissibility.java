package dev.chainrule.testkit;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a point is a fair place to compare gradients for an expression: every operator inside
 * its domain, every value finite and moderate, and (unless kinks are asked for) every kinked
 * operator well away from its kink, so that finite differences never straddle one.
 */
final class Admissibility {
    /** Values beyond this are left alone: intermediate products of them overflow soon after. */
    static final double BOUND = 1e8;
    /** The distance kept from a kink, relative to max(1, |argument|). */
    static final double KINK_MARGIN = 1e-2;

    private Admissibility() {
    }

    /** {@code null} if {@code x} is admissible for {@code e}, else what is wrong there. */
    static String problem(Expr e, double[] x, boolean allowKinks) {
        Map<Expr, Double> values = new IdentityHashMap<>();
        try (Autograd.Scope s = Autograd.noGrad()) {
            for (Expr n : e.nodes()) {
                double v;
                if (n.isInput()) {
                    v = x[n.inputIndex()];
                } else if (n.isConstant()) {
                    v = n.constantValue();
                } else {
                    Operator op = n.operator();
                    List<Expr> a = n.arguments();
                    double[] args = new double[a.size()];
                    Value[] leaves = new Value[args.length];
                    double scale = 1;
                    for (int i = 0; i < args.length; i++) {
                        args[i] = values.get(a.get(i));
                        leaves[i] = Value.of(args[i]);
                        scale = Math.max(scale, Math.abs(args[i]));
                    }
                    if (!op.admits(args)) {
                        return op.name() + " is undefined at " + java.util.Arrays.toString(args);
                    }
                    if (!allowKinks && op.kinkDistance(args) <= KINK_MARGIN * scale) {
                        return op.name() + " is at or near a kink at " + java.util.Arrays.toString(args);
                    }
                    v = op.apply(leaves).data();
                }
                if (!(Math.abs(v) <= BOUND)) {
                    return "a value is " + v + ", beyond ±" + BOUND;
                }
                values.put(n, v);
            }
        }
        return null;
    }
}
