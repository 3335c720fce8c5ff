package dev.chainrule.checker;

import java.util.List;

/** Catalogue entry 7f: a value or gradient taken after the update, where the one before it is asked for. */
final class AfterUpdate implements Mistake {
    @Override
    public String name() {
        return "value after the update";
    }

    @Override
    public List<Variant> variants(Network net) {
        World after = net.after();
        if (after == null) {
            return List.of();
        }
        return List.of(new Variant(name()) {
            @Override
            double value(Quantity q) {
                return q.kind() == Quantity.Kind.VALUE || q.kind() == Quantity.Kind.GRADIENT ? after.of(q) : Double.NaN;
            }

            @Override
            String explain(Answer a) {
                return a.subject() + " after the update (use the values from before it)";
            }
        });
    }
}
