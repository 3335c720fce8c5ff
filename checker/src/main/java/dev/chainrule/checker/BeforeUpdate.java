package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7d: the weight before the update given as the updated one (w' = w). */
final class BeforeUpdate implements Mistake {
    @Override
    public String name() {
        return "value before the update";
    }

    @Override
    public List<Variant> variants(Network net) {
        if (net.learningRate() == null) {
            return List.of();
        }
        return List.of(new UpdateFormula(name(), net, (w, g, eta) -> w, (w, g, eta) -> 0,
                "{w} before the update (after it, {w}' = {w} − η·∂{E}/∂{w})"));
    }
}
