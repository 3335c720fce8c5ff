package dev.chainrule.nn.train;

import java.util.List;

/**
 * The record of a training run: one {@link EpochRecord} per epoch, and why it stopped.
 *
 * @param epochs the epochs in order
 * @param stopReason why training stopped
 * @param stopMessage the same in words, with the numbers that decided it
 */
public record TrainingHistory(List<EpochRecord> epochs, StopReason stopReason, String stopMessage) {

    /**
     * Makes an unmodifiable copy of the list.
     *
     * @param epochs how many passes over the training data
     * @param stopReason the stop reason
     * @param stopMessage the stop message
     */
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** {@return the last epoch's record} */
    public EpochRecord last() {
        return epochs.get(epochs.size() - 1);
    }

    /** {@return the training loss of each epoch} */
    public double[] trainLosses() {
        return epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray();
    }

    /** {@return the held-out loss of each epoch (empty if there was no held-out set)} */
    public double[] validationLosses() {
        return epochs.stream().filter(e -> e.validationLoss().isPresent())
                .mapToDouble(e -> e.validationLoss().getAsDouble()).toArray();
    }

    /** {@return the training accuracy of each epoch (empty if there was no classifier)} */
    public double[] trainAccuracies() {
        return epochs.stream().filter(e -> e.trainAccuracy().isPresent())
                .mapToDouble(e -> e.trainAccuracy().getAsDouble()).toArray();
    }
}
