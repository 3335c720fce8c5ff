/**
 * The autograd core: scalar {@link dev.chainrule.engine.Value} and n-dimensional {@link
 * dev.chainrule.engine.Tensor} graphs, the ops with their forward and derivative rules side by side,
 * reverse-mode {@code backward()}, higher-order gradients ({@link dev.chainrule.engine.Grad}), autograd
 * modes ({@link dev.chainrule.engine.Autograd}), the read-only graph view for tools ({@link
 * dev.chainrule.engine.Graph}) and the op registry ({@link dev.chainrule.engine.OpRegistry}). Gradient checking is in
 * {@code dev.chainrule.engine.gradcheck}; the kernels are in {@code dev.chainrule.engine.internal}
 * (not API).
 *
 * <p>Naming: a node's operands are its <em>inputs</em> ({@code Node.inputs()}, {@code Value.input(i)});
 * a class named {@code *Op} is one op ({@code UnaryOp}, {@code MatMulOp}, {@code SoftmaxOp}) and a
 * class named {@code *Ops} holds several ({@code Ops}: the scalar ops; {@code ElementwiseOps},
 * {@code ReductionOps}, {@code ShapeOps}: tensor ops); {@link dev.chainrule.engine.Node} is the
 * public, read-only face of a node, {@code GraphNode} what the graph walk and the backward pass
 * need of it, and {@link dev.chainrule.engine.Graph.Entry} a node's place in one {@code Graph}.
 *
 * <pre>{@code
 * Value x = Value.of(-2).label("x"), y = Value.of(5).label("y"), z = Value.of(-4).label("z");
 * Value f = x.add(y).mul(z);   // -12
 * f.backward();                // x.grad() == -4, y.grad() == -4, z.grad() == 3
 * }</pre>
 */
package dev.chainrule.engine;
