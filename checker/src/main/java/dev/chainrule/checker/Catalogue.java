package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of mistakes, in the order a diagnosis prefers them when one answer matches
 * several: the update's slips first (they are certain), then the backward pass's, then the loss's,
 * then a number that is another node's.
 */
final class Catalogue {
    static final List<Mistake> MISTAKES = List.of(
            new BeforeUpdate(),
            new UpdateWrongWay(),
            new UpdateWithoutRate(),
            new StepForNewWeight(),
            new ActivationDerivativeLeftOut(),
            new DerivativeAtNetInput(),
            new UpdatedWeightsInBackprop(),
            new PathLeftOut(),
            new ErrorSignFlipped(),
            new HalfOfSquareDropped(),
            new MeanInsteadOfSum(),
            new LearningRateFactor(),
            new AfterUpdate(),
            new ParametersSwapped(),
            new OtherNode());

    private Catalogue() {
    }

    /** Every variant of every mistake on {@code net}, in catalogue order. */
    static List<Variant> variants(Network net) {
        List<Variant> out = new ArrayList<>();
        for (Mistake m : MISTAKES) {
            out.addAll(m.variants(net));
        }
        return out;
    }
}
