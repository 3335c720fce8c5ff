package dev.chainrule.checker;

/**
 * The numbers of a loss taken {@code factor} times too large: its value, every gradient of it and
 * the updates made with them. Shared by the entries for the ½ of ½(t − o)² and for mean versus sum.
 */
final class ScaledLoss extends Variant {
    private final Network net;
    private final double factor;
    private final String how;
    private final String advice;

    ScaledLoss(String mistake, Network net, double factor, String how, String advice) {
        super(mistake);
        this.net = net;
        this.factor = factor;
        this.how = how;
        this.advice = advice;
    }

    @Override
    double value(Quantity q) {
        World truth = net.truth();
        String output = net.outputName();
        return switch (q.kind()) {
            case VALUE -> q.node().equals(output) ? factor * truth.of(q) : Double.NaN;
            case GRADIENT -> q.of().equals(output) ? factor * truth.of(q) : Double.NaN;
            case UPDATED -> {
                int w = net.index(q.node());
                yield truth.leaves()[w] - net.learningRate() * factor * truth.gradient(net.output(), w);
            }
            case STEP -> -net.learningRate() * factor * truth.gradient(net.output(), net.index(q.node()));
        };
    }

    @Override
    String explain(Answer a) {
        return a.subject() + " computed " + how + " (" + advice + ")";
    }
}
