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
    private final String focus;
    private final String dot;
    private final String bareDot;

    Slide(int number, String title, List<String> explanation, String focus, String dot, String bareDot) {
        this.number = number;
        this.title = title;
        this.explanation = List.copyOf(explanation);
        this.focus = focus;
        this.dot = dot;
        this.bareDot = bareDot;
    }

    /** The position in the deck, from 1. */
    public int number() {
        return number;
    }

    /** For example {@code "Backward step 3 of 5: ∂f/∂x"}. */
    public String title() {
        return title;
    }

    /**
     * The step written out, one line each, for example
     * {@code ["∂f/∂x = ∂f/∂q · ∂q/∂x", "= upstream × local = (-4.0000) × 1.0000 = -4.0000"]}.
     */
    public List<String> explanation() {
        return explanation;
    }

    /** The name of the node this frame is about, or {@code null} for an overview frame. */
    public String focus() {
        return focus;
    }

    /** The frame's graph as DOT text (title and explanation drawn above the graph). */
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
