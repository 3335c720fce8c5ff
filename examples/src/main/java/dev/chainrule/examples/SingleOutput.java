package dev.chainrule.examples;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.MLP;
import dev.chainrule.nn.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/** Glue for scalar MLPs with one output unit, applied to every row of a data set. */
final class SingleOutput {

    private SingleOutput() {
    }

    /** The output node for each row of {@code data}, in order. */
    static List<Value> of(MLP model, Dataset data) {
        List<Value> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            out.add(model.forward(data.features(i)).get(0));
        }
        return out;
    }
}
