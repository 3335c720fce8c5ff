package dev.chainrule.nn.train;

/** Called by the {@link Trainer} after every epoch, for logging or plotting. */
@FunctionalInterface
public interface TrainingCallback {

    /**
     * Receives the epoch's record.
     *
     * @param record what the epoch measured
     */
    void afterEpoch(EpochRecord record);
}
