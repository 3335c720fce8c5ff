package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7c: the step η·∂E/∂w (or the gradient) written where the new weight belongs. */
final class StepForNewWeight implements Mistake {
    @Override
    public String name() {
        return "step or gradient given as the new weight";
    }

    @Override
    public List<Variant> variants(Network net) {
        if (net.learningRate() == null) {
            return List.of();
        }
        return List.of(
                new UpdateFormula(name(), net, (w, g, eta) -> eta * g, null,
                        "η·∂{E}/∂{w}, the step, not the new weight ({w}' = {w} − η·∂{E}/∂{w})"),
                new UpdateFormula(name(), net, (w, g, eta) -> -eta * g, null,
                        "−η·∂{E}/∂{w}, the step, not the new weight ({w}' = {w} − η·∂{E}/∂{w})"),
                new UpdateFormula(name(), net, (w, g, eta) -> g, null,
                        "∂{E}/∂{w}, the gradient, not the new weight ({w}' = {w} − η·∂{E}/∂{w})"));
    }
}
