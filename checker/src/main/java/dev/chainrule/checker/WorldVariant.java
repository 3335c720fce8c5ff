package dev.chainrule.checker;

/**
 * A variant whose numbers come from recomputing the network with a mistake made: every answer
 * takes its number from that {@link World}.
 */
class WorldVariant extends Variant {
    private final World world;
    private final String how;
    private final String advice;

    /**
     * @param mistake the catalogue entry's name
     * @param world   the network recomputed with the mistake
     * @param how     how it was computed, completing "dE/dw1 computed …"
     * @param advice  what to do instead
     */
    WorldVariant(String mistake, World world, String how, String advice) {
        super(mistake);
        this.world = world;
        this.how = how;
        this.advice = advice;
    }

    World world() {
        return world;
    }

    @Override
    double value(Quantity q) {
        return world.of(q);
    }

    @Override
    String explain(Answer a) {
        return a.subject() + " computed " + how + " (" + advice + ")";
    }
}
