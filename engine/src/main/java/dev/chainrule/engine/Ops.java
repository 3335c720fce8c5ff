package dev.chainrule.engine;

import static dev.chainrule.engine.OpInfo.Kind.ACTIVATION;
import static dev.chainrule.engine.OpInfo.Kind.ARITHMETIC;

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
 * </ul>
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
    });

    static final BinaryOp MUL = register(new BinaryOp(binary("mul", "×").kind(ARITHMETIC).title("a·b")
            .formula("a·b").description("product of two values").derivatives("{b}", "{a}")) {
        public double apply(double a, double b) { return a * b; }
        public double derivativeA(double a, double b, double y) { return b; }
        public double derivativeB(double a, double b, double y) { return a; }
        public Value derivativeA(Value a, Value b, Value y) { return b; }
        public Value derivativeB(Value a, Value b, Value y) { return a; }
    });

    static final BinaryOp DIV = register(new BinaryOp(binary("div", "÷").kind(ARITHMETIC).title("a/b")
            .formula("a/b").description("quotient").domain("b ≠ 0", x -> Math.abs(x[1]))
            .derivatives("1/{b}", "−{a}/{b}²")) {
        public double apply(double a, double b) { return a / b; }
        public double derivativeA(double a, double b, double y) { return 1 / b; }
        public double derivativeB(double a, double b, double y) { return -a / (b * b); }
        public Value derivativeA(Value a, Value b, Value y) { return b.pow(-1); }
        public Value derivativeB(Value a, Value b, Value y) { return y.neg().div(b); }
    });

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
            super(POW_CONST, "^" + Value.formatNumber(p));
            this.p = p;
        }

        double exponent() {
            return p;
        }

        public double apply(double x) {
            return p == 2 ? x * x : Math.pow(x, p);
        }

        public double derivative(double x, double y) {
            return p == 2 ? 2 * x : p * Math.pow(x, p - 1);
        }

        public Value derivative(Value x, Value y) {
            return x.pow(p - 1).mul(p);
        }
    }

    /** a^b with both a and b Values. */
    static final BinaryOp POW = register(new BinaryOp(binary("pow", "^").kind(ARITHMETIC).title("a^b")
            .formula("a^b").description("power; a constant exponent (x^2) makes a one-input node")
            .domain("a > 0 (for a non-integer b)", x -> x[0])
            .conventions("∂/∂b is taken as 0 where a^b = 0")
            .derivatives("{b}·{a}^({b} − 1)", "{out}·ln {a}")) {
        public double apply(double a, double b) { return Math.pow(a, b); }
        public double derivativeA(double a, double b, double y) { return b * Math.pow(a, b - 1); }
        public double derivativeB(double a, double b, double y) { return y == 0 ? 0 : y * Math.log(a); }
        public Value derivativeA(Value a, Value b, Value y) { return b.mul(a.pow(b.sub(1))); }
        public Value derivativeB(Value a, Value b, Value y) { return y.mul(a.log()); }
    });

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

    static final UnaryOp TANH = register(new UnaryOp(activation("tanh", "tanh", "tanh(x)").formula("(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)")
            .description("the hyperbolic tangent, squashing to (−1, 1)").derivatives("1 − {out}²")) {
        public double apply(double x) { return Math.tanh(x); }
        public double derivative(double x, double y) { return 1 - y * y; }
        public Value derivative(Value x, Value y) { return y.mul(y).neg().add(1); }
    });

    static final UnaryOp SIGMOID = register(new UnaryOp(activation("sigmoid", "σ", "sigmoid σ(x)").alias("σ").formula("1/(1 + e⁻ˣ)")
            .description("the logistic function, squashing to (0, 1)").derivatives("{out}·(1 − {out})")) {
        public double apply(double x) { return sigmoid(x); }
        public double derivative(double x, double y) { return y * (1 - y); }
        public Value derivative(Value x, Value y) { return y.mul(y.neg().add(1)); }
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
            .derivatives("1 if {x} > 0, else {out} + {alpha}").build(p -> new Elu(p[0])));

    /** x for x > 0, alpha·(e^x − 1) otherwise. */
    static final class Elu extends UnaryOp {
        private final double alpha;

        Elu(double alpha) {
            super(ELU, null);
            this.alpha = alpha;
        }

        public double apply(double x) { return x > 0 ? x : alpha * Math.expm1(x); }
        public double derivative(double x, double y) { return x > 0 ? 1 : y + alpha; }
        public Value derivative(Value x, Value y) { return x.data > 0 ? one() : y.add(alpha); }
    }

    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    /** GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
    static final UnaryOp GELU = register(new UnaryOp(activation("gelu", "GELU", "GELU (tanh form)")
            .formula("½x(1 + tanh(√(2/π)(x + 0.044715x³)))").description("Gaussian error linear unit, tanh form")
            .derivatives("½(1 + t) + ½{x}(1 − t²)·√(2/π)(1 + 3·0.044715{x}²), t = tanh(√(2/π)({x} + 0.044715{x}³))")) {
        public double apply(double x) {
            return 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_K * x * x * x)));
        }

        public double derivative(double x, double y) {
            double t = Math.tanh(GELU_C * (x + GELU_K * x * x * x));
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * x * x);
        }

        public Value derivative(Value x, Value y) {
            Value t = x.pow(3).mul(GELU_K).add(x).mul(GELU_C).tanh();
            Value inner = x.pow(2).mul(3 * GELU_K).add(1).mul(GELU_C);
            return t.add(1).mul(0.5).add(x.mul(0.5).mul(t.mul(t).neg().add(1)).mul(inner));
        }
    });

    /** x·σ(x), also called swish. */
    static final UnaryOp SILU = register(new UnaryOp(activation("silu", "SiLU", "SiLU x·σ(x)").alias("swish").formula("x·σ(x)")
            .description("sigmoid-weighted linear unit, also called swish")
            .derivatives("σ({x})·(1 + {x}·(1 − σ({x})))")) {
        public double apply(double x) { return x * sigmoid(x); }
        public double derivative(double x, double y) {
            double s = sigmoid(x);
            return s * (1 + x * (1 - s));
        }
        public Value derivative(Value x, Value y) {
            Value s = x.sigmoid();
            return s.mul(x.mul(s.neg().add(1)).add(1));
        }
    });

    /** exp(−x²). */
    static final UnaryOp GAUSSIAN = register(new UnaryOp(activation("gaussian", "gauss", "Gaussian exp(−x²)").formula("e^(−x²)")
            .description("the Gaussian bump").derivatives("−2{x}·{out}")) {
        public double apply(double x) { return Math.exp(-x * x); }
        public double derivative(double x, double y) { return -2 * x * y; }
        public Value derivative(Value x, Value y) { return x.mul(-2).mul(y); }
    });

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

    /** x/(1 + |x|): like tanh, but it approaches ±1 polynomially rather than exponentially. */
    static final UnaryOp SOFTSIGN = register(new UnaryOp(activation("softsign", "softsign", "softsign x/(1 + |x|)")
            .formula("x/(1 + |x|)").description("a tanh-like squashing to (−1, 1) with polynomial tails")
            .kinks("x = 0 (the second derivative jumps)", Ops::fromZero).derivatives("1/(1 + |{x}|)²")) {
        public double apply(double x) { return x / (1 + Math.abs(x)); }
        public double derivative(double x, double y) {
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
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
            for (Value p : node.parents) {
                p.grad += g;
            }
            if (!Double.isFinite(g)) {
                Autograd.backwardProduced(this, node, 0, g);
            }
        }
    });
}
