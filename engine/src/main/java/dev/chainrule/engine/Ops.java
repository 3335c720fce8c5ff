package dev.chainrule.engine;

/**
 * The built-in scalar ops: one small class each, forward and local derivative side by side, in
 * number form (for {@link Value#backward()}) and in graph form (for {@link Grad}).
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
    private Ops() {
    }

    static Value one() {
        return Value.of(1.0);
    }

    static Value constant(double c) {
        return Value.of(c);
    }

    // ---------------------------------------------------------------- arithmetic

    static final BinaryOp ADD = new BinaryOp("add", "+") {
        public double apply(double a, double b) { return a + b; }
        public double derivativeA(double a, double b, double y) { return 1; }
        public double derivativeB(double a, double b, double y) { return 1; }
        public Value derivativeA(Value a, Value b, Value y) { return one(); }
        public Value derivativeB(Value a, Value b, Value y) { return one(); }
    };

    static final BinaryOp MUL = new BinaryOp("mul", "×") {
        public double apply(double a, double b) { return a * b; }
        public double derivativeA(double a, double b, double y) { return b; }
        public double derivativeB(double a, double b, double y) { return a; }
        public Value derivativeA(Value a, Value b, Value y) { return b; }
        public Value derivativeB(Value a, Value b, Value y) { return a; }
    };

    static final BinaryOp DIV = new BinaryOp("div", "÷") {
        public double apply(double a, double b) { return a / b; }
        public double derivativeA(double a, double b, double y) { return 1 / b; }
        public double derivativeB(double a, double b, double y) { return -a / (b * b); }
        public Value derivativeA(Value a, Value b, Value y) { return b.pow(-1); }
        public Value derivativeB(Value a, Value b, Value y) { return y.neg().div(b); }
    };

    static final UnaryOp NEG = new UnaryOp("neg", "−") {
        public double apply(double x) { return -x; }
        public double derivative(double x, double y) { return -1; }
        public Value derivative(Value x, Value y) { return constant(-1); }
    };

    /** x^p for a constant exponent p. */
    static final class PowConst extends UnaryOp {
        private final double p;

        PowConst(double p) {
            super("pow", "^" + Value.formatNumber(p));
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
    static final BinaryOp POW = new BinaryOp("pow", "^") {
        public double apply(double a, double b) { return Math.pow(a, b); }
        public double derivativeA(double a, double b, double y) { return b * Math.pow(a, b - 1); }
        public double derivativeB(double a, double b, double y) { return y == 0 ? 0 : y * Math.log(a); }
        public Value derivativeA(Value a, Value b, Value y) { return b.mul(a.pow(b.sub(1))); }
        public Value derivativeB(Value a, Value b, Value y) { return y.mul(a.log()); }
    };

    // ---------------------------------------------------------------- functions

    static final UnaryOp EXP = new UnaryOp("exp", "exp") {
        public double apply(double x) { return Math.exp(x); }
        public double derivative(double x, double y) { return y; }
        public Value derivative(Value x, Value y) { return y; }
    };

    static final UnaryOp LOG = new UnaryOp("log", "log") {
        public double apply(double x) { return Math.log(x); }
        public double derivative(double x, double y) { return 1 / x; }
        public Value derivative(Value x, Value y) { return x.pow(-1); }
    };

    static final UnaryOp SQRT = new UnaryOp("sqrt", "√") {
        public double apply(double x) { return Math.sqrt(x); }
        public double derivative(double x, double y) { return 0.5 / y; }
        public Value derivative(Value x, Value y) { return y.pow(-1).mul(0.5); }
    };

    static final UnaryOp ABS = new UnaryOp("abs", "|x|") {
        public double apply(double x) { return Math.abs(x); }
        public double derivative(double x, double y) { return Math.signum(x); }
        public Value derivative(Value x, Value y) { return x.sign(); }
    };

    static final UnaryOp SIN = new UnaryOp("sin", "sin") {
        public double apply(double x) { return Math.sin(x); }
        public double derivative(double x, double y) { return Math.cos(x); }
        public Value derivative(Value x, Value y) { return x.cos(); }
    };

    static final UnaryOp COS = new UnaryOp("cos", "cos") {
        public double apply(double x) { return Math.cos(x); }
        public double derivative(double x, double y) { return -Math.sin(x); }
        public Value derivative(Value x, Value y) { return x.sin().neg(); }
    };

    static final UnaryOp IDENTITY = new UnaryOp("identity", "id") {
        public double apply(double x) { return x; }
        public double derivative(double x, double y) { return 1; }
        public Value derivative(Value x, Value y) { return one(); }
    };

    static final BinaryOp MAX = new BinaryOp("max", "max") {
        public double apply(double a, double b) { return Math.max(a, b); }
        public double derivativeA(double a, double b, double y) { return a > b ? 1 : a < b ? 0 : 0.5; }
        public double derivativeB(double a, double b, double y) { return b > a ? 1 : b < a ? 0 : 0.5; }
        public Value derivativeA(Value a, Value b, Value y) { return constant(derivativeA(a.data, b.data, y.data)); }
        public Value derivativeB(Value a, Value b, Value y) { return constant(derivativeB(a.data, b.data, y.data)); }
    };

    static final BinaryOp MIN = new BinaryOp("min", "min") {
        public double apply(double a, double b) { return Math.min(a, b); }
        public double derivativeA(double a, double b, double y) { return a < b ? 1 : a > b ? 0 : 0.5; }
        public double derivativeB(double a, double b, double y) { return b < a ? 1 : b > a ? 0 : 0.5; }
        public Value derivativeA(Value a, Value b, Value y) { return constant(derivativeA(a.data, b.data, y.data)); }
        public Value derivativeB(Value a, Value b, Value y) { return constant(derivativeB(a.data, b.data, y.data)); }
    };

    // ---------------------------------------------------------------- activations

    static final UnaryOp TANH = new UnaryOp("tanh", "tanh") {
        public double apply(double x) { return Math.tanh(x); }
        public double derivative(double x, double y) { return 1 - y * y; }
        public Value derivative(Value x, Value y) { return y.mul(y).neg().add(1); }
    };

    static final UnaryOp SIGMOID = new UnaryOp("sigmoid", "σ") {
        public double apply(double x) { return sigmoid(x); }
        public double derivative(double x, double y) { return y * (1 - y); }
        public Value derivative(Value x, Value y) { return y.mul(y.neg().add(1)); }
    };

    /** The logistic function, in the form that cannot overflow: exp only ever sees -|x|. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    static final UnaryOp RELU = new UnaryOp("relu", "ReLU") {
        // Written as x <= 0 so that NaN passes through (it is never hidden as 0).
        public double apply(double x) { return x <= 0 ? 0 : x; }
        public double derivative(double x, double y) { return x > 0 ? 1 : 0; }
        public Value derivative(Value x, Value y) { return constant(derivative(x.data, y.data)); }
    };

    /** max(x, slope·x) for x ≤ 0 as slope·x. */
    static final class LeakyRelu extends UnaryOp {
        private final double slope;

        LeakyRelu(double slope) {
            super("leaky_relu", "LReLU");
            this.slope = slope;
        }

        public double apply(double x) { return x > 0 ? x : slope * x; }
        public double derivative(double x, double y) { return x > 0 ? 1 : slope; }
        public Value derivative(Value x, Value y) { return constant(derivative(x.data, y.data)); }
    }

    static final UnaryOp SOFTPLUS = new UnaryOp("softplus", "softplus") {
        public double apply(double x) { return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))); }
        public double derivative(double x, double y) { return sigmoid(x); }
        public Value derivative(Value x, Value y) { return x.sigmoid(); }
    };

    /** x for x > 0, alpha·(e^x − 1) otherwise. */
    static final class Elu extends UnaryOp {
        private final double alpha;

        Elu(double alpha) {
            super("elu", "ELU");
            this.alpha = alpha;
        }

        public double apply(double x) { return x > 0 ? x : alpha * Math.expm1(x); }
        public double derivative(double x, double y) { return x > 0 ? 1 : y + alpha; }
        public Value derivative(Value x, Value y) { return x.data > 0 ? one() : y.add(alpha); }
    }

    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    /** GELU, tanh form: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
    static final UnaryOp GELU = new UnaryOp("gelu", "GELU") {
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
    };

    /** x·σ(x), also called swish. */
    static final UnaryOp SILU = new UnaryOp("silu", "SiLU") {
        public double apply(double x) { return x * sigmoid(x); }
        public double derivative(double x, double y) {
            double s = sigmoid(x);
            return s * (1 + x * (1 - s));
        }
        public Value derivative(Value x, Value y) {
            Value s = x.sigmoid();
            return s.mul(x.mul(s.neg().add(1)).add(1));
        }
    };

    /** exp(−x²). */
    static final UnaryOp GAUSSIAN = new UnaryOp("gaussian", "gauss") {
        public double apply(double x) { return Math.exp(-x * x); }
        public double derivative(double x, double y) { return -2 * x * y; }
        public Value derivative(Value x, Value y) { return x.mul(-2).mul(y); }
    };

    /** Heaviside step: 1 for x ≥ 0, else 0. Its derivative is taken as 0 everywhere. */
    static final UnaryOp STEP = new UnaryOp("step", "step") {
        // NaN stays NaN rather than being read as "below 0".
        public double apply(double x) { return x >= 0 ? 1 : x < 0 ? 0 : x; }
        public double derivative(double x, double y) { return 0; }
        public Value derivative(Value x, Value y) { return constant(0); }
    };

    /** sign: −1, 0 or 1. Its derivative is taken as 0 everywhere. */
    static final UnaryOp SIGN = new UnaryOp("sign", "sign") {
        public double apply(double x) { return Math.signum(x); }
        public double derivative(double x, double y) { return 0; }
        public Value derivative(Value x, Value y) { return constant(0); }
    };

    // ---------------------------------------------------------------- n-ary

    /** Σ of any number of inputs, added left to right. */
    static final Op SUM = new Op("sum", "Σ") {
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
    };
}
