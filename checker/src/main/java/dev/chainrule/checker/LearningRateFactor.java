package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7e: a gradient given times η or divided by it. */
final class LearningRateFactor implements Mistake {
    @Override
    public String name() {
        return "gradient off by a factor of η";
    }

    @Override
    public List<Variant> variants(Network net) {
        Double eta = net.learningRate();
        if (eta == null || eta == 1 || eta == 0) {
            return List.of();
        }
        String rate = Decimal.human(eta, 10);
        return List.of(scaled(net, eta, "η·(the gradient), with η = " + rate + ": off by a factor of the learning rate"),
                scaled(net, 1 / eta, "(the gradient)/η, with η = " + rate + ": off by a factor of the learning rate"));
    }

    private Variant scaled(Network net, double factor, String what) {
        return new Variant(name()) {
            @Override
            double value(Quantity q) {
                return q.kind() == Quantity.Kind.GRADIENT ? factor * net.truth().of(q) : Double.NaN;
            }

            @Override
            String explain(Answer a) {
                return a.subject() + " as " + what;
            }
        };
    }
}
