package dev.chainrule.viz.explain;

import dev.chainrule.engine.OpRegistry;
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
import dev.chainrule.viz.explain.Term.Words;
import java.util.Map;

/**
 * Writes a {@link Term} in one notation, either in names ({@code out_o1·(1 − out_o1)}) or with
 * every name replaced by its value ({@code 0.75136507·(1 − 0.75136507)}). Parentheses go where
 * precedence needs them, and around a negative number that is not the first of a sum or product.
 */
final class TermWriter {
    private static final int WORDS = 0;
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int NEG = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Map<String, String> LATEX_FUNCTIONS = Map.of("σ", "\\sigma", "ln", "\\ln", "log", "\\log",
            "exp", "\\exp", "cos", "\\cos", "sin", "\\sin", "tanh", "\\tanh");

    private final Notation notation;
    private final int digits;
    private final boolean numbers;

    TermWriter(Notation notation, int digits, boolean numbers) {
        this.notation = notation;
        this.digits = digits;
        this.numbers = numbers;
    }

    String write(Term t) {
        if (t instanceof Num n) {
            return number(n.value());
        }
        if (t instanceof Constant c) {
            return notation == Notation.LATEX ? (c.symbol().equals("π") ? "\\pi" : c.symbol()) : name(c.symbol());
        }
        if (t instanceof Ref r) {
            if (numbers) {
                return number(r.value());
            }
            if (!r.updated()) {
                return name(r.name());
            }
            return switch (notation) {
                case UNICODE -> r.name() + "⁺";
                case ASCII -> Names.ascii(r.name()) + "'";
                case LATEX -> "{" + Names.latex(r.name()) + "}^{+}";
            };
        }
        if (t instanceof Partial p) {
            if (numbers) {
                return number(p.value());
            }
            return switch (notation) {
                case UNICODE -> "∂" + p.of() + "/∂" + p.wrt();
                case ASCII -> "d" + Names.ascii(p.of()) + "/d" + Names.ascii(p.wrt());
                case LATEX -> "\\frac{\\partial " + Names.latex(p.of()) + "}{\\partial " + Names.latex(p.wrt()) + "}";
            };
        }
        if (t instanceof Delta d) {
            if (numbers) {
                return number(d.value());
            }
            return switch (notation) {
                case UNICODE -> "δ_" + d.node();
                case ASCII -> "delta_" + Names.ascii(d.node());
                case LATEX -> "\\delta_{" + Names.latex(d.node()) + "}";
            };
        }
        if (t instanceof Neg n) {
            return minus() + unsigned(n.x(), PRODUCT);
        }
        if (t instanceof Sum s) {
            return sum(s);
        }
        if (t instanceof Product p) {
            return product(p);
        }
        if (t instanceof Quotient q) {
            if (notation == Notation.LATEX) {
                return "\\frac{" + write(q.numerator()) + "}{" + write(q.denominator()) + "}";
            }
            return wrap(q.numerator(), POWER) + "/" + wrap(q.denominator(), POWER);
        }
        if (t instanceof Power p) {
            return power(p);
        }
        if (t instanceof Call c) {
            return call(c);
        }
        if (t instanceof Abs a) {
            return "|" + write(a.x()) + "|";
        }
        if (t instanceof Words w) {
            StringBuilder b = new StringBuilder();
            for (Object piece : w.pieces()) {
                if (piece instanceof Term x) {
                    b.append(wrap(x, ATOM));
                } else if (notation == Notation.LATEX) {
                    b.append("\\mbox{").append(Names.latexText((String) piece)).append('}');
                } else {
                    b.append(notation == Notation.ASCII ? Names.ascii((String) piece) : (String) piece);
                }
            }
            return b.toString();
        }
        throw new IllegalArgumentException("unknown term " + t);
    }

