/**
 * Gradient checking: analytic gradients (from {@code backward()} and {@code Grad.of}) against
 * central finite differences, with PyTorch's tolerances and kink detection, for scalar functions
 * ({@link dev.chainrule.engine.gradcheck.GradCheck}) and tensor functions
 * ({@link dev.chainrule.engine.gradcheck.TensorGradCheck}).
 *
 * <pre>{@code
 * GradCheckResult r = GradCheck.defaults().names("x", "y").run(v -> v[0].mul(v[1]).sin(), 0.5, 2.0);
 * r.passed();   // true
 * }</pre>
 */
package dev.chainrule.engine.gradcheck;
