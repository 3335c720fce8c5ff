package dev.chainrule.viz.explain;

import dev.chainrule.viz.explain.Term.Abs;
import dev.chainrule.viz.explain.Term.Call;
import dev.chainrule.viz.explain.Term.Neg;
import dev.chainrule.viz.explain.Term.Num;
import dev.chainrule.viz.explain.Term.Power;
import dev.chainrule.viz.explain.Term.Product;
import dev.chainrule.viz.explain.Term.Quotient;
import dev.chainrule.viz.explain.Term.Sum;
import dev.chainrule.viz.explain.Term.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * The one simplification a derivation applies: <b>constants fold</b>. Every part of a formula
 * that involves no node is worked out to a number, and the numbers of a product are multiplied
 * into one coefficient in front. What is left of the identities then disappears: a factor or
 * exponent 1, a term 0, a product with a factor 0; a coefficient −1 is written as a minus sign,
 * and −(−x) as x.
 *
 * <p>So ½(t − o)², whose derivative the op registry writes as the chain
 * ½ · 2·(t − o)^(2 − 1) · (−1), reads −(t − o), as the course material writes it; and
 * ∂net/∂w of net = w·i + b reads i, not 1·i·1 + 0. Names are never replaced by their values
 * (the derivation shows those on a line of their own), and functions of constants (σ(2)) are
 * left as written.
 */
final class Fold {
    private Fold() {
    }

    /** {@code t} with its constants folded. */
    static Term fold(Term t) {
        if (t instanceof Neg n) {
            return negate(fold(n.x()));
        }
        if (t instanceof Sum s) {
            return sum(s.terms());
        }
        if (t instanceof Product p) {
            return product(p.factors());
        }
        if (t instanceof Quotient q) {
            Term a = fold(q.numerator());
            Term b = fold(q.denominator());
            if (a instanceof Num x && b instanceof Num y) {
                return new Num(x.value() / y.value());
            }
            if (isNumber(b, 1)) {
                return a;
            }
            if (isNumber(a, 0)) {
                return new Num(0);
            }
            if (a instanceof Neg n) {
                return negate(new Quotient(n.x(), b));   // −a/b, not (−a)/b
            }
            return new Quotient(a, b);
        }
        if (t instanceof Power p) {
            Term base = fold(p.base());
            Term exponent = fold(p.exponent());
            if (base instanceof Num x && exponent instanceof Num y) {
                return new Num(Math.pow(x.value(), y.value()));
            }
            if (isNumber(exponent, 1)) {
                return base;
            }
            if (isNumber(exponent, 0)) {
                return new Num(1);
            }
            return new Power(base, exponent);
        }
        if (t instanceof Call c) {
            List<Term> args = new ArrayList<>(c.args().size());
            for (Term a : c.args()) {
                args.add(fold(a));
            }
            return new Call(c.function(), args);
        }
        if (t instanceof Abs a) {
            Term x = fold(a.x());
            return x instanceof Num n ? new Num(Math.abs(n.value())) : new Abs(x);
        }
        if (t instanceof Words w) {
            List<Object> pieces = new ArrayList<>(w.pieces().size());
            for (Object p : w.pieces()) {
                pieces.add(p instanceof Term x ? fold(x) : p);
            }
            return new Words(pieces);
        }
        return t;
    }

    /** Whether {@code t} is the number {@code v}. */
    static boolean isNumber(Term t, double v) {
        return t instanceof Num n && n.value() == v;
    }

    private static Term negate(Term x) {
        if (x instanceof Num n) {
            return new Num(-n.value());
        }
        if (x instanceof Neg n) {
            return n.x();
        }
        if (x instanceof Product p) {
            List<Term> f = new ArrayList<>(p.factors());
            f.add(0, new Num(-1));
            return product(f);
        }
        return new Neg(x);
    }

    private static Term sum(List<Term> terms) {
        List<Term> flat = new ArrayList<>();
        double constant = 0;
        boolean anyConstant = false;
        List<Term> todo = new ArrayList<>(terms);
        for (int i = 0; i < todo.size(); i++) {
            Term t = fold(todo.get(i));
            if (t instanceof Sum s) {
                todo.addAll(i + 1, s.terms());
            } else if (t instanceof Num n) {
                constant += n.value();
                anyConstant = true;
            } else {
                flat.add(t);
            }
        }
        if (anyConstant && (constant != 0 || flat.isEmpty())) {
            // Constants keep the place of the first one: 1 − out reads as written, not −out + 1.
            int at = firstConstantPosition(terms, flat.size());
            flat.add(at, new Num(constant));
        }
        if (flat.isEmpty()) {
            return new Num(0);
        }
        return flat.size() == 1 ? flat.get(0) : new Sum(flat);
    }

    /** Where the folded constant goes: before the first term if the sum started with one, else last. */
    private static int firstConstantPosition(List<Term> terms, int size) {
        return !terms.isEmpty() && fold(terms.get(0)) instanceof Num ? 0 : size;
    }

    private static Term product(List<Term> factors) {
        List<Term> flat = new ArrayList<>();
        double coefficient = 1;
        List<Term> todo = new ArrayList<>(factors);
        for (int i = 0; i < todo.size(); i++) {
            Term t = fold(todo.get(i));
            if (t instanceof Product p) {
                todo.addAll(i + 1, p.factors());
            } else if (t instanceof Num n) {
                coefficient *= n.value();
            } else if (t instanceof Neg n) {
                coefficient = -coefficient;
                todo.add(i + 1, n.x());
            } else {
                flat.add(t);
            }
        }
        if (coefficient == 0 || flat.isEmpty()) {
            return new Num(coefficient);
        }
        Term rest = flat.size() == 1 ? flat.get(0) : new Product(flat);
        if (coefficient == 1) {
            return rest;
        }
        if (coefficient == -1) {
            return new Neg(rest);
        }
        flat.add(0, new Num(coefficient));
        return new Product(flat);
    }
}
