package dev.chainrule.engine;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A scalar node of a computation graph: its data, its grad, the op that made it, its ordered
 * inputs, and an optional label.
 *
 * <pre>{@code
 * Value x = Value.of(-2, "x"), y = Value.of(5, "y"), z = Value.of(-4, "z");
 * Value q = x.add(y).label("q");
 * Value f = q.mul(z).label("f");
 * f.backward();               // x.grad() == -4, y.grad() == -4, z.grad() == 3
 * }</pre>
 *
 * <p>Nodes use identity: two Values with equal data are different nodes. Inputs are kept in
 * order, duplicates included, so {@code x.mul(x)} is a node with x twice.
 *
 * <p>A graph is not thread-safe: do not run {@link #backward()} on graphs that share nodes from
 * two threads at once. Graphs that share nothing may run backward in parallel. When two backward
 * passes do overlap on a shared node, at least one of them throws
 * {@link java.util.ConcurrentModificationException} instead of silently adding into the same grads.
 */
public final class Value extends GraphNode implements Node {
    static final Value[] NO_INPUTS = {};

    double data;
    double grad;
    final Op op;
    final Value[] inputs;
    private String label;

    Value(double data, Op op, Value[] inputs) {
        this.data = data;
        this.op = op;
        this.inputs = inputs;
    }

    // ---------------------------------------------------------------- creation

    /**
     * A leaf (an input or a parameter).
     *
     * @param data the data
     * @return A leaf (an input or a parameter)
     * @throws IllegalArgumentException if {@code data} is NaN
     */
    public static Value of(double data) {
        if (Double.isNaN(data)) {
            throw new IllegalArgumentException("Value.of: data is NaN");
        }
        return new Value(data, null, NO_INPUTS);
    }

    /**
     * {@return a labelled leaf, such as {@code Value.of(0.15, "w1")}}
     *
     * @param data the data
     * @param label the label shown in tables and graphs
     */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    /**
     * Applies {@code op} to {@code inputs}, recording a node (or a plain leaf inside
     * {@link Autograd#noGrad()}).
     *
     * @param op the operator
     * @param inputs the inputs
     * @return the new node
     * @throws IllegalArgumentException if the number of inputs does not match the op's arity
     */
    public static Value apply(Op op, Value... inputs) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(inputs, "inputs");
        int arity = op.arity();
        if (arity >= 0 && inputs.length != arity) {
            throw new IllegalArgumentException(op.name() + ": expects " + arity + " input"
                    + (arity == 1 ? "" : "s") + ", got " + inputs.length);
        }
        Value[] in = inputs.clone();
        for (int i = 0; i < in.length; i++) {
            Objects.requireNonNull(in[i], () -> op.name() + ": input is null");
        }
        double y;
        if (op instanceof UnaryOp u) {
            y = u.apply(in[0].data);
        } else if (op instanceof BinaryOp b) {
            y = b.apply(in[0].data, in[1].data);
        } else if (op instanceof CustomOp c) {
            double[] x = new double[in.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = in[i].data;
            }
            y = c.apply(x);
        } else {
            throw new IllegalArgumentException(op.name() + ": apply it through its Value method");
        }
        return make(op, y, in);
    }

    /**
     * Applies a one-input op to this value; the same as {@code Value.apply(op, this)}.
     *
     * @param op the operator
     * @return the new node
     */
    public Value apply(UnaryOp op) {
        return make(op, op.apply(data), this);
    }

    static Value make(Op op, double y, Value... inputs) {
        if (!Double.isFinite(y) && Autograd.isAnomalyDetectionEnabled()) {
            throw Autograd.forwardAnomaly(op.name(), y, -1, describe(inputs));
        }
        if (!Autograd.isGradEnabled()) {
            return new Value(y, null, NO_INPUTS);
        }
        return new Value(y, op, inputs);
    }

    private static Value unary(UnaryOp op, Value x) {
        return make(op, op.apply(x.data), x);
    }

    private static Value binary(BinaryOp op, Value a, Value b) {
        Objects.requireNonNull(b, () -> op.name() + ": other operand is null");
        return make(op, op.apply(a.data, b.data), a, b);
    }

    // ---------------------------------------------------------------- state

    /** {@return the current value} */
    public double data() {
        return data;
    }

    /**
     * Sets the value of this node, for weight updates. Nodes computed from it are not
     * recomputed; run the forward pass again.
     *
     * @param data the data
     * @throws IllegalArgumentException if {@code data} is NaN
     */
    public void setData(double data) {
        if (Double.isNaN(data)) {
            throw new IllegalArgumentException("setData: NaN for " + describe());
        }
        this.data = data;
    }

    /** {@return ∂output/∂this after the last {@link #backward()}; 0 before any} */
    public double grad() {
        return grad;
    }

    /** Sets this node's grad to zero. See {@link #zeroGrad()} for the whole graph. */
    public void clearGrad() {
        grad = 0;
    }

    /** {@return the op that made this node, or {@code null} for a leaf} */
    public Op op() {
        return op;
    }

    /** {@return whether this node is a leaf: an input, a parameter or a constant} */
    public boolean isLeaf() {
        return op == null;
    }

    /**
     * {@return input {@code i} of this node}
     *
     * @param i the index
     */
    public Value input(int i) {
        return inputs[i];
    }

    /** {@return how many inputs this node has (0 for a leaf)} */
    public int inputCount() {
        return inputs.length;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Names this node, so that tables and graphs show it as such. Returns this Value.
     *
     * @param label the name, or {@code null} to remove it
     * @return this value
     */
    public Value label(String label) {
        this.label = label;
        return this;
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * {@return this + other}
     *
     * @param other the other operand
     */
    public Value add(Value other) {
        return binary(Ops.ADD, this, other);
    }

    /**
     * {@return this + c}
     *
     * @param c the constant
     */
    public Value add(double c) {
        return add(of(c));
    }

    /**
     * {@return this − other, recorded as {@code this + neg(other)}}
     *
     * @param other the other operand
     */
    public Value sub(Value other) {
        return add(Objects.requireNonNull(other, "sub: other operand is null").neg());
    }

    /**
     * {@return this − c, recorded as {@code this + (−c)}}
     *
     * @param c the constant
     */
    public Value sub(double c) {
        return add(of(-c));
    }

    /**
     * {@return c − this, recorded as {@code c + neg(this)}}
     *
     * @param c the constant
     */
    public Value rsub(double c) {
        return of(c).add(neg());
    }

    /**
     * {@return this × other}
     *
     * @param other the other operand
     */
    public Value mul(Value other) {
        return binary(Ops.MUL, this, other);
    }

    /**
     * {@return this × c}
     *
     * @param c the constant
     */
    public Value mul(double c) {
        return mul(of(c));
    }

    /**
     * {@return this ÷ other}
     *
     * @param other the other operand
     */
    public Value div(Value other) {
        return binary(Ops.DIV, this, other);
    }

    /**
     * {@return this ÷ c}
     *
     * @param c the constant
     */
    public Value div(double c) {
        return div(of(c));
    }

    /** {@return −this} */
    public Value neg() {
        return unary(Ops.NEG, this);
    }

    /**
     * {@return this ^ p for a constant exponent}
     *
     * @param p the exponent
     */
    public Value pow(double p) {
        return unary(new Ops.PowConst(p), this);
    }

    /**
     * {@return this ^ exponent, differentiable in both}
     *
     * @param exponent the exponent
     */
    public Value pow(Value exponent) {
        return binary(Ops.POW, this, exponent);
    }

    // ---------------------------------------------------------------- functions

    /** {@return e^this} */
    public Value exp() {
        return unary(Ops.EXP, this);
    }

    /** {@return natural logarithm} */
    public Value log() {
        return unary(Ops.LOG, this);
    }

    /** {@return square root} */
    public Value sqrt() {
        return unary(Ops.SQRT, this);
    }

    /** {@return |this|} Its derivative at 0 is taken as 0. */
    public Value abs() {
        return unary(Ops.ABS, this);
    }

    /** {@return sin(this)} */
    public Value sin() {
        return unary(Ops.SIN, this);
    }

    /** {@return cos(this)} */
    public Value cos() {
        return unary(Ops.COS, this);
    }

    /** {@return the identity, recorded as a node (the "linear" activation)} */
    public Value identity() {
        return unary(Ops.IDENTITY, this);
    }

    /**
     * {@return max(this, other)} At a tie, half the gradient goes to each.
     *
     * @param other the other operand
     */
    public Value max(Value other) {
        return binary(Ops.MAX, this, other);
    }

    /**
     * {@return min(this, other)} At a tie, half the gradient goes to each.
     *
     * @param other the other operand
     */
    public Value min(Value other) {
        return binary(Ops.MIN, this, other);
    }

    // ---------------------------------------------------------------- activations

    /** {@return tanh(this)} */
    public Value tanh() {
        return unary(Ops.TANH, this);
    }

    /** {@return σ(this) = 1/(1 + e^−this), in a form that is finite and exact for large |this|} */
    public Value sigmoid() {
        return unary(Ops.SIGMOID, this);
    }

    /** {@return max(0, this)} Its derivative at exactly 0 is 0. */
    public Value relu() {
        return unary(Ops.RELU, this);
    }

    /**
     * {@return this for this &gt; 0, else slope·this} Its derivative at exactly 0 is the slope.
     *
     * @param slope the slope for negative inputs
     */
    public Value leakyRelu(double slope) {
        return unary(new Ops.LeakyRelu(slope), this);
    }

    /** {@return log(1 + e^this), computed stably} */
    public Value softplus() {
        return unary(Ops.SOFTPLUS, this);
    }

    /** {@return ELU with alpha 1} */
    public Value elu() {
        return elu(1.0);
    }

    /**
     * {@return this for this &gt; 0, alpha·(e^this − 1) otherwise}
     *
     * @param alpha the slope parameter
     */
    public Value elu(double alpha) {
        return unary(new Ops.Elu(alpha), this);
    }

    /** {@return GELU in its tanh form} */
    public Value gelu() {
        return unary(Ops.GELU, this);
    }

    /** {@return this·σ(this) (SiLU, swish)} */
    public Value silu() {
        return unary(Ops.SILU, this);
    }

    /** {@return the Gaussian bump exp(−this²)} */
    public Value gaussian() {
        return unary(Ops.GAUSSIAN, this);
    }

    /**
     * Heaviside step: 1 if this ≥ 0, else 0. Recorded like any op, but its derivative is 0
     * everywhere, so no gradient flows through it (perceptrons train by their own rule).
     *
     * @return heaviside step: 1 if this ≥ 0, else 0
     */
    public Value step() {
        return unary(Ops.STEP, this);
    }

    /** {@return sign(this): −1, 0 or 1} Recorded like any op; its derivative is 0 everywhere. */
    public Value sign() {
        return unary(Ops.SIGN, this);
    }

    // ---------------------------------------------------------------- lists

    /**
     * The sum of {@code values}, added left to right, as one Σ node.
     *
     * @param values the values
     * @return the sum of {@code values}, added left to right, as one Σ node
     * @throws IllegalArgumentException if the list is empty
     */
    public static Value sum(List<Value> values) {
        Objects.requireNonNull(values, "values");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("sum: no values to add");
        }
        Value[] in = values.toArray(new Value[0]);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == null) {
                // Not requireNonNull(x, message): that would build the message for every element.
                throw new NullPointerException("sum: value " + i + " is null");
            }
        }
        return sumOf(in);
    }

    /** One Σ node over {@code in} (owned by the node, non-empty, no nulls), added left to right. */
    private static Value sumOf(Value[] in) {
        double s = 0;
        for (Value v : in) {
            s += v.data;
        }
        return make(Ops.SUM, s, in);
    }

    /**
     * {@return the sum of {@code values}, added left to right, as one Σ node}
     *
     * @param values the values
     */
    public static Value sum(Value... values) {
        return sum(List.of(values));
    }

    /**
     * Σ a_i·b_i, as one product node per pair and one Σ node.
     *
     * @param a the first operand
     * @param b the second operand
     * @return Σ a_i·b_i, as one product node per pair and one Σ node
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static Value dot(List<Value> a, List<Value> b) {
        checkPairs("dot", a, b);
        if (a.isEmpty()) {
            throw new IllegalArgumentException("dot: no values to multiply");
        }
        // The products array becomes the Σ node's inputs as it is: no copies of a million refs.
        return sumOf(products(a, b, new Value[a.size()], 0));
    }

    /**
     * {@code first + Σ a_i·b_i}: one product node per pair and one Σ node whose inputs are
     * {@code first}, then the products, added left to right. It is a neuron's sum (bias first, as
     * micrograd adds it) built without an intermediate list: the Σ node's inputs are filled in
     * place.
     *
     * @param first the term added first, such as a bias
     * @param a the first operands, such as weights
     * @param b the second operands, such as inputs
     * @return {@code first + Σ a_i·b_i}, as one Σ node; just {@code first} as a Σ of one input if
     *     the lists are empty
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static Value affine(Value first, List<Value> a, List<Value> b) {
        Objects.requireNonNull(first, "affine: first term is null");
        checkPairs("affine", a, b);
        Value[] terms = new Value[a.size() + 1];
        terms[0] = first;
        return sumOf(products(a, b, terms, 1));
    }

    private static void checkPairs(String who, List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(who + ": lengths " + a.size() + " and " + b.size() + " differ");
        }
    }

    /** Fills {@code out[from..]} with a_i·b_i and returns it. */
    private static Value[] products(List<Value> a, List<Value> b, Value[] out, int from) {
        for (int i = 0; i < a.size(); i++) {
            out[from + i] = a.get(i).mul(b.get(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- backward

    /**
     * Computes ∂this/∂node for every node this one depends on.
     *
     * <p>It orders the graph topologically (iteratively, so any depth works on the default
     * thread stack), sets this node's grad to 1, then makes one reverse sweep in which each node
     * adds {@code node.grad × ∂node/∂input} to each input's grad with {@code +=}. A node used
     * twice (as in {@code a + a} or a diamond) therefore receives both contributions.
     *
     * <p><b>Calling it again.</b> Every intermediate node's grad is reset to 0 before the sweep, so
     * intermediates always hold exactly ∂this/∂node and never double-count. Leaves (inputs and
     * parameters) <em>accumulate</em> across calls, as in PyTorch: a second call on the same graph
     * doubles their grads. Call {@link #zeroGrad()} (or zero your parameters) between steps.
     *
     * @throws java.util.ConcurrentModificationException if another thread's backward reaches a node
     *     of this graph (a shared leaf) while this one runs; the shared grads are then unreliable
     */
    public void backward() {
        Backward.run(this, ONE);
    }

    private static final double[] ONE = {1.0};

    /** Sets the grad of this node and of every node it depends on to 0. */
    public void zeroGrad() {
        for (Value v : Topo.order(this)) {
            v.grad = 0;
        }
    }

    // ---------------------------------------------------------------- Node

    @Override
    GraphNode[] inputArray() {
        return inputs;
    }

    @Override
    boolean madeByOp() {
        return op != null;
    }

    @Override
    void resetGrad() {
        grad = 0;
    }

    @Override
    void seedGrad(double[] seed) {
        if (op == null) {
            grad += seed[0];
        } else {
            grad = seed[0];
        }
    }

    @Override
    boolean propagate() {
        // The commonest ops are called through their constants, so that the JIT inlines their
        // backward here; through the op field alone this call sees every op and stays a table lookup.
        Op o = op;
        if (o == Ops.MUL) {
            Ops.MUL.backward(this);
        } else if (o == Ops.SUM) {
            Ops.SUM.backward(this);
        } else if (o == Ops.ADD) {
            Ops.ADD.backward(this);
        } else if (o == Ops.RELU) {
            Ops.RELU.backward(this);
        } else {
            o.backward(this);
        }
        return true;
    }

    @Override
    void checkInputGrads() {
        for (int i = 0; i < inputs.length; i++) {
            if (!Double.isFinite(inputs[i].grad)) {
                throw Autograd.backwardAnomaly(op.name(), anomalyName(), inputs[i].grad, -1, i,
                        inputs[i].anomalyName());
            }
        }
    }

    @Override
    String anomalyName() {
        return label == null ? "value " + data : "'" + label + "'";
    }

    /** The inputs as a forward anomaly lists them: {@code [x=1.0, 0.0]}. */
    private static String describe(Value[] inputs) {
        String[] parts = new String[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Value v = inputs[i];
            parts[i] = v.label() == null ? Double.toString(v.data) : v.label() + "=" + v.data;
        }
        return java.util.Arrays.toString(parts);
    }

    @Override
    public String opName() {
        return op == null ? null : op.name();
    }

    @Override
    public String opSymbol() {
        return op == null ? null : op.symbol();
    }

    @Override
    public List<Value> inputs() {
        return Collections.unmodifiableList(java.util.Arrays.asList(inputs));
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public double[] dataSnapshot() {
        return new double[] {data};
    }

    @Override
    public double[] gradSnapshot() {
        return new double[] {grad};
    }

    @Override
    public OptionalDouble localDerivative(int input) {
        if (op == null) {
            return OptionalDouble.empty();
        }
        Objects.checkIndex(input, inputs.length);
        return OptionalDouble.of(op.localDerivative(this, input));
    }

    private String describe() {
        return label == null ? "value" : "'" + label + "'";
    }

    /** For example {@code Value(q = 3.0, grad -4.0, op add)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Value(");
        if (label != null) {
            s.append(label).append(" = ");
        }
        s.append(data).append(", grad ").append(grad);
        if (op != null) {
            s.append(", op ").append(op.name());
        }
        return s.append(')').toString();
    }

}
