/**
 * The autograd core: scalar {@link dev.chainrule.engine.Value} and n-dimensional {@link
 * dev.chainrule.engine.Tensor} graphs, the ops with their forward and derivative rules side by side,
 * reverse-mode {@code backward()}, higher-order gradients ({@link dev.chainrule.engine.Grad}), autograd
 * modes ({@link dev.chainrule.engine.Autograd}), the read-only graph view for tools ({@link
 * dev.chainrule.engine.Graph}) and finite-difference gradient checking ({@link
 * dev.chainrule.engine.GradCheck}).
 *
 * <pre>{@code
 * Value x = Value.of(-2).label("x"), y = Value.of(5).label("y"), z = Value.of(-4).label("z");
 * Value f = x.add(y).mul(z);   // -12
 * f.backward();                // x.grad() == -4, y.grad() == -4, z.grad() == 3
 * }</pre>
 */
package dev.chainrule.engine;
