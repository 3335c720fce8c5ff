package dev.chainrule.viz;

import java.util.List;

/**
 * One frame of a {@link SlideDeck}: a title, the worked step written out, and the graph as it
 * looks at that moment (values and grads known so far, the node being computed highlighted).
 */
public final class Slide {
    private final int number;
    private final String title;
    private final List<String> explanation;
    private final List<String> localDerivatives;
    private final String focus;
    private final String dot;
    private final String bareDot;

    Slide(int number, String title, List<String> explanation, List<String> localDerivatives, String focus, String dot,
            String bareDot) {
        this.number = number;
        this.title = title;
        this.explanation = List.copyOf(explanation);
        this.localDerivatives = List.copyOf(localDerivatives);
        this.focus = focus;
        this.dot = dot;
        this.bareDot = bareDot;
    }

    /** {@return the frame's position in the deck, 1 for the first frame} */
    public int number() {
        return number;
    }

    /**
     * {@return the frame's title, such as {@code "Forward pass: the inputs"},
     * {@code "Forward step 2 of 3: q"} or {@code "Backward step 3 of 5: ∂f/∂x"}}
     */
    public String title() {
        return title;
    }

    /**
     * The step written out, one line each, for example
     * {@code ["∂f/∂x = ∂f/∂q · ∂q/∂x", "= upstream × local = (-4.0000) × 1.0000 = -4.0000"]}.
     *
     * @return the step's lines in the order they are shown, without the title or the local
     *     derivative formulas; never empty, unmodifiable
     */
    public List<String> explanation() {
        return explanation;
    }

    /**
     * For a backward step, each local derivative it multiplies by, as the op's own formula in the
     * graph's names, for example {@code ["local ∂f/∂q = z"]} or
     * {@code ["local ∂out_o1/∂net_o1 = out_o1·(1 − out_o1)"]}: the same formulas as the worked
     * derivations of {@link dev.chainrule.viz.explain.Explainer} ({@link
     * dev.chainrule.viz.explain.LocalDerivative}). Empty for other frames, and for a user op that
     * gives no formula.
     *
     * @return the local-derivative lines, each {@code "local ∂node/∂input = formula"}, a line
     *     that repeats an earlier one left out; empty when there are none; unmodifiable
     */
    public List<String> localDerivatives() {
        return localDerivatives;
    }

    /**
     * {@return the name of the node this frame is about (as the slide's text writes it), or
     * {@code null} for a frame about no single node: the inputs, or every value at once}
     */
    public String focus() {
        return focus;
    }

    /**
     * {@return the frame's graph as DOT text, with the title, the explanation and the local
     * derivatives drawn as a caption above the graph; render it with Graphviz}
     */
    public String dot() {
        return dot;
    }

    /** The graph without the caption, for pages that show the caption as text. */
    String bareDot() {
        return bareDot;
    }

    /** For example {@code Slide 8: Backward step 4 of 4: ∂f/∂x}. */
    @Override
    public String toString() {
        return "Slide " + number + ": " + title;
    }
}
