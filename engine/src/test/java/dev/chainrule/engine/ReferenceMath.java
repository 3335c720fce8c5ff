package dev.chainrule.engine;

import ch.obermuhlner.math.big.BigDecimalMath;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A high-precision oracle for the built-in ops: each op's value, first and second derivative in
 * closed form, evaluated in 50-digit decimal arithmetic with big-math (an independent
 * implementation: nothing here calls the engine or {@link Math}).
 *
 * <p>Shared by the tests: {@code OpAccuracyTest} measures every op against it, and it serves as
 * the independent source of forward reference values. Each method returns a {@link Real}: an
 * exact decimal, or ±∞ / undefined where the mathematical truth is not a real number.
 *
 * <p>The closed forms are written so that they do not cancel: 1 − tanh(x) as 2e^{−2x}/(1+e^{−2x}),
 * σ(−x) − σ(x) as −tanh(x/2), e^x − 1 and log(1 + e) by their series for tiny arguments.
 * Arguments of exp are clamped to ±100,000: e^{−100000} ≈ 10^{−43429} stands for "far below the
 * smallest double" and e^{100000} for "far above the largest", which keeps every result a finite
 * BigDecimal whose rounding to double is the right 0 or ±∞.
 */
public final class ReferenceMath {
    /** Working precision: 50 digits, well past double's 17. */
    public static final MathContext MC = new MathContext(50);
    private static final MathContext WIDE = new MathContext(80);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal EXP_CLAMP = BigDecimal.valueOf(100_000);
    private static final BigDecimal SMALL = new BigDecimal("1e-15");
    /** The GELU tanh form's constants, as the doubles the engine uses (their exact decimals). */
    private static final BigDecimal GELU_K = new BigDecimal(0.044715);

    private ReferenceMath() {
    }

    /** A real result, or ±∞, or undefined (NaN). */
    public static final class Real {
        /** The exact value, or null when the result is ±∞ or undefined. */
        public final BigDecimal value;
        /** ±∞ or NaN when {@link #value} is null. */
        public final double special;

        private Real(BigDecimal value, double special) {
            this.value = value;
            this.special = special;
        }

        public static Real of(BigDecimal v) {
            return new Real(v, 0);
        }

        public static Real of(double exact) {
            return Double.isFinite(exact) ? of(new BigDecimal(exact)) : new Real(null, exact);
        }

        public static final Real POSITIVE_INFINITY = new Real(null, Double.POSITIVE_INFINITY);
        public static final Real NEGATIVE_INFINITY = new Real(null, Double.NEGATIVE_INFINITY);
        public static final Real UNDEFINED = new Real(null, Double.NaN);

        /** Whether this is a real number (it may still lie beyond the double range). */
        public boolean isReal() {
            return value != null;
        }

        /** The nearest double: ±∞ beyond the range, 0 or a subnormal below it. */
        public double toDouble() {
            return value == null ? special : value.doubleValue();
        }

        @Override
        public String toString() {
            return value == null ? Double.toString(special) : value.round(new MathContext(20)).toString();
        }
    }

    // ---------------------------------------------------------------- elementary functions

    public static BigDecimal big(double x) {
        return new BigDecimal(x);
    }

    /** e^x, with x clamped to ±100,000 (see the class comment). */
    public static BigDecimal exp(BigDecimal x) {
        if (x.compareTo(EXP_CLAMP) > 0) {
            x = EXP_CLAMP;
        } else if (x.compareTo(EXP_CLAMP.negate()) < 0) {
            x = EXP_CLAMP.negate();
        }
        return BigDecimalMath.exp(x, MC);
    }

    /** e^x − 1, without cancellation for tiny x. */
    public static BigDecimal expm1(BigDecimal x) {
        if (x.abs().compareTo(SMALL) < 0) {
            BigDecimal x2 = x.multiply(x, WIDE);
            return x.add(x2.divide(TWO, WIDE), WIDE).add(x2.multiply(x, WIDE).divide(BigDecimal.valueOf(6), WIDE), MC);
        }
        if (x.compareTo(EXP_CLAMP.negate()) < 0) {
            return BigDecimal.ONE.negate();
        }
        return BigDecimalMath.exp(x.min(EXP_CLAMP), WIDE).subtract(BigDecimal.ONE, MC);
    }

