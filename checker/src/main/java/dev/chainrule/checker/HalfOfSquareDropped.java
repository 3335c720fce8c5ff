package dev.chainrule.checker;

import java.util.List;

/**
 * Catalogue entry 4a: the ½ of E = ½(target − output)² dropped, which doubles E and every
 * gradient, or a ½ added that the loss does not have, which halves them.
 */
final class HalfOfSquareDropped implements Mistake {
    @Override
    public String name() {
        return "½ of ½(t − o)² dropped or added";
    }

    @Override
    public List<Variant> variants(Network net) {
        String e = net.outputName();
        return List.of(
                new ScaledLoss(name(), net, 2, "with the ½ of ½(target − output)² dropped: twice the true value",
                        "the 2 of the square's derivative cancels the ½: ∂" + e + "/∂out = −(target − out)"),
                new ScaledLoss(name(), net, 0.5, "with a ½ too many: half the true value",
                        "the 2 of the square's derivative cancels the ½, and only that ½"));
    }
}
