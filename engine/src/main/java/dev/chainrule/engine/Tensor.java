package dev.chainrule.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * An n-dimensional node of a computation graph: row-major float64 data with a shape, its grad,
 * the op that made it, its ordered inputs and an optional label. One node per matrix, not one
 * per number.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}}).requiresGrad(false);
 * Tensor w = Tensor.randn(new Random(1), 2, 3).label("W");
 * Tensor b = Tensor.zeros(3).label("b");
 * Tensor loss = x.matmul(w).add(b).relu().sum();
 * loss.backward();            // w.grad(), b.grad() now hold ∂loss/∂W, ∂loss/∂b
 * }</pre>
 *
 * <p><b>Broadcasting</b> follows NumPy: shapes are aligned at their last axis, and an axis of
 * size 1 (or a missing leading axis) stretches to match. {@code [3, 1] + [1, 4]} is {@code [3,
 * 4]}. In backward, the grad of a broadcast operand is summed back over the axes it was
 * stretched along. Binary ops with a {@code double} treat it as a scalar tensor.
 *
 * <p><b>Gradients.</b> {@link #backward()} follows the same rule as {@link Value#backward()}:
 * intermediate grads are reset on every call and then hold exactly ∂output/∂node; leaf grads
 * accumulate across calls (zero them with {@link #zeroGrad()} between steps). A leaf made with
 * {@link #requiresGrad(boolean) requiresGrad(false)} (data, targets, masks) gets no grad, and
 * nothing is computed for it; ops whose inputs all need no grad make nodes that need none.
 *
 * <p><b>Higher order.</b> {@link Grad#of(Tensor, Tensor...)} builds gradients as tensor graphs
 * that can be differentiated again. Every tensor op has a graph-building gradient rule:
 * elementwise ops, matmul, all reductions, softmax, logSoftmax and all shape ops (the gradient
 * of gather and indexSelect is a "scatter" node, whose own gradient is a gather). Comparisons
 * make constant masks, through which nothing flows.
 *
 * <p>Tensors use identity, like Values. Ops never modify their inputs; only
 * {@link #setData(double[])}, {@link #dataArray()} and {@link #gradArray()} change a tensor in
 * place. A graph is not thread-safe.
 */
public final class Tensor extends GraphNode implements Node {
    static final Tensor[] NO_INPUTS = {};

    final double[] data;
    double[] grad;
    /** The array {@link #clearGrad()} took away, reused by {@link #gradBuffer()}. */
    private double[] spareGrad;
    final int[] shape;
    final TensorOp op;
    final Tensor[] inputs;
    boolean requiresGrad;
    private String label;

    Tensor(double[] data, int[] shape, TensorOp op, Tensor[] inputs, boolean requiresGrad) {
        this.data = data;
        this.shape = shape;
        this.op = op;
        this.inputs = inputs;
        this.requiresGrad = requiresGrad;
    }

    /** A leaf that owns {@code data} (not copied). */
    static Tensor leaf(double[] data, int[] shape) {
        return new Tensor(data, shape, null, NO_INPUTS, true);
    }

    /** A constant leaf: no grad is ever computed for it. */
    static Tensor constant(double[] data, int[] shape) {
        return new Tensor(data, shape, null, NO_INPUTS, false);
    }

    /**
     * Records the result of {@code op}: a node, or a plain leaf inside {@link Autograd#noGrad()}.
     * {@code data} is owned by the new tensor.
     */
    static Tensor make(TensorOp op, double[] data, int[] shape, Tensor... inputs) {
        if (Autograd.isAnomalyDetectionEnabled()) {
            checkForward(op, data, inputs);
        }
        if (!Autograd.isGradEnabled()) {
            return leaf(data, shape);
        }
        boolean rg = false;
        for (Tensor t : inputs) {
            rg |= t.requiresGrad;
        }
        return new Tensor(data, shape, op, inputs, rg);
    }

    // ---------------------------------------------------------------- creation

    /**
     * A tensor holding a copy of {@code values}, row-major, in the given shape. With no shape,
     * a 1-D tensor.
     *
     * @param values the values
     * @param shape the shape, one size per axis
     * @return A tensor holding a copy of {@code values}, row-major, in the given shape
     * @throws IllegalArgumentException if the values do not fill the shape or one is NaN
     */
    public static Tensor of(double[] values, int... shape) {
        Objects.requireNonNull(values, "values");
        int[] s = shape.length == 0 ? new int[] {values.length} : shape.clone();
        int n = Shapes.size("Tensor.of", s);
        if (n != values.length) {
            throw new IllegalArgumentException("Tensor.of: " + values.length + " values do not fill shape "
                    + Shapes.str(s) + " (" + n + " elements)");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("Tensor.of: value " + i + " is NaN");
            }
        }
        return leaf(values.clone(), s);
    }

    /**
     * A matrix from rows (copied).
     *
     * @param rows the rows
     * @return A matrix from rows (copied)
     * @throws IllegalArgumentException if rows differ in length or a value is NaN
     */
    public static Tensor of(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + n);
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return of(d, m, n);
    }

    /**
     * {@return a 0-dimensional tensor (shape {@code []}) holding {@code value}}
     *
     * @param value the value
     */
    public static Tensor scalar(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("Tensor.scalar: value is NaN");
        }
        return leaf(new double[] {value}, Shapes.SCALAR);
    }

    /**
     * {@return all zeros}
     *
     * @param shape the shape, one size per axis
     */
    public static Tensor zeros(int... shape) {
        int[] s = shape.clone();
        return leaf(new double[Shapes.size("zeros", s)], s);
    }

    /**
     * {@return all ones}
     *
     * @param shape the shape, one size per axis
     */
    public static Tensor ones(int... shape) {
        return full(1.0, shape);
    }

    /**
     * {@return every element {@code value}}
     *
     * @param value the value
     * @param shape the shape, one size per axis
     */
    public static Tensor full(double value, int... shape) {
        int[] s = shape.clone();
        double[] d = new double[Shapes.size("full", s)];
        Arrays.fill(d, value);
        return leaf(d, s);
    }

    /**
     * {@return {@code [0, 1, ..., n-1]}}
     *
     * @param n how many
     */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /**
     * {@code start, start + step, ...} up to but excluding {@code end}, as a 1-D tensor.
     *
     * @param start the start
     * @param end the end
     * @param step the step
     * @return {@code start, start + step, ...} up to but excluding {@code end}, as a 1-D tensor
     * @throws IllegalArgumentException if step is 0 or not finite
     */
    public static Tensor arange(double start, double end, double step) {
        if (step == 0 || !Double.isFinite(step)) {
            throw new IllegalArgumentException("arange: step must be finite and non-zero, got " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i * step;
        }
        return leaf(d, new int[] {n});
    }

    /**
     * {@return the n×n identity matrix}
     *
     * @param n how many
     */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.data[i * n + i] = 1;
        }
        return t;
    }

    /**
     * {@return uniform on [0, 1), drawn from {@code random} in row-major order}
     *
     * @param random the random source; seed it for repeatable results
     * @param shape the shape, one size per axis
     */
    public static Tensor rand(Random random, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextDouble();
        }
        return t;
    }

    /**
     * {@return standard normal, drawn from {@code random} in row-major order}
     *
     * @param random the random source; seed it for repeatable results
     * @param shape the shape, one size per axis
     */
    public static Tensor randn(Random random, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = random.nextGaussian();
        }
        return t;
    }

    // ---------------------------------------------------------------- state

    /** The shape, such as {@code [2, 3]}; {@code []} for a 0-dimensional tensor. A fresh array. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * {@return the size of one axis (negative axes count from the end)}
     *
     * @param axis the axis; negative counts from the last
     */
    public int shape(int axis) {
        return shape[Shapes.axis("shape", axis, shape)];
    }

    /** {@return the number of axes} */
    public int rank() {
        return shape.length;
    }

    /** {@return the number of elements} */
    public int size() {
        return data.length;
    }

    /**
     * The only element of a one-element tensor.
     *
     * @return the only element of a one-element tensor
     * @throws IllegalStateException if the tensor has more than one element
     */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has "
                    + data.length + " elements; use get(index...) or toArray()");
        }
        return data[0];
    }

    /**
     * The element at {@code index} (one index per axis).
     *
     * @param index the index
     * @return the element at {@code index} (one index per axis)
     * @throws IllegalArgumentException if the index does not fit the shape
     */
    public double get(int... index) {
        return data[flatIndex("get", index)];
    }

    /**
     * Sets one element of a leaf, for example a weight.
     *
     * @param value the value
     * @param index the index
     * @throws IllegalArgumentException if the index does not fit the shape or the value is NaN
     */
    public void set(double value, int... index) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("set: value is NaN");
        }
        data[flatIndex("set", index)] = value;
    }

    private int flatIndex(String what, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(what + ": " + index.length + " indices for shape "
                    + Shapes.str(shape));
        }
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IllegalArgumentException(what + ": index " + Arrays.toString(index)
                        + " is out of bounds for shape " + Shapes.str(shape));
            }
            flat = flat * shape[d] + index[d];
        }
        return flat;
    }

    /** {@return a copy of the data, row-major} */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * A copy of a matrix as rows.
     *
     * @return A copy of a matrix as rows
     * @throws IllegalStateException if the tensor is not 2-D
     */
    public double[][] toArray2D() {
        if (shape.length != 2) {
            throw new IllegalStateException("toArray2D: tensor has shape " + Shapes.str(shape)
                    + "; reshape it to 2-D first");
        }
        double[][] rows = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            rows[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    /**
     * The live data array, row-major: writing to it changes this tensor (for optimizers that
     * update parameters in place). Nodes computed from it are not recomputed.
     *
     * @return the live data array, row-major: writing to it changes this tensor (for optimizers that update
     *     parameters in place)
     */
    public double[] dataArray() {
        return data;
    }

    /**
     * Overwrites the data with a copy of {@code values}, for weight updates.
     *
     * @param values the values
     * @throws IllegalArgumentException if the length differs from {@link #size()} or a value is NaN
     */
    public void setData(double[] values) {
        if (values.length != data.length) {
            throw new IllegalArgumentException("setData: " + values.length + " values for shape "
                    + Shapes.str(shape) + " (" + data.length + " elements)");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("setData: value " + i + " is NaN");
            }
        }
        System.arraycopy(values, 0, data, 0, values.length);
    }

    /**
     * ∂output/∂this after the last {@link #backward()}, as a new leaf of this shape (zeros if no
     * gradient has reached this tensor).
     *
     * @return ∂output/∂this after the last {@link #backward()}, as a new leaf of this shape (zeros if no
     *     gradient has reached this tensor)
     */
    public Tensor grad() {
        return leaf(grad == null ? new double[data.length] : grad.clone(), shape.clone());
    }

    /**
     * The live grad array, row-major (allocated as zeros if there is none yet): for optimizers.
     *
     * @return the live grad array, row-major (allocated as zeros if there is none yet): for optimizers
     */
    public double[] gradArray() {
        return gradBuffer();
    }

    /** {@return whether a gradient has reached this tensor since it was made or zeroed} */
    public boolean hasGrad() {
        return grad != null;
    }

    /** The grad array, made zero first if there is none: the array cleared last, or a new one. */
    double[] gradBuffer() {
        if (grad == null) {
            if (spareGrad != null) {
                grad = spareGrad;
                spareGrad = null;
                Arrays.fill(grad, 0);
            } else {
                grad = new double[data.length];
            }
        }
        return grad;
    }

    /**
     * The grad array for a caller that writes every element before anything reads it (a matrix
     * product that stores rather than adds): the array cleared last, not zeroed, or a new one;
     * {@code null} if this tensor has a grad already, which must then be added to.
     */
    double[] gradBufferToOverwrite() {
        if (grad != null) {
            return null;
        }
        grad = spareGrad != null ? spareGrad : new double[data.length];
        spareGrad = null;
        return grad;
    }

    /**
     * Drops this tensor's grad: {@link #hasGrad()} is false and {@link #grad()} reads zeros until
     * the next backward reaches it. The array is kept and reused, zeroed, by that backward, so a
     * training step does not allocate and zero fresh weight-sized arrays (a cost that grows with
     * the model); an array from {@link #gradArray()} is therefore overwritten by the next
     * backward; copy it, or use {@link #grad()}, to keep its values. See {@link #zeroGrad()} for
     * the whole graph.
     */
    public void clearGrad() {
        if (grad != null) {
            spareGrad = grad;
        }
        grad = null;
    }

    /** {@return whether backward computes a grad for this tensor} */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf as needing a grad or not; data and targets need none, which saves work in
     * backward. Returns this tensor.
     *
     * @param needed whether needed
     * @return this tensor
     * @throws IllegalStateException on a non-leaf (its need follows from its inputs)
     */
    public Tensor requiresGrad(boolean needed) {
        if (op != null) {
            throw new IllegalStateException("requiresGrad: '" + describe() + "' was made by "
                    + op.name + "; set it on the leaves it was computed from, or use detach()");
        }
        requiresGrad = needed;
        return this;
    }

    /** {@return a new leaf holding a copy of this tensor's data, cut off from the graph} */
    public Tensor detach() {
        return leaf(data.clone(), shape.clone());
    }

    /** {@return whether this tensor is a leaf: an input, a parameter or a constant} */
    public boolean isLeaf() {
        return op == null;
    }

    /**
     * {@return input {@code i} of this node}
     *
     * @param i the index
     */
    public Tensor input(int i) {
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
     * Names this tensor, so that tables and graphs show it as such. Returns this tensor.
     *
     * @param label the name, or {@code null} to remove it
     * @return this tensor
     */
    public Tensor label(String label) {
        this.label = label;
        return this;
    }

    // ---------------------------------------------------------------- elementwise, one input

    /**
     * Applies a scalar op to every element; its derivative rule gives the backward.
     *
     * @param f the function
     * @return the new tensor
     */
    public Tensor apply(UnaryOp f) {
        return ElementwiseOps.unary(Objects.requireNonNull(f, "op"), this);
    }

    /** {@return −this} */
    public Tensor neg() {
        return apply(Ops.NEG);
    }

    /** {@return e^x elementwise} */
    public Tensor exp() {
        return apply(Ops.EXP);
    }

    /** {@return natural logarithm elementwise} */
    public Tensor log() {
        return apply(Ops.LOG);
    }

    /** {@return square root elementwise} */
    public Tensor sqrt() {
        return apply(Ops.SQRT);
    }

    /** {@return |x| elementwise; derivative 0 at 0} */
    public Tensor abs() {
        return apply(Ops.ABS);
    }

    /** {@return sin elementwise} */
    public Tensor sin() {
        return apply(Ops.SIN);
    }

    /** {@return cos elementwise} */
    public Tensor cos() {
        return apply(Ops.COS);
    }

    /**
     * {@return x^p elementwise for a constant exponent}
     *
     * @param p the exponent
     */
    public Tensor pow(double p) {
        return apply(new Ops.PowConst(p));
    }

    /** {@return x² elementwise} */
    public Tensor square() {
        return pow(2);
    }

    /** {@return tanh elementwise} */
    public Tensor tanh() {
        return apply(Ops.TANH);
    }

    /** {@return the logistic σ(x) elementwise, finite for any x} */
    public Tensor sigmoid() {
        return apply(Ops.SIGMOID);
    }

    /** {@return max(0, x) elementwise; derivative 0 at 0} */
    public Tensor relu() {
        return apply(Ops.RELU);
    }

    /**
     * {@return x for x &gt; 0, slope·x otherwise}
     *
     * @param slope the slope for negative inputs
     */
    public Tensor leakyRelu(double slope) {
        return apply(new Ops.LeakyRelu(slope));
    }

    /** {@return log(1 + e^x) elementwise, computed stably} */
    public Tensor softplus() {
        return apply(Ops.SOFTPLUS);
    }

    /** {@return ELU with alpha 1} */
    public Tensor elu() {
        return elu(1.0);
    }

    /**
     * {@return x for x &gt; 0, alpha·(e^x − 1) otherwise}
     *
     * @param alpha the slope parameter
     */
    public Tensor elu(double alpha) {
        return apply(new Ops.Elu(alpha));
    }

    /** {@return GELU (tanh form) elementwise} */
    public Tensor gelu() {
        return apply(Ops.GELU);
    }

    /** {@return x·σ(x) elementwise} */
    public Tensor silu() {
        return apply(Ops.SILU);
    }

    /** {@return exp(−x²) elementwise} */
    public Tensor gaussian() {
        return apply(Ops.GAUSSIAN);
    }

    /** {@return 1 where x ≥ 0, else 0; no gradient flows through it} */
    public Tensor step() {
        return apply(Ops.STEP);
    }

    /** {@return −1, 0 or 1 elementwise; no gradient flows through it} */
    public Tensor sign() {
        return apply(Ops.SIGN);
    }

    /** {@return the identity, recorded as a node} */
    public Tensor identity() {
        return apply(Ops.IDENTITY);
    }

    // ---------------------------------------------------------------- elementwise, two inputs

    /**
     * {@return this + other, broadcast}
     *
     * @param other the other operand
     */
    public Tensor add(Tensor other) {
        return ElementwiseOps.binary(Ops.ADD, this, other);
    }

    /**
     * {@return this + c}
     *
     * @param c the constant
     */
    public Tensor add(double c) {
        return add(constant(c));
    }

    /**
     * {@return this − other, broadcast}
     *
     * @param other the other operand
     */
    public Tensor sub(Tensor other) {
        return ElementwiseOps.binary(Ops.SUB, this, other);
    }

    /**
     * {@return this − c}
     *
     * @param c the constant
     */
    public Tensor sub(double c) {
        return sub(constant(c));
    }

    /**
     * {@return c − this}
     *
     * @param c the constant
     */
    public Tensor rsub(double c) {
        return constant(c).sub(this);
    }

    /**
     * {@return this × other elementwise, broadcast}
     *
     * @param other the other operand
     */
    public Tensor mul(Tensor other) {
        return ElementwiseOps.binary(Ops.MUL, this, other);
    }

    /**
     * {@return this × c}
     *
     * @param c the constant
     */
    public Tensor mul(double c) {
        return mul(constant(c));
    }

    /**
     * {@return this ÷ other elementwise, broadcast}
     *
     * @param other the other operand
     */
    public Tensor div(Tensor other) {
        return ElementwiseOps.binary(Ops.DIV, this, other);
    }

    /**
     * {@return this ÷ c}
     *
     * @param c the constant
     */
    public Tensor div(double c) {
        return div(constant(c));
    }

    /**
     * {@return this ^ exponent elementwise, broadcast, differentiable in both}
     *
     * @param exponent the exponent
     */
    public Tensor pow(Tensor exponent) {
        return ElementwiseOps.binary(Ops.POW, this, exponent);
    }

    /**
     * {@return max(this, other) elementwise, broadcast; at a tie half the gradient goes to each}
     *
     * @param other the other operand
     */
    public Tensor max(Tensor other) {
        return ElementwiseOps.binary(Ops.MAX, this, other);
    }

    /**
     * {@return max(this, c) elementwise}
     *
     * @param c the constant
     */
    public Tensor max(double c) {
        return max(constant(c));
    }

    /**
     * {@return min(this, other) elementwise, broadcast; at a tie half the gradient goes to each}
     *
     * @param other the other operand
     */
    public Tensor min(Tensor other) {
        return ElementwiseOps.binary(Ops.MIN, this, other);
    }

    /**
     * {@return min(this, c) elementwise}
     *
     * @param c the constant
     */
    public Tensor min(double c) {
        return min(constant(c));
    }

    /**
     * Applies a two-input scalar op elementwise, broadcast; its derivative rules give the backward.
     *
     * @param f the function
     * @param other the other operand
     * @return the new tensor
     */
    public Tensor apply(BinaryOp f, Tensor other) {
        return ElementwiseOps.binary(Objects.requireNonNull(f, "op"), this, other);
    }

    static Tensor constant(double c) {
        return constant(new double[] {c}, Shapes.SCALAR);
    }

    // ---------------------------------------------------------------- comparisons (masks)

    /**
     * {@return 1 where this &gt; other (broadcast), else 0} A constant: no gradient flows.
     *
     * @param other the other operand
     */
    public Tensor gt(Tensor other) {
        return ElementwiseOps.compare("gt", this, other);
    }

    /**
     * {@return 1 where this &gt; c, else 0}
     *
     * @param c the constant
     */
    public Tensor gt(double c) {
        return gt(constant(c));
    }

    /**
     * {@return 1 where this ≥ other (broadcast), else 0} A constant: no gradient flows.
     *
     * @param other the other operand
     */
    public Tensor ge(Tensor other) {
        return ElementwiseOps.compare("ge", this, other);
    }

    /**
     * {@return 1 where this ≥ c, else 0}
     *
     * @param c the constant
     */
    public Tensor ge(double c) {
        return ge(constant(c));
    }

    /**
     * {@return 1 where this &lt; other (broadcast), else 0} A constant: no gradient flows.
     *
     * @param other the other operand
     */
    public Tensor lt(Tensor other) {
        return ElementwiseOps.compare("lt", this, other);
    }

    /**
     * {@return 1 where this &lt; c, else 0}
     *
     * @param c the constant
     */
    public Tensor lt(double c) {
        return lt(constant(c));
    }

    /**
     * {@return 1 where this ≤ other (broadcast), else 0} A constant: no gradient flows.
     *
     * @param other the other operand
     */
    public Tensor le(Tensor other) {
        return ElementwiseOps.compare("le", this, other);
    }

    /**
     * {@return 1 where this ≤ c, else 0}
     *
     * @param c the constant
     */
    public Tensor le(double c) {
        return le(constant(c));
    }

    /**
     * {@return 1 where this == other (broadcast), else 0} A constant: no gradient flows.
     *
     * @param other the other operand
     */
    public Tensor eq(Tensor other) {
        return ElementwiseOps.compare("eq", this, other);
    }

    /**
     * {@return 1 where this == c, else 0}
     *
     * @param c the constant
     */
    public Tensor eq(double c) {
        return eq(constant(c));
    }

    // ---------------------------------------------------------------- reductions

    /** {@return the sum of all elements, as a 0-dimensional tensor} */
    public Tensor sum() {
        return ReductionOps.sum(this, new int[0], false, false);
    }

    /**
     * The sum over {@code axes} (all axes if none are given); with {@code keepDims} the reduced
     * axes stay as size 1.
     *
     * @param axes the axes; negative ones count from the last
     * @param keepDims whether reduced axes stay, with size 1
     * @return the sum over {@code axes} (all axes if none are given); with {@code keepDims} the reduced axes
     *     stay as size 1
     */
    public Tensor sum(int[] axes, boolean keepDims) {
        return ReductionOps.sum(this, axes, keepDims, false);
    }

    /**
     * {@return the sum over one axis, which is removed}
     *
     * @param axis the axis; negative counts from the last
     */
    public Tensor sum(int axis) {
        return sum(new int[] {axis}, false);
    }

    /** {@return the mean of all elements, as a 0-dimensional tensor} */
    public Tensor mean() {
        return ReductionOps.sum(this, new int[0], false, true);
    }

    /**
     * {@return the mean over {@code axes} (all if none), optionally keeping them as size 1}
     *
     * @param axes the axes; negative ones count from the last
     * @param keepDims whether reduced axes stay, with size 1
     */
    public Tensor mean(int[] axes, boolean keepDims) {
        return ReductionOps.sum(this, axes, keepDims, true);
    }

    /**
     * {@return the mean over one axis, which is removed}
     *
     * @param axis the axis; negative counts from the last
     */
    public Tensor mean(int axis) {
        return mean(new int[] {axis}, false);
    }

    /**
     * The maximum of all elements. The gradient goes to the maximum; on a tie, all of it goes
     * to the first maximal element in row-major order (as in NumPy's argmax).
     *
     * @return the maximum of all elements
     */
    public Tensor max() {
        return ReductionOps.max(this, new int[0], false);
    }

    /**
     * The maximum over {@code axes} (all if none), optionally keeping them as size 1. On a tie
     * the whole gradient goes to the first maximal element in row-major order. (There is no
     * {@code max(int axis)}: {@code x.max(0)} is the elementwise max with 0.)
     *
     * @param axes the axes; negative ones count from the last
     * @param keepDims whether reduced axes stay, with size 1
     * @return the maximum over {@code axes} (all if none), optionally keeping them as size 1
     */
    public Tensor max(int[] axes, boolean keepDims) {
        return ReductionOps.max(this, axes, keepDims);
    }

    /** {@return log Σ e^x over all elements, computed stably (finite for logits of ±1000)} */
    public Tensor logsumexp() {
        return ReductionOps.logsumexp(this, new int[0], false);
    }

    /**
     * {@return log Σ e^x over {@code axes} (all if none), stable, optionally keeping them as size 1}
     *
     * @param axes the axes; negative ones count from the last
     * @param keepDims whether reduced axes stay, with size 1
     */
    public Tensor logsumexp(int[] axes, boolean keepDims) {
        return ReductionOps.logsumexp(this, axes, keepDims);
    }

    /**
     * {@return log Σ e^x over one axis, which is removed}
     *
     * @param axis the axis; negative counts from the last
     */
    public Tensor logsumexp(int axis) {
        return logsumexp(new int[] {axis}, false);
    }

    /**
     * {@return e^x / Σ e^x along {@code axis}, computed stably (finite for logits of ±1000)}
     *
     * @param axis the axis; negative counts from the last
     */
    public Tensor softmax(int axis) {
        return SoftmaxOp.apply(this, axis, false);
    }

    /**
     * {@return x − logsumexp(x) along {@code axis}, computed stably}
     *
     * @param axis the axis; negative counts from the last
     */
    public Tensor logSoftmax(int axis) {
        return SoftmaxOp.apply(this, axis, true);
    }

    // ---------------------------------------------------------------- matmul

    /**
     * Matrix product. Both operands need at least 2 axes: {@code [m, k] @ [k, n]} is
     * {@code [m, n]}; leading axes are batch axes and broadcast ({@code [b, m, k] @ [k, n]} is
     * {@code [b, m, n]}).
     *
     * @param other the other operand
     * @return matrix product
     * @throws IllegalArgumentException like {@code "matmul: [2, 3] @ [4, 5]: inner dimensions 3
     *     and 4 differ"}
     */
    public Tensor matmul(Tensor other) {
        return MatMulOp.apply(this, Objects.requireNonNull(other, "matmul: other operand is null"));
    }

    /**
     * {@code this @ other + bias} as one node (PyTorch's {@code addmm}; the affine map of a dense
     * layer): the same numbers as {@code matmul(other).add(bias)} up to the order of additions,
     * without the intermediate product, its grad, and the pass that adds the bias. The bias
     * broadcasts to the product's shape, e.g. {@code [n]} for {@code [m, k] @ [k, n]}.
     * <pre>{@code
     * Tensor h = x.matmulAdd(w, b).relu();   // x [128, 784], w [784, 256], b [256]
     * }</pre>
     *
     * @param other the other operand of the product
     * @param bias added to every row (or broadcast otherwise) of the product
     * @return {@code this @ other + bias}, of the product's shape
     * @throws IllegalArgumentException if the product's shapes do not align (as in
     *     {@link #matmul(Tensor)}) or the bias does not broadcast to the product's shape
     */
    public Tensor matmulAdd(Tensor other, Tensor bias) {
        return MatMulAddOp.apply(this, Objects.requireNonNull(other, "matmulAdd: other operand is null"),
                Objects.requireNonNull(bias, "matmulAdd: bias is null"));
    }

    // ---------------------------------------------------------------- shape

    /**
     * The same data in another shape; one size may be -1 to be inferred.
     *
     * @param newShape the new shape
     * @return the same data in another shape; one size may be -1 to be inferred
     * @throws IllegalArgumentException if the sizes do not match
     */
    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /**
     * Swaps the last two axes (the matrix transpose for 2-D).
     *
     * @return the new tensor
     */
    public Tensor transpose() {
        if (shape.length < 2) {
            throw new IllegalArgumentException("transpose: shape " + Shapes.str(shape)
                    + " has fewer than 2 axes");
        }
        return transpose(-2, -1);
    }

    /**
     * Swaps two axes.
     *
     * @param axis0 the axis0
     * @param axis1 the axis1
     * @return the new tensor
     */
    public Tensor transpose(int axis0, int axis1) {
        int a = Shapes.axis("transpose", axis0, shape);
        int b = Shapes.axis("transpose", axis1, shape);
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    /**
     * Reorders the axes: output axis i is input axis {@code order[i]}.
     *
     * @param order the order
     * @return the new tensor
     */
    public Tensor permute(int... order) {
        return ShapeOps.permute(this, order);
    }

    /**
     * Broadcasts to {@code target} (NumPy rules); the grad is summed back.
     *
     * @param target the target
     * @return the new tensor
     */
    public Tensor expand(int... target) {
        return ReductionOps.expand(this, target.clone());
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive) along axis 0.
     *
     * @param from the first index
     * @param to the index past the last
     * @return the new tensor
     */
    public Tensor rows(int from, int to) {
        return slice(0, from, to);
    }

    /**
     * Indices {@code from} (inclusive) to {@code to} (exclusive) along {@code axis}.
     *
     * @param axis the axis; negative counts from the last
     * @param from the first index
     * @param to the index past the last
     * @return the new tensor
     */
    public Tensor slice(int axis, int from, int to) {
        return ShapeOps.slice(this, axis, from, to);
    }

    /**
     * Joins tensors along an existing axis; all other sizes must match.
     *
     * @param axis the axis; negative counts from the last
     * @param tensors the tensors
     * @return the new tensor
     */
    public static Tensor concat(int axis, Tensor... tensors) {
        return ShapeOps.concat(axis, tensors);
    }

    /**
     * Joins same-shaped tensors along a new axis.
     *
     * @param axis the axis; negative counts from the last
     * @param tensors the tensors
     * @return the new tensor
     */
    public static Tensor stack(int axis, Tensor... tensors) {
        return ShapeOps.stack(axis, tensors);
    }

    /**
     * The slices at {@code indices} along {@code axis}, in that order (repeats allowed; their
     * grads add up). {@code x.indexSelect(0, batch)} picks rows.
     *
     * @param axis the axis; negative counts from the last
     * @param indices the indices
     * @return the slices at {@code indices} along {@code axis}, in that order (repeats allowed; their grads
     *     add up)
     */
    public Tensor indexSelect(int axis, int... indices) {
        return ShapeOps.indexSelect(this, axis, indices);
    }

    /**
     * One element per position along {@code axis}: the result drops that axis, and its element
     * at position p is this tensor's element at p with index {@code indices[p]} inserted on
     * {@code axis}. {@code logp.gather(1, labels)} picks each row's label column.
     *
     * @param axis the axis; negative counts from the last
     * @param indices the indices
     * @return one element per position along {@code axis}: the result drops that axis, and its element at
     *     position p is this tensor's element at p with index {@code indices[p]} inserted on {@code axis}
     */
    public Tensor gather(int axis, int... indices) {
        return ShapeOps.gather(this, axis, indices);
    }

    // ---------------------------------------------------------------- backward

    /**
     * Computes ∂this/∂node for every node this one depends on. This tensor must have one
     * element (reduce with {@link #sum()} or {@link #mean()} first).
     *
     * <p>As in {@link Value#backward()}: the graph is ordered topologically with an explicit
     * stack (any depth works), this node's grad is set to 1, and one reverse sweep adds
     * {@code grad × local derivative} into each input's grad with {@code +=}. Intermediate
     * grads are reset first, so they hold exactly ∂this/∂node; leaf grads accumulate across
     * calls. Respects {@link Autograd#detectAnomaly()}.
     *
     * @throws IllegalStateException if this tensor has more than one element, or if no tensor
     *     in the graph requires a grad
     */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward: output has shape " + Shapes.str(shape)
                    + "; reduce it to one element first (sum() or mean()) or call backward(seed)");
        }
        backwardFrom(new double[] {1.0});
    }

    /**
     * Backward with an explicit upstream gradient {@code seed} of this tensor's shape (for
     * vector-Jacobian products). Accumulation as in {@link #backward()}.
     *
     * @param seed the seed
     * @throws IllegalArgumentException if the seed's shape differs
     */
    public void backward(Tensor seed) {
        if (!Arrays.equals(seed.shape, shape)) {
            throw new IllegalArgumentException("backward: seed shape " + Shapes.str(seed.shape)
                    + " differs from output shape " + Shapes.str(shape));
        }
        backwardFrom(seed.data.clone());
    }

    private void backwardFrom(double[] seed) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: nothing in this graph requires a grad (every leaf "
                    + "was made with requiresGrad(false), or the output was made inside noGrad()); "
                    + "mark the parameters with requiresGrad(true)");
        }
        Backward.run(this, seed);
    }

    /** Drops the grad of this tensor and of every tensor it depends on. */
    public void zeroGrad() {
        for (Tensor t : Topo.order(this)) {
            t.grad = null;
        }
    }

    private static void checkForward(TensorOp op, double[] data, Tensor[] inputs) {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                StringBuilder s = new StringBuilder();
                for (int k = 0; k < inputs.length; k++) {
                    s.append(k == 0 ? "" : ", ").append(inputs[k].describe());
                }
                throw Autograd.forwardAnomaly(op.name, data[i], i, s.toString());
            }
        }
    }

    @Override
    boolean madeByOp() {
        return op != null;
    }

    @Override
    void resetGrad() {
        grad = null;
    }

    @Override
    void seedGrad(double[] seed) {
        if (op == null) {
            double[] g = gradBuffer();
            for (int i = 0; i < g.length; i++) {
                g[i] += seed[i];
            }
        } else {
            grad = seed;
        }
    }

    @Override
    boolean propagate() {
        if (grad == null || !requiresGrad) {
            return false;
        }
        op.backward(this);
        return true;
    }

    @Override
    void checkInputGrads() {
        for (int k = 0; k < inputs.length; k++) {
            double[] g = inputs[k].grad;
            if (g == null) {
                continue;
            }
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    throw Autograd.backwardAnomaly(op.name, describe(), g[i], i, k, inputs[k].describe());
                }
            }
        }
    }

    @Override
    String anomalyName() {
        return describe();
    }

    // ---------------------------------------------------------------- Node

    @Override
    GraphNode[] inputArray() {
        return inputs;
    }

    @Override
    public String opName() {
        return op == null ? null : op.name;
    }

    @Override
    public String opSymbol() {
        return op == null ? null : op.symbol;
    }

    @Override
    public List<Tensor> inputs() {
        return Collections.unmodifiableList(Arrays.asList(inputs));
    }

    @Override
    public double[] dataSnapshot() {
        return data.clone();
    }

    @Override
    public double[] gradSnapshot() {
        return grad == null ? null : grad.clone();
    }

    /** Empty: a tensor node has no single-number local derivative. */
    @Override
    public OptionalDouble localDerivative(int input) {
        Objects.checkIndex(input, inputs.length);
        return OptionalDouble.empty();
    }

    private String describe() {
        return (label == null ? "" : "'" + label + "' ") + Shapes.str(shape);
    }

    /**
     * Its label, shape, op and numbers as nested rows, for example
     * <pre>
     * Tensor(W, shape [2, 3],
     *        [[1, 2, 3],
     *         [4, 5, 6]])
     * </pre>
     * Above 1,000 elements each axis shows its first and last three entries.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tensor(");
        if (label != null) {
            s.append(label).append(", ");
        }
        s.append("shape ").append(Shapes.str(shape));
        if (op != null) {
            s.append(", op ").append(op.name);
        }
        s.append(",\n       ");
        return s.append(TensorText.rows(data, shape, 7)).append(')').toString();
    }
}
