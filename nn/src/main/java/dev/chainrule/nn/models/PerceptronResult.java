package dev.chainrule.nn.models;

import java.util.List;

/**
 * The outcome of {@link Perceptron#train}: whether it converged, and how the mistakes went.
 * Non-convergence (as on XOR) is a result, not an error.
 *
 * @param converged whether an epoch passed with no mistake
 * @param epochs the epochs run (the converging epoch included)
 * @param mistakesPerEpoch the number of misclassified examples in each epoch
 * @param message a sentence saying what happened
 */
public record PerceptronResult(boolean converged, int epochs, List<Integer> mistakesPerEpoch, String message) {

    /**
     * Makes an unmodifiable copy of the list.
     *
     * @param converged the converged
     * @param epochs how many passes over the training data
     * @param mistakesPerEpoch the mistakes per epoch
     * @param message what happened, in words
     */
    public PerceptronResult {
        mistakesPerEpoch = List.copyOf(mistakesPerEpoch);
    }

    /** The message. */
    @Override
    public String toString() {
        return message;
    }
}
