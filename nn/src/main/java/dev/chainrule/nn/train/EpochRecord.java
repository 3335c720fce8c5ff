package dev.chainrule.nn.train;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What one epoch measured.
 *
 * @param epoch the epoch number, from 1
 * @param trainLoss the mean batch loss over the epoch (each batch weighted by its size)
 * @param trainAccuracy accuracy on the training set after the epoch, if a classifier was given
 * @param validationLoss loss on the held-out set after the epoch, if one was given
 * @param validationAccuracy accuracy on the held-out set, if both a classifier and a held-out set were given
 * @param gradNorm the gradient norm of the epoch's last batch, before its update
 * @param learningRate the learning rate of the epoch's last update
 */
public record EpochRecord(int epoch, double trainLoss, OptionalDouble trainAccuracy,
        OptionalDouble validationLoss, OptionalDouble validationAccuracy, double gradNorm,
        double learningRate) {

    /** For example {@code epoch 3: loss 0.2114, accuracy 0.9560, val loss 0.2301, |g| 0.0312}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("epoch ").append(epoch).append(": loss ")
                .append(String.format(Locale.ROOT, "%.6g", trainLoss));
        trainAccuracy.ifPresent(a -> s.append(String.format(Locale.ROOT, ", accuracy %.4f", a)));
        validationLoss.ifPresent(l -> s.append(String.format(Locale.ROOT, ", val loss %.6g", l)));
        validationAccuracy.ifPresent(a -> s.append(String.format(Locale.ROOT, ", val accuracy %.4f", a)));
        return s.append(String.format(Locale.ROOT, ", |g| %.4g", gradNorm)).toString();
    }
}
