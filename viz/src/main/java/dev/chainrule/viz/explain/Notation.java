package dev.chainrule.viz.explain;

/** How formulas are written: with Unicode symbols, in plain ASCII, or as LaTeX. */
public enum Notation {
    /** ∂E_total/∂w5, out·(1 − out), δ_net_o1, w5⁺: what the terminal and Markdown show. */
    UNICODE,
    /** dE_total/dw5, out*(1 - out), delta_net_o1, w5': for terminals without Unicode. */
    ASCII,
    /** {@code \frac{\partial E_{total}}{\partial w_5}}: for LaTeX documents. */
    LATEX
}
