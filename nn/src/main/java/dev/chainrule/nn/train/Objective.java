package dev.chainrule.nn.train;

import dev.chainrule.engine.Node;
import dev.chainrule.nn.data.Dataset;

/**
 * What a {@link Trainer} minimises: the loss of a batch, built as a graph so that the trainer
 * can run backward on it.
 *
 * <pre>{@code
 * Objective objective = batch -> Losses.bceWithLogits(logitsOf(batch), batch.labels());
 * }</pre>
 */
@FunctionalInterface
public interface Objective {

    /**
     * The loss of {@code batch}.
     *
     * @param batch the examples (not modified)
     * @return a scalar {@code Value}, or a {@code Tensor} with one element
     */
    Node loss(Dataset batch);
}
