/**
 * Worked derivations of gradients in the user's own names: the chain rule, each factor's local
 * derivative as a formula from the op registry and as a number, sums over paths with named δ
 * terms, the product and the gradient-descent update, written as text, Markdown or LaTeX.
 *
 * <p>{@link dev.chainrule.viz.explain.Explainer} builds a
 * {@link dev.chainrule.viz.explain.Derivation}; {@link dev.chainrule.viz.explain.DerivationWriter}
 * writes it; {@link dev.chainrule.viz.explain.LocalDerivative} is one op's local derivative as a
 * formula and a number, which the slide deck shows for each step.
 */
package dev.chainrule.viz.explain;
