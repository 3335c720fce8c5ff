package dev.chainrule.viz.explain;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import dev.chainrule.viz.explain.Term.Abs;
import dev.chainrule.viz.explain.Term.Call;
import dev.chainrule.viz.explain.Term.Constant;
import dev.chainrule.viz.explain.Term.Delta;
import dev.chainrule.viz.explain.Term.Neg;
import dev.chainrule.viz.explain.Term.Num;
import dev.chainrule.viz.explain.Term.Partial;
import dev.chainrule.viz.explain.Term.Power;
import dev.chainrule.viz.explain.Term.Product;
import dev.chainrule.viz.explain.Term.Quotient;
import dev.chainrule.viz.explain.Term.Ref;
import dev.chainrule.viz.explain.Term.Sum;
import java.util.Optional;

/**
 * A formula's number, from the values its names carry: the check that a formula says what the
 * engine computed. Functions are the op registry's own (σ is the registry's sigmoid). NaN for a
 * formula that is words, not arithmetic.
 */
final class TermValue {
    private TermValue() {
    }

    static double of(Term t) {
        if (t instanceof Num n) {
            return n.value();
        }
        if (t instanceof Constant c) {
            return c.value();
        }
        if (t instanceof Ref r) {
            return r.value();
        }
        if (t instanceof Partial p) {
            return p.value();
        }
        if (t instanceof Delta d) {
            return d.value();
        }
        if (t instanceof Neg n) {
            return -of(n.x());
        }
        if (t instanceof Sum s) {
            double v = 0;
            for (Term x : s.terms()) {
                v += of(x);
            }
            return v;
        }
        if (t instanceof Product p) {
            double v = 1;
            for (Term x : p.factors()) {
                v *= of(x);
            }
            return v;
        }
        if (t instanceof Quotient q) {
            return of(q.numerator()) / of(q.denominator());
        }
        if (t instanceof Power p) {
            return Math.pow(of(p.base()), of(p.exponent()));
        }
        if (t instanceof Abs a) {
            return Math.abs(of(a.x()));
        }
        if (t instanceof Call c) {
            Optional<OpInfo> op = OpRegistry.find(c.function());
            if (op.isEmpty() || op.get().arity() != c.args().size() && op.get().arity() != -1) {
                return Double.NaN;
            }
            Value[] in = new Value[c.args().size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = Value.of(of(c.args().get(i)));
            }
            return op.get().apply(in).data();
        }
        return Double.NaN;
    }
}