    /** log x for x &gt; 0. */
    public static BigDecimal log(BigDecimal x) {
        return BigDecimalMath.log(x, MC);
    }

    /** log(1 + e) for e ≥ 0, without cancellation for tiny e. */
    public static BigDecimal log1p(BigDecimal e) {
        if (e.compareTo(SMALL) < 0) {
            BigDecimal e2 = e.multiply(e, WIDE);
            return e.subtract(e2.divide(TWO, WIDE), WIDE).add(e2.multiply(e, WIDE).divide(BigDecimal.valueOf(3), WIDE), MC);
        }
        return BigDecimalMath.log(BigDecimal.ONE.add(e, WIDE), MC);
    }

    /** The logistic function 1/(1 + e^−x), accurate in relative terms on both tails. */
    public static BigDecimal sigmoid(BigDecimal x) {
        if (x.signum() >= 0) {
            return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(x.negate()), WIDE), MC);
        }
        BigDecimal e = exp(x);
        return e.divide(BigDecimal.ONE.add(e, WIDE), MC);
    }

    /** tanh x, accurate in relative terms for tiny x and for 1 − |tanh x| on the tails. */
    public static BigDecimal tanh(BigDecimal x) {
        if (x.abs().compareTo(HALF) < 0) {
            return BigDecimalMath.tanh(x, MC);
        }
        BigDecimal t = BigDecimal.ONE.subtract(oneMinusTanhAbs(x), MC);
        return x.signum() < 0 ? t.negate() : t;
    }

    /** 1 − tanh|x| = 2e^{−2|x|}/(1 + e^{−2|x|}). */
    private static BigDecimal oneMinusTanhAbs(BigDecimal x) {
        BigDecimal e = exp(x.abs().multiply(TWO).negate());
        return e.multiply(TWO).divide(BigDecimal.ONE.add(e, WIDE), WIDE);
    }

    /** sech²x = 1 − tanh²x = 4e^{−2|x|}/(1 + e^{−2|x|})². */
    public static BigDecimal sech2(BigDecimal x) {
        BigDecimal e = exp(x.abs().multiply(TWO).negate());
        BigDecimal d = BigDecimal.ONE.add(e, WIDE);
        return e.multiply(BigDecimal.valueOf(4)).divide(d.multiply(d, WIDE), MC);
    }

    /** A context with enough digits to reduce x modulo 2π and keep 50 digits. */
    private static MathContext trigContext(BigDecimal x) {
        int digits = Math.max(0, x.precision() - x.scale());
        return new MathContext(MC.getPrecision() + 10 + digits);
    }

    public static BigDecimal sin(BigDecimal x) {
        return BigDecimalMath.sin(x, trigContext(x)).round(MC);
    }

    public static BigDecimal cos(BigDecimal x) {
        return BigDecimalMath.cos(x, trigContext(x)).round(MC);
    }

    // ---------------------------------------------------------------- the ops: value, f', f''

    /**
     * {value, f′, f″} of the built-in unary op {@code name} at x. {@code param} is the op's
     * constant (leaky_relu's slope, elu's alpha, pow's exponent); ignored by the others.
     * Kinks follow the engine's documented conventions (relu′(0) = 0, abs′(0) = 0, ...).
     */
    public static Real[] unary(String name, double param, double xd) {
        if (Double.isNaN(xd)) {
            return new Real[] {Real.UNDEFINED, Real.UNDEFINED, Real.UNDEFINED};
        }
        BigDecimal x = big(xd);
        switch (name) {
            case "neg":
                return reals(x.negate(), BigDecimal.ONE.negate(), BigDecimal.ZERO);
            case "identity":
                return reals(x, BigDecimal.ONE, BigDecimal.ZERO);
            case "exp": {
                BigDecimal e = exp(x);
                return reals(e, e, e);
            }
            case "log":
                if (x.signum() < 0) {
                    // Undefined; the engine continues the formulas 1/x and −1/x² (as PyTorch).
                    return new Real[] {Real.UNDEFINED, Real.of(BigDecimal.ONE.divide(x, MC)),
                        Real.of(BigDecimal.ONE.divide(x.multiply(x), MC).negate())};
                }
                if (x.signum() == 0) {
                    // The limits from the right; at −0 IEEE's 1/−0 = −∞ (as PyTorch).
                    return new Real[] {Real.NEGATIVE_INFINITY, negativeZero(xd) ? Real.NEGATIVE_INFINITY
                        : Real.POSITIVE_INFINITY, Real.NEGATIVE_INFINITY};
                }
                return reals(log(x), BigDecimal.ONE.divide(x, MC), BigDecimal.ONE.divide(x.multiply(x), MC).negate());
            case "sqrt": {
                if (x.signum() < 0) {
                    return undefined();
                }
                if (x.signum() == 0) {
                    // At −0: √−0 = −0 (IEEE) and so 1/(2·−0) = −∞, and f″ = +∞ (as PyTorch).
                    return negativeZero(xd)
                            ? new Real[] {Real.of(0.0), Real.NEGATIVE_INFINITY, Real.POSITIVE_INFINITY}
                            : new Real[] {Real.of(0.0), Real.POSITIVE_INFINITY, Real.NEGATIVE_INFINITY};
                }
                BigDecimal r = BigDecimalMath.sqrt(x, MC);
                BigDecimal d1 = BigDecimal.ONE.divide(r.multiply(TWO), MC);
                return reals(r, d1, d1.divide(x.multiply(TWO), MC).negate());
            }
            case "abs":
                return reals(x.abs(), BigDecimal.valueOf(x.signum()), BigDecimal.ZERO);
            case "sin": {
                BigDecimal s = sin(x);
                return reals(s, cos(x), s.negate());
            }
            case "cos": {
                BigDecimal c = cos(x);
                return reals(c, sin(x).negate(), c.negate());
            }
            case "tanh": {
                BigDecimal t = tanh(x);
                BigDecimal d1 = sech2(x);
                return reals(t, d1, t.multiply(d1).multiply(TWO).negate());
            }
            case "sigmoid": {
                BigDecimal s = sigmoid(x);
                BigDecimal d1 = s.multiply(sigmoid(x.negate()));
                // σ″ = σ(x)σ(−x)(σ(−x) − σ(x)) = −σ(x)σ(−x)·tanh(x/2)
                return reals(s, d1, d1.multiply(tanh(x.multiply(HALF))).negate());
            }
            case "relu":
                return x.signum() > 0 ? reals(x, BigDecimal.ONE, BigDecimal.ZERO)
                        : reals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            case "leaky_relu":
                return x.signum() > 0 ? reals(x, BigDecimal.ONE, BigDecimal.ZERO)
                        : reals(x.multiply(big(param)), big(param), BigDecimal.ZERO);
            case "softplus": {
                BigDecimal v = x.max(BigDecimal.ZERO).add(log1p(exp(x.abs().negate())), MC);
                BigDecimal d1 = sigmoid(x);
                return reals(v, d1, d1.multiply(sigmoid(x.negate())));
            }
            case "elu": {
                // At 0 every derivative comes from the x ≤ 0 branch: elu′(0) = elu″(0) = α.
                if (x.signum() > 0) {
                    return reals(x, BigDecimal.ONE, BigDecimal.ZERO);
                }
                BigDecimal a = big(param);
                BigDecimal d = a.multiply(exp(x));
                return reals(a.multiply(expm1(x)), d, d);
            }
            case "gelu":
                return gelu(x);
            case "silu": {
                BigDecimal s = sigmoid(x);
                BigDecimal st = s.multiply(sigmoid(x.negate()));
                BigDecimal d1 = s.add(x.multiply(st), MC);
                // silu″ = σ(x)σ(−x)(2 − x·tanh(x/2))
                BigDecimal d2 = st.multiply(TWO.subtract(x.multiply(tanh(x.multiply(HALF))), WIDE));
                return reals(x.multiply(s), d1, d2);
            }
            case "gaussian": {
                BigDecimal x2 = x.multiply(x);
                BigDecimal g = exp(x2.negate());
                BigDecimal d1 = x.multiply(g).multiply(TWO).negate();
                BigDecimal d2 = x2.multiply(BigDecimal.valueOf(4)).subtract(TWO).multiply(g);
                return reals(g, d1, d2);
            }
            case "softsign": {
                BigDecimal d = BigDecimal.ONE.add(x.abs());
                BigDecimal d2 = d.multiply(d);
                return reals(x.divide(d, MC), BigDecimal.ONE.divide(d2, MC),
                        BigDecimal.valueOf(-2 * x.signum()).divide(d2.multiply(d), MC));
            }
            case "step":
                return reals(x.signum() >= 0 ? BigDecimal.ONE : BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
            case "sign":
                return reals(BigDecimal.valueOf(x.signum()), BigDecimal.ZERO, BigDecimal.ZERO);
            case "bipolar_step":
                return reals(x.signum() >= 0 ? BigDecimal.ONE : BigDecimal.ONE.negate(), BigDecimal.ZERO,
                        BigDecimal.ZERO);
            case "pow":
                return powConst(x, param, negativeZero(xd));
            default:
                throw new IllegalArgumentException("no reference for unary op " + name);
        }
    }

    /**
     * GELU, tanh form: g = ½x(1 + tanh u) = x·σ(2u), u = c(x + kx³), c = √(2/π).
     * g′ = S + 2x·S·T·u′ and g″ = S·T·(4u′ − 4x·u′²·tanh u + 2x·u″), with S = σ(2u), T = σ(−2u).
     */
    private static Real[] gelu(BigDecimal x) {
        BigDecimal c = BigDecimalMath.sqrt(TWO.divide(BigDecimalMath.pi(WIDE), WIDE), WIDE);
        BigDecimal x2 = x.multiply(x);
        BigDecimal u = c.multiply(x.add(GELU_K.multiply(x2).multiply(x)), WIDE);
        BigDecimal u1 = c.multiply(BigDecimal.ONE.add(GELU_K.multiply(x2).multiply(BigDecimal.valueOf(3))), WIDE);
        BigDecimal u2 = c.multiply(GELU_K).multiply(x).multiply(BigDecimal.valueOf(6), WIDE);
        BigDecimal s = sigmoid(u.multiply(TWO));
        BigDecimal st = s.multiply(sigmoid(u.multiply(TWO).negate()), WIDE);
        BigDecimal d1 = s.add(x.multiply(st).multiply(u1).multiply(TWO), MC);
        BigDecimal inner = u1.multiply(BigDecimal.valueOf(4))
                .subtract(x.multiply(u1).multiply(u1).multiply(tanh(u)).multiply(BigDecimal.valueOf(4)))
                .add(x.multiply(u2).multiply(TWO));
        return reals(x.multiply(s), d1, st.multiply(inner, MC));
    }

    /** x^p for a constant p: value, p·x^(p−1), p(p−1)·x^(p−2). */
    private static Real[] powConst(BigDecimal x, double p, boolean negativeZero) {
        BigDecimal bp = big(p);
        Real v = pow(x, p, negativeZero);
        Real d1 = p == 0 ? Real.of(0.0) : times(bp, pow(x, p - 1, negativeZero));
        Real d2 = p == 0 || p == 1 ? Real.of(0.0) : times(bp.multiply(big(p - 1)), pow(x, p - 2, negativeZero));
        return new Real[] {v, d1, d2};
    }

    /** c·r for a real c. */
    private static Real times(BigDecimal c, Real r) {
        if (r.isReal()) {
            return Real.of(c.multiply(r.value, MC));
        }
        if (Double.isNaN(r.special) || c.signum() == 0) {
            return c.signum() == 0 && !Double.isNaN(r.special) ? Real.UNDEFINED : r;
        }
        return c.signum() > 0 ? r : (r.special > 0 ? Real.NEGATIVE_INFINITY : Real.POSITIVE_INFINITY);
    }

    /**
     * x^p: real for x &gt; 0, for x &lt; 0 only with an integer p, and at x = 0 the limit from the
     * right (0 for p &gt; 0, 1 for p = 0, +∞ for p &lt; 0), or at −0 with an odd p &lt; 0 from the
     * left (−∞), as IEEE's pow.
     */
    public static Real pow(BigDecimal x, double p, boolean negativeZero) {
        boolean integer = p == Math.rint(p) && Math.abs(p) < 1e15;
        if (x.signum() == 0) {
            boolean odd = integer && Math.abs(p % 2) == 1;
            return p > 0 ? Real.of(0.0) : p == 0 ? Real.of(1.0)
                    : negativeZero && odd ? Real.NEGATIVE_INFINITY : Real.POSITIVE_INFINITY;
        }
        if (integer && Math.abs(p) <= 4096) {
            long n = (long) p;
            BigDecimal r = x.pow((int) Math.abs(n), WIDE);
            return Real.of(n < 0 ? BigDecimal.ONE.divide(r, MC) : r.round(MC));
        }
        if (x.signum() < 0) {
            if (!integer) {
                return Real.UNDEFINED;
            }
            BigDecimal r = exp(big(p).multiply(log(x.negate()), WIDE));
            return Real.of(((long) p) % 2 == 0 ? r : r.negate());
        }
        return Real.of(exp(big(p).multiply(log(x), WIDE)));
    }

    private static boolean negativeZero(double x) {
        return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(-0.0);
    }

    /**
     * a^b with both varying: {value, ∂a, ∂b, ∂²/∂a², ∂²/∂a∂b, ∂²/∂b²}, for a &gt; 0 (and for a &lt; 0
     * with an integer b, where the b-derivatives are undefined).
     *
     * <p>At a = +0 a^b is not differentiable in b; there this returns what the engine documents
     * for {@code Ops.POW}: ∂a = 0 at b = 0 (x⁰ is constant), ∂b = 0 for b ≥ 0 and −∞ for b &lt; 0
     * (PyTorch's choice), and for ∂²/∂a∂b and ∂²/∂b² their limits as a → 0+.
     */
    public static Real[] pow2(double ad, double bd) {
        BigDecimal a = big(ad);
        BigDecimal b = big(bd);
        if (a.signum() > 0) {
            BigDecimal l = log(a);
            BigDecimal y = exp(b.multiply(l, WIDE));
            BigDecimal ya = y.divide(a, WIDE);
            return new Real[] {
                Real.of(y.round(MC)),
                Real.of(b.multiply(ya, MC)),
                Real.of(y.multiply(l, MC)),
                Real.of(b.multiply(b.subtract(BigDecimal.ONE)).multiply(ya).divide(a, MC)),
                Real.of(ya.multiply(BigDecimal.ONE.add(b.multiply(l, WIDE)), MC)),
                Real.of(y.multiply(l).multiply(l, MC)),
            };
        }
        if (a.signum() < 0) {
            Real[] r = unary("pow", bd, ad);
            return new Real[] {r[0], r[1], Real.UNDEFINED, r[2], Real.UNDEFINED, Real.UNDEFINED};
        }
        Real[] r = unary("pow", bd, ad);
        Real zero = Real.of(0.0);
        if (bd > 0) {
            return new Real[] {r[0], r[1], zero, r[2], bd > 1 ? zero : Real.NEGATIVE_INFINITY, zero};
        }
        Real inf = Real.POSITIVE_INFINITY;
        return new Real[] {r[0], r[1], bd == 0 ? zero : Real.NEGATIVE_INFINITY, r[2], inf, inf};
    }

    /** a/b: {value, ∂a, ∂b, ∂²/∂a², ∂²/∂a∂b, ∂²/∂b²} for b ≠ 0. */
    public static Real[] div(double ad, double bd) {
        BigDecimal a = big(ad);
        BigDecimal b = big(bd);
        BigDecimal inv = BigDecimal.ONE.divide(b, WIDE);
        BigDecimal inv2 = inv.multiply(inv, WIDE);
        return reals(a.multiply(inv, MC), inv.round(MC), a.multiply(inv2, MC).negate(), BigDecimal.ZERO,
                inv2.negate().round(MC), a.multiply(inv2).multiply(inv).multiply(TWO, MC));
    }

    private static Real[] reals(BigDecimal... v) {
        Real[] r = new Real[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Real.of(v[i]);
        }
        return r;
    }

    private static Real[] undefined() {
        return new Real[] {Real.UNDEFINED, Real.UNDEFINED, Real.UNDEFINED};
    }
}
