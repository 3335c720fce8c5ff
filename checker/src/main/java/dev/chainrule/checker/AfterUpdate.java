package dev.chainrule.checker;

import java.util.List;

/**
 * Catalogue entry 7f: a value or gradient taken after the update, where the one before it is asked
 * for. It names wrong answers only; it does not make a right one unclear.
 */
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

            @Override
            boolean makesUnclear() {
                // The update comes after these numbers in every worked example: at η = 0.001 the
                // material's own 4-digit forward pass would otherwise be unclear on every line.
                return false;
            }
        });
    }
}
