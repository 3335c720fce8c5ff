package dev.chainrule.checker;

/**
 * A variant for updated values and steps only, computed from the true w and ∂E/∂w by another
 * formula than w − η·∂E/∂w. Shared by the entries for the update's mistakes.
 */
final class UpdateFormula extends Variant {
    /** The formula: the weight, the gradient and η to the number written. */
    interface Formula {
        double apply(double w, double g, double eta);
    }

    private final Network net;
    private final Formula updated;
    private final Formula step;
    private final String explanation;

    /**
     * @param updated     what the student wrote for w' (null: not this mistake)
     * @param step        what the student wrote for Δw (null: not this mistake)
     * @param explanation the explanation, with {w} for the weight's name and {E} for the loss's
     */
    UpdateFormula(String mistake, Network net, Formula updated, Formula step, String explanation) {
        super(mistake);
        this.net = net;
        this.updated = updated;
        this.step = step;
        this.explanation = explanation;
    }

    @Override
    double value(Quantity q) {
        Formula f = q.kind() == Quantity.Kind.UPDATED ? updated : q.kind() == Quantity.Kind.STEP ? step : null;
        if (f == null) {
            return Double.NaN;
        }
        int w = net.index(q.node());
        World truth = net.truth();
        return f.apply(truth.leaves()[w], truth.gradient(net.output(), w), net.learningRate());
    }

    @Override
    String explain(Answer a) {
        return explanation.replace("{w}", a.quantity().node()).replace("{E}", net.outputName());
    }
}
