package dev.chainrule.nn.loss;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loss functions on scalar {@link Value}s; each returns one Value to call {@code backward()} on.
 *
 * <pre>{@code
 * Value loss = Losses.hinge(scores, labels).add(Losses.l2(model.parameters(), 1e-4));
 * loss.backward();
 * }</pre>
 *
 * <p>Sums are single Σ nodes that add left to right, so a loss written the same way elsewhere
 * (micrograd, a textbook) gives the same float64 bits.
 */
public final class Losses {
    private Losses() {
    }

    /**
     * Mean squared error, (1/n)·Σ (p_i − t_i)².
     *
     * @param predictions the model's outputs (not modified)
     * @param targets one target per prediction (not modified)
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static Value mse(List<Value> predictions, double[] targets) {
        check("mse", predictions, targets.length);
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            terms.add(predictions.get(i).sub(targets[i]).pow(2));
        }
        return Value.sum(terms).div(targets.length);
    }

    /**
     * Half the sum of squared errors, Σ ½·(t_i − p_i)², the form used in the course material
     * (E_total of the 2-2-2 network). Each term is its own node, so tables show E_o1, E_o2.
     *
     * @throws IllegalArgumentException if the lengths differ or are 0
     */
    public static Value halfSse(List<Value> predictions, double[] targets) {
        check("halfSse", predictions, targets.length);
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            terms.add(predictions.get(i).rsub(targets[i]).pow(2).mul(0.5));
        }
        return Value.sum(terms);
    }

    /**
     * Binary cross-entropy from probabilities, −(1/n)·Σ [t·log p + (1 − t)·log(1 − p)]. A target
     * of exactly 0 or 1 drops the term that would multiply by 0. A probability of exactly 0 or 1
     * on the wrong side gives an infinite loss; use {@link #bceWithLogits} to avoid that.
     *
     * @param probabilities values in [0, 1], such as sigmoid outputs (not modified)
     * @param targets values in [0, 1] (not modified)
     * @throws IllegalArgumentException if the lengths differ or a target is outside [0, 1]
     */
    public static Value bce(List<Value> probabilities, double[] targets) {
        check("bce", probabilities, targets.length);
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            double t = target01("bce", targets, i);
            Value p = probabilities.get(i);
            Value term;
            if (t == 1) {
                term = p.log();
            } else if (t == 0) {
                term = p.rsub(1).log();
            } else {
                term = p.log().mul(t).add(p.rsub(1).log().mul(1 - t));
            }
            terms.add(term);
        }
        return Value.sum(terms).div(-targets.length);
    }

    /**
     * Binary cross-entropy from logits z (before the sigmoid), in the stable form
     * (1/n)·Σ [softplus(z) − t·z], which is finite for any finite z.
     *
     * @throws IllegalArgumentException if the lengths differ or a target is outside [0, 1]
     */
    public static Value bceWithLogits(List<Value> logits, double[] targets) {
        check("bceWithLogits", logits, targets.length);
        List<Value> terms = new ArrayList<>(targets.length);
        for (int i = 0; i < targets.length; i++) {
            double t = target01("bceWithLogits", targets, i);
            Value z = logits.get(i);
            terms.add(t == 0 ? z.softplus() : z.softplus().sub(z.mul(t)));
        }
        return Value.sum(terms).div(targets.length);
    }

    /**
     * Softmax cross-entropy of one example: log Σ_j e^{z_j} − z_label, computed with the largest
     * logit subtracted first so it never overflows.
     *
     * @param logits one score per class (not modified)
     * @param label the true class, 0-based
     * @throws IllegalArgumentException if the label is out of range
     */
    public static Value softmaxCrossEntropy(List<Value> logits, int label) {
        Objects.requireNonNull(logits, "logits");
        if (logits.isEmpty()) {
            throw new IllegalArgumentException("softmaxCrossEntropy: no logits");
        }
        if (label < 0 || label >= logits.size()) {
            throw new IllegalArgumentException("softmaxCrossEntropy: label " + label
                    + " is outside 0.." + (logits.size() - 1));
        }
        double max = Double.NEGATIVE_INFINITY;
        for (Value z : logits) {
            max = Math.max(max, z.data());
        }
        List<Value> exps = new ArrayList<>(logits.size());
        for (Value z : logits) {
            exps.add(z.sub(max).exp());
        }
        Value logSumExp = Value.sum(exps).log().add(max);
        return logSumExp.sub(logits.get(label));
    }

    /**
     * The mean softmax cross-entropy over a batch.
     *
     * @param logits one list of class scores per example (not modified)
     * @param labels one class per example (not modified)
     * @throws IllegalArgumentException if the counts differ, or a label is out of range
     */
    public static Value softmaxCrossEntropy(List<List<Value>> logits, int[] labels) {
        if (logits.size() != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + logits.size()
                    + " examples but " + labels.length + " labels");
        }
        List<Value> terms = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            terms.add(softmaxCrossEntropy(logits.get(i), labels[i]));
        }
        return Value.sum(terms).div(labels.length);
    }

    /**
     * Mean hinge (max-margin) loss, (Σ_i relu(1 − y_i·s_i))·(1/n), micrograd's demo loss, built
     * in micrograd's order so the bits match.
     *
     * @param scores the model's raw scores (not modified)
     * @param labels −1 or +1 per score (not modified)
     * @throws IllegalArgumentException if the lengths differ or a label is not ±1
     */
    public static Value hinge(List<Value> scores, double[] labels) {
        check("hinge", scores, labels.length);
        List<Value> terms = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            double y = labels[i];
            if (y != 1 && y != -1) {
                throw new IllegalArgumentException("hinge: label " + i + " is " + y + "; labels must be -1 or +1");
            }
            terms.add(scores.get(i).mul(y).rsub(1).relu());
        }
        return Value.sum(terms).mul(1.0 / labels.length);
    }

    /**
     * L2 regularisation, λ·Σ p², over {@code parameters} in order.
     *
     * @param parameters the parameters to penalise (not modified)
     * @param lambda the strength, at least 0
     * @throws IllegalArgumentException if λ is negative or NaN, or there are no parameters
     */
    public static Value l2(List<Value> parameters, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("l2: lambda must be >= 0, got " + lambda);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("l2: no parameters");
        }
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            squares.add(p.mul(p));
        }
        return Value.sum(squares).mul(lambda);
    }

    private static void check(String loss, List<Value> predictions, int targets) {
        Objects.requireNonNull(predictions, "predictions");
        if (predictions.size() != targets) {
            throw new IllegalArgumentException(loss + ": " + predictions.size() + " predictions but "
                    + targets + " targets");
        }
        if (targets == 0) {
            throw new IllegalArgumentException(loss + ": no predictions");
        }
    }

    private static double target01(String loss, double[] targets, int i) {
        double t = targets[i];
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(loss + ": target " + i + " is " + t + "; targets must be in [0, 1]");
        }
        return t;
    }
}
