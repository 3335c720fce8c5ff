package dev.chainrule.engine;

/**
 * A tensor operation's backward rules, kept in the same class as its forward (each op is one
 * small class in {@link ElementwiseOps}, {@link ReductionOps}, {@link ShapeOps},
 * {@link SoftmaxOp} or {@link MatMulOp}). An instance may hold what the forward computed for the
 * backward (axes, argmax positions); it belongs to one node.
 */
abstract class TensorOp {
    final String name;
    final String symbol;

    TensorOp(String name, String symbol) {
        this.name = name;
        this.symbol = symbol == null ? name : symbol;
    }

    /**
     * Adds {@code out.grad × ∂out/∂input} into the grad of every input that requires a grad
     * (allocating it with {@link Tensor#gradBuffer()}). {@code out.grad} is not null.
     */
    abstract void backward(Tensor out);

    /**
     * The gradient flowing to each input, built from tensor ops so that it can be differentiated
     * again: entry i is {@code g · ∂out/∂input_i} summed to input i's shape, or {@code null} if
     * nothing flows to input i. Every op must give one (the compiler sees to it), so
     * {@link Grad#of(Tensor, Tensor...)} works through any tensor graph.
     *
     * @param g the gradient flowing into {@code out}, with out's shape
     */
    abstract Tensor[] gradGraph(Tensor out, Tensor g);

    /** Input {@code i}'s grad array (allocated as zeros if needed), or {@code null} if it needs no grad. */
    static double[] inputGrad(Tensor out, int i) {
        Tensor x = out.inputs[i];
        return x.requiresGrad ? x.gradBuffer() : null;
    }
}
