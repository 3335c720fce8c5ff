package dev.chainrule.nn.train;

import dev.chainrule.nn.data.Dataset;

/** Predicts a class per example; the {@link Trainer} uses it to record accuracy. */
@FunctionalInterface
public interface Classifier {

    /**
     * The predicted class of each example of {@code data}, in order.
     *
     * @param data the examples (not modified)
     * @return the predicted class of each example of {@code data}, in order
     */
    int[] predict(Dataset data);
}
