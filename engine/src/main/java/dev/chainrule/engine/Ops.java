package dev.chainrule.engine;

import static dev.chainrule.engine.OpInfo.Kind.ACTIVATION;
import static dev.chainrule.engine.OpInfo.Kind.ARITHMETIC;

import dev.chainrule.engine.internal.ArithmeticRows;
import dev.chainrule.engine.internal.ReluLoops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The built-in scalar ops: one small class each, its metadata ({@link OpInfo}: name, symbol,
 * parameters, domain, kinks, formula, derivative formula) first, then its forward and local
 * derivative side by side, in number form (for {@link Value#backward()}) and in graph form (for
 * {@link Grad}). Each registers itself, in declaration order, with {@link OpRegistry}.
 *
 * <p>Adding an op: declare it here like its neighbours (its metadata, {@code apply}, the numeric
 * {@code derivative} and its graph form) inside {@code register(...)}, and write its tests. It then
 * shows in the expression language, testkit's operators, the activation charts (if it is an
 * {@link OpInfo.Kind#ACTIVATION}), the CLI's help and the README's op table; its tensor form is
 * elementwise through the same class ({@code OpRegistry.get(name).apply(tensor)}).
 *
 * <p>Conventions at kinks, chosen to match PyTorch where it has the op:
 * <ul>
 *   <li>relu'(0) = 0, leaky_relu'(0) = slope, abs'(0) = 0;</li>
 *   <li>max and min at a tie send half the gradient to each input;</li>
 *   <li>step(0) = 1 (the perceptron's {@code w·x + b >= 0}), sign(0) = 0; both have derivative 0
 *       everywhere, so nothing flows back through them.</li>
 *   <li>elu′(0) = elu″(0) = α: every derivative at 0 is the x ≤ 0 branch's (PyTorch: elu″(0) = 0).</li>
 * </ul>
 *
 * <p>Accuracy (checked by {@code OpAccuracyTest} against a 50-digit oracle): value, first and
 * second derivative, in number and graph form, are within 1e-12 relative of the truth wherever
 * it is a finite double, subnormal results included, and never NaN there. Where the truth is not
 * a finite double: overflow gives ±∞; at a pole the IEEE limit (log′(0) = 1/0 = +∞, and at −0
 * the sign carries: log′(−0) = sqrt′(−0) = −∞, as PyTorch); outside the domain the value is NaN
 * and the derivatives are NaN (sqrt) or the formula continued (log′ = 1/x, as PyTorch); x^y at
 * x = 0 is documented at {@link #POW}. Where a derivative's graph form, differentiated again,
 * would cancel or multiply ∞ by 0, it is an op of its own (DIV_DB, POW_DA.., GAUSSIAN_PRIME), said
 * next to the op.
 */
final class Ops {
    /** Every op declared below, in declaration order; filled as the class initialises. */
    private static final List<OpInfo> REGISTERED = new ArrayList<>();

    private Ops() {
    }

    /** The built-in ops' metadata, in declaration order. */
    static List<OpInfo> registered() {
        return Collections.unmodifiableList(REGISTERED);
    }

    private static <T extends Op> T register(T op) {
        REGISTERED.add(op.info());
        return op;
    }

    private static OpInfo register(OpInfo info) {
        REGISTERED.add(info);
        return info;
    }

    private static OpInfo.Builder op(String name, String symbol, int arity) {
        return OpInfo.builder(name, symbol, arity);
    }

    private static OpInfo.Builder unary(String name, String symbol) {
        return op(name, symbol, 1);
    }

    private static OpInfo.Builder binary(String name, String symbol) {
        return op(name, symbol, 2);
    }

    private static OpInfo.Builder activation(String name, String symbol, String title) {
        return unary(name, symbol).kind(ACTIVATION).title(title);
    }

    /** Distance of the one input from 0, for ops whose kink or domain edge is there. */
    private static double fromZero(double[] x) {
        return Math.abs(x[0]);
    }

    static Value one() {
        return Value.of(1.0);
    }

    static Value constant(double c) {
        return Value.of(c);
    }

    // ---------------------------------------------------------------- arithmetic

    static final BinaryOp ADD = register(new BinaryOp(binary("add", "+").kind(ARITHMETIC).title("a + b")
            .formula("a + b").description("sum of two values").derivatives("1", "1")) {
        public double apply(double a, double b) { return a + b; }
        public double derivativeA(double a, double b, double y) { return 1; }
        public double derivativeB(double a, double b, double y) { return 1; }
        public Value derivativeA(Value a, Value b, Value y) { return one(); }
        public Value derivativeB(Value a, Value b, Value y) { return one(); }
        @Override public RowFastPath rowFastPath() { return ArithmeticRows.ADD; }
        @Override public Tensor[] tensorGradients(Tensor a, Tensor b, Tensor y, Tensor g) {
            return new Tensor[] {g, g};
        }
    });

    /** a − b; Value records it as a + neg(b), tensors as one node. */
    static final BinaryOp SUB = register(new BinaryOp(binary("sub", "−").kind(ARITHMETIC).title("a − b")
            .formula("a − b").description("difference; on Values recorded as a + (−b)").derivatives("1", "−1")
            .valueForm((in, p) -> in[0].sub(in[1]))) {
        public double apply(double a, double b) { return a - b; }
        public double derivativeA(double a, double b, double y) { return 1; }
        public double derivativeB(double a, double b, double y) { return -1; }
        public Value derivativeA(Value a, Value b, Value y) { return Ops.one(); }
        public Value derivativeB(Value a, Value b, Value y) { return Ops.constant(-1); }
        @Override public RowFastPath rowFastPath() { return ArithmeticRows.SUB; }
        @Override public Tensor[] tensorGradients(Tensor a, Tensor b, Tensor y, Tensor g) {
            return new Tensor[] {g, g.neg()};
        }
    });

    static final BinaryOp MUL = register(new BinaryOp(binary("mul", "×").kind(ARITHMETIC).title("a·b")
            .formula("a·b").description("product of two values").derivatives("{b}", "{a}")) {
        public double apply(double a, double b) { return a * b; }
        public double derivativeA(double a, double b, double y) { return b; }
        public double derivativeB(double a, double b, double y) { return a; }
        public Value derivativeA(Value a, Value b, Value y) { return b; }
        public Value derivativeB(Value a, Value b, Value y) { return a; }
        @Override public RowFastPath rowFastPath() { return ArithmeticRows.MUL; }
        @Override public Tensor[] tensorGradients(Tensor a, Tensor b, Tensor y, Tensor g) {
            return new Tensor[] {g.mul(b), g.mul(a)};
        }
    });

    /**
     * a/b. ∂b = −(a/b)/b, not −a/(b·b): b·b overflows or underflows long before a/b² does. Its
     * graph form is an op of its own ({@link #DIV_DB}): as a chain of divisions, differentiating
     * it again multiplies 1/b (∞ for a subnormal b) by a/b (0 for a = 0) and gives NaN.
     */
    static final BinaryOp DIV = register(new BinaryOp(binary("div", "÷").kind(ARITHMETIC).title("a/b")
            .formula("a/b").description("quotient").domain("b ≠ 0", x -> Math.abs(x[1]))
            .derivatives("1/{b}", "−{a}/{b}²")) {
        public double apply(double a, double b) { return a / b; }
        public double derivativeA(double a, double b, double y) { return 1 / b; }
        public double derivativeB(double a, double b, double y) { return -y / b; }
        public Value derivativeA(Value a, Value b, Value y) { return b.pow(-1); }
        public Value derivativeB(Value a, Value b, Value y) { return Value.apply(DIV_DB, a, b); }
        // ∂b stays per element through the scalar rule (DIV_DB): as tensor divisions, differentiating
        // it again gives NaN at a = 0 with a subnormal b.
        @Override public Tensor[] tensorGradients(Tensor a, Tensor b, Tensor y, Tensor g) {
            return new Tensor[] {g.div(b), null};
        }
    });

    /**
     * ∂(a/b)/∂b = −a/b², with ∂a = −1/b² and ∂b = 2a/b³ as ((2a/b)/b)/b. Internal: only derivative
     * graphs hold it, so it is not registered (no name for programs).
     */
    static final BinaryOp DIV_DB = new BinaryOp("div'b", "÷'b") {
        public double apply(double a, double b) { return -(a / b) / b; }
        public double derivativeA(double a, double b, double y) { return -1 / b / b; }
        public double derivativeB(double a, double b, double y) { return 2 * a / b / b / b; }
        public Value derivativeA(Value a, Value b, Value y) { return b.pow(-2).neg(); }
        public Value derivativeB(Value a, Value b, Value y) { return a.mul(2).div(b).div(b).div(b); }
    };

    static final UnaryOp NEG = register(new UnaryOp(unary("neg", "−").kind(ARITHMETIC).title("−x")
            .formula("−x").description("negation").derivatives("−1")) {
        public double apply(double x) { return -x; }
        public double derivative(double x, double y) { return -1; }
        public Value derivative(Value x, Value y) { return constant(-1); }
    });

    /**
     * x^p for a constant exponent p: the same op as {@link #POW} to a reader (and not listed
     * apart), one node with the exponent in its symbol.
     */
    static final OpInfo POW_CONST = unary("pow", "^").kind(ARITHMETIC).title("x^p").parameter("exponent", Double.NaN)
            .formula("x^p").description("power with a constant exponent")
            .derivatives("{exponent}·{x}^({exponent} − 1)").build(p -> new PowConst(p[0]));

    /** x^p for a constant exponent p. */
    static final class PowConst extends UnaryOp {
        private final double p;

        PowConst(double p) {
            super(POW_CONST, "^" + NumberText.compact(p));
            this.p = p;
        }

        double exponent() {
            return p;
        }

        @Override
        public double[] parameters() {
            return new double[] {p};
        }

        public double apply(double x) {
            return p == 2 ? x * x : Math.pow(x, p);
        }

        // x⁰ is the constant 1, so its derivative is 0 everywhere, also at x = 0 (not 0·0⁻¹).
        public double derivative(double x, double y) {
            return p == 2 ? 2 * x : p == 0 ? 0 : p * Math.pow(x, p - 1);
        }

        public Value derivative(Value x, Value y) {
            return p == 0 ? constant(0) : x.pow(p - 1).mul(p);
        }
    }

    /**
     * a^b with both a and b Values: ∂a = b·a^(b−1), ∂b = a^b·log a.
     *
     * <p>The graph forms of the derivatives, and theirs in turn, are ops of their own
     * ({@link #POW_DA}, {@link #POW_DB}, {@link #POW_HAA}, {@link #POW_HAB}, {@link #POW_HBB}):
     * built from pow, mul and log, differentiating them again multiplies a^b, which under- or
     * overflows, by 1/a or log a, and the Hessian loses every digit (∂²/∂a∂b of a^1.5 at
     * a = 1e-300 was 0.1 % off) or turns NaN. Each is c·a^q, evaluated by {@link #timesPow}.
     *
     * <p>At a base of 0, where a^b is not differentiable in b: ∂a = 0 when b = 0 (x⁰ is the
     * constant 1); ∂b = 0 when b ≥ 0 and −∞ when b &lt; 0 (as PyTorch); ∂²/∂a∂b and ∂²/∂b² are
     * their limits as a → 0+ (0 for b &gt; 1, −∞ for 0 &lt; b ≤ 1, +∞ for b ≤ 0; and 0 for b &gt; 0,
     * +∞ for b ≤ 0). When a^b overflows, ∂b is still finite where the truth is (1.5^1751,
     * 2^1024). For a &lt; 0 the b-derivatives are NaN: log a is undefined.
     */
    static final BinaryOp POW = register(new BinaryOp(binary("pow", "^").kind(ARITHMETIC).title("a^b")
            .formula("a^b").description("power; a constant exponent (x^2) makes a one-input node")
            .domain("a > 0 (for a non-integer b)", x -> x[0])
            .conventions("at a = 0: ∂/∂a = 0 for b = 0, ∂/∂b = 0 for b ≥ 0 and −∞ for b < 0")
            .derivatives("{b}·{a}^({b} − 1)", "{out}·ln {a}")) {
        public double apply(double a, double b) { return Math.pow(a, b); }
        public double derivativeA(double a, double b, double y) { return powDa(a, b); }
        public double derivativeB(double a, double b, double y) { return powDb(a, b); }
        public Value derivativeA(Value a, Value b, Value y) { return Value.apply(POW_DA, a, b); }
        public Value derivativeB(Value a, Value b, Value y) { return Value.apply(POW_DB, a, b); }
    });

    /** ∂(a^b)/∂a = b·a^(b−1). */
    static final BinaryOp POW_DA = new BinaryOp("pow'a", "^'a") {
        public double apply(double a, double b) { return powDa(a, b); }
        public double derivativeA(double a, double b, double y) { return powHaa(a, b); }
        public double derivativeB(double a, double b, double y) { return powHab(a, b); }
        public Value derivativeA(Value a, Value b, Value y) { return Value.apply(POW_HAA, a, b); }
        public Value derivativeB(Value a, Value b, Value y) { return Value.apply(POW_HAB, a, b); }
    };

    /** ∂(a^b)/∂b = a^b·log a. */
    static final BinaryOp POW_DB = new BinaryOp("pow'b", "^'b") {
        public double apply(double a, double b) { return powDb(a, b); }
        public double derivativeA(double a, double b, double y) { return powHab(a, b); }
        public double derivativeB(double a, double b, double y) { return powHbb(a, b); }
        public Value derivativeA(Value a, Value b, Value y) { return Value.apply(POW_HAB, a, b); }
        public Value derivativeB(Value a, Value b, Value y) { return Value.apply(POW_HBB, a, b); }
    };

    // The second derivatives. Their own derivatives (third order) are plain graphs of pow, mul
    // and log: exact in exact arithmetic, with no accuracy promised at the extremes.

    /** ∂²(a^b)/∂a² = b(b−1)·a^(b−2). */
    static final BinaryOp POW_HAA = new BinaryOp("pow'aa", "^'aa") {
        public double apply(double a, double b) { return powHaa(a, b); }
        public double derivativeA(double a, double b, double y) { return timesPow(b * (b - 1) * (b - 2), a, b - 3); }
        public double derivativeB(double a, double b, double y) { return powAab(a, b); }
        public Value derivativeA(Value a, Value b, Value y) {
            return b.mul(b.sub(1)).mul(b.sub(2)).mul(a.pow(b.sub(3)));
        }
        public Value derivativeB(Value a, Value b, Value y) { return powAab(a, b); }
    };

    /** ∂²(a^b)/∂a∂b = a^(b−1)·(1 + b·log a). */
    static final BinaryOp POW_HAB = new BinaryOp("pow'ab", "^'ab") {
        public double apply(double a, double b) { return powHab(a, b); }
        public double derivativeA(double a, double b, double y) { return powAab(a, b); }
        public double derivativeB(double a, double b, double y) { return powAbb(a, b); }
        public Value derivativeA(Value a, Value b, Value y) { return powAab(a, b); }
        public Value derivativeB(Value a, Value b, Value y) { return powAbb(a, b); }
    };

    /** ∂²(a^b)/∂b² = a^b·log²a. */
    static final BinaryOp POW_HBB = new BinaryOp("pow'bb", "^'bb") {
        public double apply(double a, double b) { return powHbb(a, b); }
        public double derivativeA(double a, double b, double y) { return powAbb(a, b); }
        public double derivativeB(double a, double b, double y) {
            double l = Math.log(a);
            return timesPow(l * l * l, a, b);
        }
        public Value derivativeA(Value a, Value b, Value y) { return powAbb(a, b); }
        public Value derivativeB(Value a, Value b, Value y) { return a.pow(b).mul(a.log().pow(3)); }
    };

    static double powDa(double a, double b) {
        return timesPow(b, a, b - 1);
    }

    static double powDb(double a, double b) {
        if (a == 0) {
            return b >= 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return timesPow(Math.log(a), a, b);
    }

    static double powHaa(double a, double b) {
        return timesPow(b * (b - 1), a, b - 2);
    }

    static double powHab(double a, double b) {
        if (a == 0) {
            return b > 1 ? 0 : b > 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return timesPow(Math.fma(b, Math.log(a), 1), a, b - 1);
    }

    static double powHbb(double a, double b) {
        if (a == 0) {
            return b > 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        double l = Math.log(a);
        return timesPow(l * l, a, b);
    }

    /** ∂³(a^b)/∂a²∂b = a^(b−2)·(2b − 1 + b(b−1)·log a). */
    private static double powAab(double a, double b) {
        return timesPow(2 * b - 1 + b * (b - 1) * Math.log(a), a, b - 2);
    }

    private static Value powAab(Value a, Value b) {
        return a.pow(b.sub(2)).mul(b.mul(2).sub(1).add(b.mul(b.sub(1)).mul(a.log())));
    }

    /** ∂³(a^b)/∂a∂b² = a^(b−1)·log a·(2 + b·log a). */
    private static double powAbb(double a, double b) {
        double l = Math.log(a);
        return timesPow(l * (2 + b * l), a, b - 1);
    }

    private static Value powAbb(Value a, Value b) {
        return a.pow(b.sub(1)).mul(a.log()).mul(b.mul(a.log()).add(2));
    }

    /**
     * c·a^q, also where a^q alone over- or underflows but c·a^q does not (b·a^(b−1) at a = 4.9e-324,
     * b = 1e-20 is 2e303): then it is (a^(q/2)·c)·a^(q/2). c = 0 gives 0 (x⁰'s derivative at 0).
     */
    static double timesPow(double c, double a, double q) {
        if (c == 0) {
            return 0;
        }
        double direct = c * Math.pow(a, q);
        if (Double.isNaN(direct) || a == 0 || Double.isInfinite(a)
                || Double.isFinite(direct) && Math.abs(direct) >= Double.MIN_NORMAL) {
            return direct;
        }
        // a < 0 reaches here only with an integer q (otherwise a^q is NaN): the sign is q's parity.
        double h = Math.pow(Math.abs(a), q / 2);
        double r = (h * c) * h;
        return a < 0 && Math.abs(q % 2) == 1 ? -r : r;
    }

    // ---------------------------------------------------------------- functions

    static final UnaryOp EXP = register(new UnaryOp(unary("exp", "exp").title("exp(x)").formula("eˣ")
            .description("the exponential").derivatives("{out}")) {
        public double apply(double x) { return Math.exp(x); }
        public double derivative(double x, double y) { return y; }
        public Value derivative(Value x, Value y) { return y; }
    });

    static final UnaryOp LOG = register(new UnaryOp(unary("log", "log").alias("ln").title("log(x)").formula("ln x")
            .description("the natural logarithm").domain("x > 0", x -> x[0]).derivatives("1/{x}")) {
        public double apply(double x) { return Math.log(x); }
        public double derivative(double x, double y) { return 1 / x; }
        public Value derivative(Value x, Value y) { return x.pow(-1); }
    });

    static final UnaryOp SQRT = register(new UnaryOp(unary("sqrt", "√").title("√x").formula("√x")
            .description("the square root").domain("x > 0", x -> x[0])
            .conventions("sqrt′(0) = ∞: 0 is kept out of its domain")
            .derivatives("1/(2·{out})")) {
        public double apply(double x) { return Math.sqrt(x); }
        public double derivative(double x, double y) { return 0.5 / y; }
        public Value derivative(Value x, Value y) { return y.pow(-1).mul(0.5); }
    });

    static final UnaryOp ABS = register(new UnaryOp(unary("abs", "|x|").title("|x|").formula("|x|")
            .description("the absolute value").kinks("x = 0", Ops::fromZero).conventions("abs′(0) = 0")
            .derivatives("sign({x})")) {
        public double apply(double x) { return Math.abs(x); }
        public double derivative(double x, double y) { return Math.signum(x); }
        public Value derivative(Value x, Value y) { return x.sign(); }
    });

    static final UnaryOp SIN = register(new UnaryOp(unary("sin", "sin").title("sin(x)").formula("sin x")
            .description("the sine").derivatives("cos {x}")) {
        public double apply(double x) { return Math.sin(x); }
        public double derivative(double x, double y) { return Math.cos(x); }
        public Value derivative(Value x, Value y) { return x.cos(); }
    });

    static final UnaryOp COS = register(new UnaryOp(unary("cos", "cos").title("cos(x)").formula("cos x")
            .description("the cosine").derivatives("−sin {x}")) {
        public double apply(double x) { return Math.cos(x); }
        public double derivative(double x, double y) { return -Math.sin(x); }
        public Value derivative(Value x, Value y) { return x.sin().neg(); }
    });

    static final BinaryOp MAX = register(new BinaryOp(binary("max", "max").title("max(a, b)").formula("max(a, b)")
            .description("the larger of two values").kinks("a = b", x -> Math.abs(x[0] - x[1]))
            .conventions("at a tie each input gets half the gradient")
            .derivatives("1 if {a} > {b}, 0 if {a} < {b}, ½ at a tie", "1 if {b} > {a}, 0 if {b} < {a}, ½ at a tie")) {
        public double apply(double a, double b) { return Math.max(a, b); }
        public double derivativeA(double a, double b, double y) { return a > b ? 1 : a < b ? 0 : 0.5; }
        public double derivativeB(double a, double b, double y) { return b > a ? 1 : b < a ? 0 : 0.5; }
        public Value derivativeA(Value a, Value b, Value y) { return constant(derivativeA(a.data, b.data, y.data)); }
        public Value derivativeB(Value a, Value b, Value y) { return constant(derivativeB(a.data, b.data, y.data)); }
    });

    static final BinaryOp MIN = register(new BinaryOp(binary("min", "min").title("min(a, b)").formula("min(a, b)")
            .description("the smaller of two values").kinks("a = b", x -> Math.abs(x[0] - x[1]))
            .conventions("at a tie each input gets half the gradient")
            .derivatives("1 if {a} < {b}, 0 if {a} > {b}, ½ at a tie", "1 if {b} < {a}, 0 if {b} > {a}, ½ at a tie")) {
        public double apply(double a, double b) { return Math.min(a, b); }
        public double derivativeA(double a, double b, double y) { return a < b ? 1 : a > b ? 0 : 0.5; }
        public double derivativeB(double a, double b, double y) { return b < a ? 1 : b > a ? 0 : 0.5; }
        public Value derivativeA(Value a, Value b, Value y) { return constant(derivativeA(a.data, b.data, y.data)); }
        public Value derivativeB(Value a, Value b, Value y) { return constant(derivativeB(a.data, b.data, y.data)); }
    });

    // ---------------------------------------------------------------- activations

    /**
     * tanh′ = 1 − y² while |x| &lt; ½ (y² &lt; ¼, no cancellation; differentiated again it gives
     * −2y·tanh′, exact near 0), and 4σ(2x)σ(−2x) beyond, where 1 − y² would cancel (it is 0
     * from |x| ≈ 19 on). Differentiated, that form gives 8σσ(σ(−2x) − σ(2x)), whose difference is
     * tanh|x| ≥ 0.46 there: no cancellation either. The number form computes the same
     * 4σ(2x)σ(−2x) as 4e/(1 + e)² with e = e^(−2|x|), one exp instead of two.
     */
    static final UnaryOp TANH = register(new UnaryOp(activation("tanh", "tanh", "tanh(x)").formula("(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)")
            .description("the hyperbolic tangent, squashing to (−1, 1)").derivatives("1 − {out}²")) {
        public double apply(double x) { return Math.tanh(x); }
        public double derivative(double x, double y) {
            if (Math.abs(x) < 0.5) {
                return 1 - y * y;
            }
            double e = Math.exp(-2 * Math.abs(x));
            double d = 1 + e;
            return 4 * e / (d * d);
        }
        public Value derivative(Value x, Value y) {
            return Math.abs(x.data) < 0.5 ? y.mul(y).neg().add(1)
                    : x.mul(2).sigmoid().mul(x.mul(-2).sigmoid()).mul(4);
        }
    });

    /**
     * σ′(x) = ¼·tanh′(x/2): the same two forms as tanh′, so σ′ = σ(x)σ(−x) on the tails (not
     * y(1 − y), which is 0 from x ≈ 37 on) and ¼(1 − tanh²(x/2)) near 0, where the graph form
     * differentiated again stays exact (σσ(σ(−x) − σ(x)) would cancel to 0 at x = 1e-300).
     * The number form is σ(x)σ(−x) everywhere, with σ(−x) as 1 − y where that is exact (x &lt; 0):
     * as accurate, and one exp at most.
     */
    static final UnaryOp SIGMOID = register(new UnaryOp(activation("sigmoid", "σ", "sigmoid σ(x)").alias("σ").formula("1/(1 + e⁻ˣ)")
            .description("the logistic function, squashing to (0, 1)").derivatives("{out}·(1 − {out})")) {
        public double apply(double x) { return sigmoid(x); }
        public double derivative(double x, double y) { return y * (x < 0 ? 1 - y : sigmoid(-x)); }
        public Value derivative(Value x, Value y) {
            if (Math.abs(x.data) < 1) {
                Value h = x.mul(0.5);
                return TANH.derivative(h, h.tanh()).mul(0.25);
            }
            return y.mul(x.neg().sigmoid());
        }
    });

    /** The logistic function, in the form that cannot overflow: exp only ever sees -|x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static final UnaryOp RELU = register(new UnaryOp(activation("relu", "ReLU", "ReLU(x)").formula("max(0, x)")
            .description("the rectified linear unit").kinks("x = 0", Ops::fromZero)
            .conventions("relu′(0) = 0; NaN passes through").derivatives("1 if {x} > 0, else 0")) {
        // Written as x <= 0 so that NaN passes through (it is never hidden as 0).
        public double apply(double x) { return x <= 0 ? 0 : x; }
        public double derivative(double x, double y) { return x > 0 ? 1 : 0; }
        public Value derivative(Value x, Value y) { return constant(derivative(x.data, y.data)); }
        // Over tensors: branch-free loops, on the Vector API for large ones (ReluLoopsTest checks them bit for bit).
        @Override public FastPath fastPath() { return ReluLoops.FAST_PATH; }
    });

    static final OpInfo LEAKY_RELU = register(activation("leaky_relu", "LReLU", "leaky ReLU, slope 0.01")
            .parameter("slope", 0.01).formula("x if x > 0, else slope·x")
            .description("ReLU that lets a slope of the gradient through below 0").kinks("x = 0", Ops::fromZero)
            .conventions("leaky_relu′(0) = slope").derivatives("1 if {x} > 0, else {slope}").build(p -> new LeakyRelu(p[0])));

    /** max(x, slope·x) for x ≤ 0 as slope·x. */
    static final class LeakyRelu extends UnaryOp {
        private final double slope;

        LeakyRelu(double slope) {
            super(LEAKY_RELU, null);
            this.slope = slope;
        }

        @Override
        public double[] parameters() {
            return new double[] {slope};
        }

        public double apply(double x) { return x > 0 ? x : slope * x; }
        public double derivative(double x, double y) { return x > 0 ? 1 : slope; }
        public Value derivative(Value x, Value y) { return constant(derivative(x.data, y.data)); }
    }

    static final UnaryOp SOFTPLUS = register(new UnaryOp(activation("softplus", "softplus", "softplus log(1 + eˣ)").formula("ln(1 + eˣ)")
            .description("a smooth ReLU").derivatives("σ({x})")) {
        public double apply(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        public double derivative(double x, double y) { return sigmoid(x); }
        public Value derivative(Value x, Value y) { return x.sigmoid(); }
    });

    // Once differentiable at 0 (for alpha 1) but its second derivative jumps there.
    static final OpInfo ELU = register(activation("elu", "ELU", "ELU (α = 1)").parameter("alpha", 1.0)
            .formula("x if x > 0, else alpha·(eˣ − 1)").description("exponential linear unit")
            .kinks("x = 0 (the second derivative jumps)", Ops::fromZero)
            .conventions("elu′(0) = elu″(0) = alpha, the x ≤ 0 branch's (PyTorch's elu″(0) is 0)")
            .derivatives("1 if {x} > 0, else {alpha}·e^{x}").build(p -> new Elu(p[0])));

    /** x for x > 0, alpha·(e^x − 1) otherwise. */
    static final class Elu extends UnaryOp {
        private final double alpha;

        Elu(double alpha) {
            super(ELU, null);
            this.alpha = alpha;
        }

        @Override
        public double[] parameters() {
            return new double[] {alpha};
        }

        // α·eˣ, not y + α, which cancels (2e-8 off at x = −20, 0 at −40). At 0 every
        // derivative is the x ≤ 0 branch's: elu′(0) = α (as PyTorch) and elu″(0) = α (PyTorch: 0).
        public double apply(double x) { return x > 0 ? x : alpha * Math.expm1(x); }
        public double derivative(double x, double y) { return x > 0 ? 1 : alpha * Math.exp(x); }
        public Value derivative(Value x, Value y) { return x.data > 0 ? one() : x.exp().mul(alpha); }
    }

    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    /** Beyond this |x|, GELU′ is 1 or 0 and GELU″ is 0 to the last double (e^(−2u) &lt; 1e-850). */
    private static final double GELU_FLAT = 30;

    /**
     * GELU, tanh form: ½x(1 + tanh u) with u = √(2/π)(x + 0.044715x³), computed as x·σ(2u)
     * (1 + tanh u cancels for x ≤ −4; σ(−2u) does not). With S = σ(2u), T = σ(−2u) and
     * u′ = √(2/π)(1 + 3·0.044715x²): GELU′ = S + 2x·S·T·u′. For |x| ≥ 30 the derivative is the
     * constant 1 or 0 (what the formula rounds to), which also keeps 0·∞ out where x² overflows.
     */
    static final UnaryOp GELU = register(new UnaryOp(activation("gelu", "GELU", "GELU (tanh form)")
            .formula("½x(1 + tanh(√(2/π)(x + 0.044715x³)))").description("Gaussian error linear unit, tanh form")
            .derivatives("½(1 + t) + ½{x}(1 − t²)·√(2/π)(1 + 3·0.044715{x}²), t = tanh(√(2/π)({x} + 0.044715{x}³))")) {
        public double apply(double x) {
            return x * sigmoid(2 * geluU(x));
        }

        public double derivative(double x, double y) {
            if (Math.abs(x) >= GELU_FLAT) {
                return x > 0 ? 1 : 0;
            }
            double u = geluU(x);
            double s = sigmoid(2 * u);
            return s + 2 * x * s * sigmoid(-2 * u) * GELU_C * (1 + 3 * GELU_K * x * x);
        }

        public Value derivative(Value x, Value y) {
            if (Math.abs(x.data) >= GELU_FLAT) {
                return constant(derivative(x.data, y.data));
            }
            Value u = x.mul(x).mul(GELU_K).add(1).mul(x).mul(GELU_C);
            Value s = u.mul(2).sigmoid();
            Value du = x.mul(x).mul(3 * GELU_K).add(1).mul(GELU_C);
            return s.add(x.mul(2).mul(s).mul(u.mul(-2).sigmoid()).mul(du));
        }
    });

    /** GELU's u = √(2/π)·x·(1 + 0.044715x²). */
    private static double geluU(double x) {
        return GELU_C * (x * (1 + GELU_K * x * x));
    }

    /** x·σ(x), also called swish. */
    static final UnaryOp SILU = register(new UnaryOp(activation("silu", "SiLU", "SiLU x·σ(x)").alias("swish").formula("x·σ(x)")
            .description("sigmoid-weighted linear unit, also called swish")
            .derivatives("σ({x})·(1 + {x}·(1 − σ({x})))")) {
        // σ(x)(1 + x·σ(−x)): σ(−x), not 1 − σ(x), which is 0 from x ≈ 37 on.
        public double apply(double x) { return x * sigmoid(x); }
        public double derivative(double x, double y) {
            return sigmoid(x) * (1 + x * sigmoid(-x));
        }
        public Value derivative(Value x, Value y) {
            return x.sigmoid().mul(x.mul(x.neg().sigmoid()).add(1));
        }
    });

    /**
     * exp(−x²). Its derivative −2x·y is multiplied in the order (−2y)·x, so that y = 0 meets a
     * finite number (−2x overflows at |x| ≥ 9e307, and ∞·0 is NaN).
     *
     * <p>The graph form is its own op, {@link #GAUSSIAN_PRIME}: differentiating −2y·x as a product
     * adds 4x²y and −2y, which cancel near x = 1/√2 (0 instead of 1.66e-16 at fl(1/√2)).
     */
    static final UnaryOp GAUSSIAN = register(new UnaryOp(activation("gaussian", "gauss", "Gaussian exp(−x²)").formula("e^(−x²)")
            .description("the Gaussian bump").derivatives("−2{x}·{out}")) {
        public double apply(double x) { return Math.exp(-x * x); }
        public double derivative(double x, double y) { return -2 * y * x; }
        public Value derivative(Value x, Value y) { return x.apply(GAUSSIAN_PRIME); }
    });

    /** gaussian″ = 4(x² − ½)·e^(−x²), with x² − ½ in one rounding (fused multiply-add). */
    static double gaussianSecond(double x) {
        double g = GAUSSIAN.apply(x);
        return g == 0 ? 0 : 4 * Math.fma(x, x, -0.5) * g;
    }

    /** gaussian′(x) = −2x·e^(−x²) as an op, so that its derivative can be {@link #gaussianSecond}. */
    static final UnaryOp GAUSSIAN_PRIME = new UnaryOp("gaussian'", "gauss'") {
        public double apply(double x) { return GAUSSIAN.derivative(x, GAUSSIAN.apply(x)); }
        public double derivative(double x, double y) { return gaussianSecond(x); }
        public Value derivative(Value x, Value y) { return x.apply(GAUSSIAN_SECOND); }
    };

    /**
     * gaussian″ as an op. Its derivative, −8x(x² − 3/2)·e^(−x²), is third order: its graph form
     * is a plain product, with no accuracy promised.
     */
    static final UnaryOp GAUSSIAN_SECOND = new UnaryOp("gaussian''", "gauss''") {
        public double apply(double x) { return gaussianSecond(x); }
        public double derivative(double x, double y) {
            double g = GAUSSIAN.apply(x);
            return g == 0 ? 0 : -8 * x * Math.fma(x, x, -1.5) * g;
        }
        public Value derivative(Value x, Value y) {
            return x.mul(-8).mul(x.mul(x).add(-1.5)).mul(x.gaussian());
        }
    };

    /** Heaviside step: 1 for x ≥ 0, else 0. Its derivative is taken as 0 everywhere. */
    static final UnaryOp STEP = register(new UnaryOp(activation("step", "step", "step(x)").formula("1 if x ≥ 0, else 0")
            .description("the Heaviside step, the perceptron's activation").kinks("x = 0", Ops::fromZero)
            .conventions("step(0) = 1; its derivative is taken as 0 everywhere").derivatives("0")) {
        // NaN stays NaN rather than being read as "below 0".
        public double apply(double x) { return x >= 0 ? 1 : x < 0 ? 0 : x; }
        public double derivative(double x, double y) { return 0; }
        public Value derivative(Value x, Value y) { return constant(0); }
    });

    /** sign: −1, 0 or 1. Its derivative is taken as 0 everywhere. */
    static final UnaryOp SIGN = register(new UnaryOp(activation("sign", "sign", "sign(x)").formula("−1, 0 or 1")
            .description("the sign of x").kinks("x = 0", Ops::fromZero)
            .conventions("sign(0) = 0; its derivative is taken as 0 everywhere").derivatives("0")) {
        public double apply(double x) { return Math.signum(x); }
        public double derivative(double x, double y) { return 0; }
        public Value derivative(Value x, Value y) { return constant(0); }
    });

    /**
     * The course material's Sign activation (Tutorial 6): 1 for x ≥ 0, else −1. Unlike
     * {@link #SIGN} (signum, 0 at 0, as in mathematics and PyTorch) it never gives 0, so it is a
     * step between −1 and 1. Its derivative is taken as 0 everywhere.
     */
    static final UnaryOp BIPOLAR_STEP = register(new UnaryOp(activation("bipolar_step", "±step",
            "bipolar step (the course's Sign)").formula("1 if x ≥ 0, else −1")
            .description("the course material's Sign(x): a step from −1 to 1, with 1 at 0 (sign gives 0 there)")
            .kinks("x = 0", Ops::fromZero)
            .conventions("bipolar_step(0) = 1; its derivative is taken as 0 everywhere").derivatives("0")) {
        // NaN stays NaN rather than being read as "below 0".
        public double apply(double x) { return x >= 0 ? 1 : x < 0 ? -1 : x; }
        public double derivative(double x, double y) { return 0; }
        public Value derivative(Value x, Value y) { return constant(0); }
    });

    /** x/(1 + |x|): like tanh, but it approaches ±1 polynomially rather than exponentially. */
    static final UnaryOp SOFTSIGN = register(new UnaryOp(activation("softsign", "softsign", "softsign x/(1 + |x|)")
            .formula("x/(1 + |x|)").description("a tanh-like squashing to (−1, 1) with polynomial tails")
            .kinks("x = 0 (the second derivative jumps)", Ops::fromZero).derivatives("1/(1 + |{x}|)²")) {
        public double apply(double x) { return x / (1 + Math.abs(x)); }
        public double derivative(double x, double y) {
            // (1/d)/d: d·d overflows from |x| ≈ 1.3e154 on, where 1/d² is still a (subnormal) double.
            double d = 1 + Math.abs(x);
            return 1 / d / d;
        }
        public Value derivative(Value x, Value y) { return x.abs().add(1).pow(-2); }
    });

    static final UnaryOp IDENTITY = register(new UnaryOp(activation("identity", "id", "identity").formula("x")
            .description("x itself, recorded as a node (the linear activation)").derivatives("1")) {
        public double apply(double x) { return x; }
        public double derivative(double x, double y) { return 1; }
        public Value derivative(Value x, Value y) { return one(); }
    });

    // ---------------------------------------------------------------- n-ary

    /** Σ of any number of inputs, added left to right. */
    static final Op SUM = register(new Op(op("sum", "Σ", -1).title("a + b + …").formula("a + b + …")
            .description("the sum of any number of values, added left to right, as one node").derivatives("1")
            .valueForm((in, p) -> Value.sum(in))
            .tensorForm((in, p) -> {
                throw new UnsupportedOperationException("sum: on tensors, add them or use Tensor.sum() to reduce");
            })) {
        public int arity() { return -1; }
        public double localDerivative(Value node, int i) { return 1; }
        public Value localDerivativeGraph(Value node, int i) { return one(); }

        void backward(Value node) {
            double g = node.grad;
            for (Value p : node.inputs) {
                p.grad += g;
            }
        }
    });
}
