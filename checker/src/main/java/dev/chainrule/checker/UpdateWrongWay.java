package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7a: the update written w + η·∂E/∂w, uphill. */
final class UpdateWrongWay implements Mistake {
    @Override
    public String name() {
        return "update the wrong way (w + η·g)";
    }

    @Override
    public List<Variant> variants(Network net) {
        if (net.learningRate() == null) {
            return List.of();
        }
        return List.of(new UpdateFormula(name(), net, (w, g, eta) -> w + eta * g, (w, g, eta) -> eta * g,
                "{w} + η·∂{E}/∂{w}: the update went the wrong way (subtract: {w}' = {w} − η·∂{E}/∂{w})"));
    }
}
