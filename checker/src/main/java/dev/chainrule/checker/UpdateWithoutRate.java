package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7b: the update written without the learning rate, w − ∂E/∂w. */
final class UpdateWithoutRate implements Mistake {
    @Override
    public String name() {
        return "update without η (w − g)";
    }

    @Override
    public List<Variant> variants(Network net) {
        if (net.learningRate() == null || net.learningRate() == 1) {
            return List.of();
        }
        return List.of(new UpdateFormula(name(), net, (w, g, eta) -> w - g, (w, g, eta) -> -g,
                "{w} − ∂{E}/∂{w}: the learning rate is missing ({w}' = {w} − η·∂{E}/∂{w})"));
    }
}