    /** How tightly {@code t} binds as written: a negative number binds like a minus sign. */
    private int precedence(Term t) {
        if (t instanceof Num || t instanceof Ref || t instanceof Partial || t instanceof Delta) {
            double v = TermValue.of(t);
            boolean shownAsNumber = t instanceof Num || numbers;
            return shownAsNumber && v < 0 ? NEG : ATOM;
        }
        if (t instanceof Neg) {
            return NEG;
        }
        if (t instanceof Sum) {
            return SUM;
        }
        if (t instanceof Product) {
            return PRODUCT;
        }
        if (t instanceof Quotient) {
            return notation == Notation.LATEX ? ATOM : PRODUCT;
        }
        if (t instanceof Power) {
            return POWER;
        }
        if (t instanceof Words) {
            return WORDS;
        }
        return ATOM;
    }

    private String wrap(Term t, int min) {
        String s = write(t);
        return precedence(t) < min ? "(" + s + ")" : s;
    }

    /** As {@link #wrap}, and also in parentheses if it starts with a minus sign. */
    private String unsigned(Term t, int min) {
        String s = write(t);
        int p = precedence(t);
        return p < min || p == NEG ? "(" + s + ")" : s;
    }

    private String sum(Sum s) {
        StringBuilder b = new StringBuilder(wrap(s.terms().get(0), SUM));
        for (int i = 1; i < s.terms().size(); i++) {
            Term t = s.terms().get(i);
            if (t instanceof Neg n) {
                b.append(' ').append(minus()).append(' ').append(unsigned(n.x(), PRODUCT));
            } else if (t instanceof Num n && n.value() < 0) {
                b.append(' ').append(minus()).append(' ').append(number(-n.value()));
            } else {
                b.append(" + ").append(unsigned(t, SUM));
            }
        }
        return b.toString();
    }

    private String product(Product p) {
        boolean spaced = false;
        for (Term f : p.factors()) {
            spaced |= f instanceof Partial || f instanceof Delta;
        }
        String dot = switch (notation) {
            case UNICODE -> "·";
            case ASCII -> "*";
            case LATEX -> " \\cdot ";
        };
        if (spaced && notation != Notation.LATEX) {
            dot = " " + dot + " ";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < p.factors().size(); i++) {
            Term f = p.factors().get(i);
            if (i == 0) {
                b.append(wrap(f, PRODUCT));
            } else {
                boolean quotient = f instanceof Quotient && notation != Notation.LATEX;
                b.append(dot).append(quotient ? "(" + write(f) + ")" : unsigned(f, PRODUCT));
            }
        }
        return b.toString();
    }

    private String power(Power p) {
        String base = wrap(p.base(), ATOM);
        if (notation == Notation.LATEX) {
            return "{" + base + "}^{" + write(p.exponent()) + "}";
        }
        if (notation == Notation.UNICODE && p.exponent() instanceof Num n && n.value() == Math.rint(n.value())
                && Math.abs(n.value()) < 1000) {
            long e = (long) n.value();
            StringBuilder b = new StringBuilder(base);
            if (e < 0) {
                b.append('⁻');
            }
            for (char c : Long.toString(Math.abs(e)).toCharArray()) {
                b.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
            }
            return b.toString();
        }
        return base + "^" + wrap(p.exponent(), ATOM);
    }

    private String call(Call c) {
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < c.args().size(); i++) {
            args.append(i == 0 ? "" : ", ").append(write(c.args().get(i)));
        }
        String f = c.function();
        return switch (notation) {
            case UNICODE -> f + "(" + args + ")";
            case ASCII -> asciiFunction(f) + "(" + args + ")";
            case LATEX -> f.equals("√") || f.equals("sqrt") ? "\\sqrt{" + args + "}"
                    : LATEX_FUNCTIONS.getOrDefault(f, "\\mathrm{" + Names.latexPart(f) + "}") + "(" + args + ")";
        };
    }

    private static String asciiFunction(String f) {
        boolean plain = f.chars().allMatch(ch -> ch < 128);
        return plain ? f : OpRegistry.find(f).map(op -> op.name()).orElse(Names.ascii(f));
    }

    private String name(String n) {
        return switch (notation) {
            case UNICODE -> n;
            case ASCII -> Names.ascii(n);
            case LATEX -> Names.latex(n);
        };
    }

    private String minus() {
        return notation == Notation.UNICODE ? "−" : "-";
    }

    private String number(double v) {
        return Digits.format(v, digits, notation);
    }
}
