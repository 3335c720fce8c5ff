package dev.chainrule.nn.loss;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loss functions on scalar {@link Value}s and on {@link Tensor}s; each returns one node (a Value,
 * or a tensor of shape []) to call {@code backward()} on.
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
     * @return mean squared error, (1/n)·Σ (p_i − t_i)²
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
     * @param predictions the predictions
     * @param targets the targets
     * @return half the sum of squared errors, Σ ½·(t_i − p_i)², the form used in the course material
     *     (E_total of the 2-2-2 network)
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
     * @return binary cross-entropy from probabilities, −(1/n)·Σ [t·log p + (1 − t)·log(1 − p)]
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
     * @param logits the scores before the sigmoid or softmax
     * @param targets the targets
     * @return binary cross-entropy from logits z (before the sigmoid), in the stable form (1/n)·Σ
     *     [softplus(z) − t·z], which is finite for any finite z
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
     * @return softmax cross-entropy of one example: log Σ_j e^{z_j} − z_label, computed with the largest
     *     logit subtracted first so it never overflows
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
     * @return the mean softmax cross-entropy over a batch
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
     * @return mean hinge (max-margin) loss, (Σ_i relu(1 − y_i·s_i))·(1/n), micrograd's demo loss, built in
     *     micrograd's order so the bits match
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
     * @return L2 regularisation, λ·Σ p², over {@code parameters} in order
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

    // ---------------------------------------------------------------- tensors

    /**
     * Mean squared error over all elements, mean((p − t)²).
     *
     * @param predictions any shape (not modified)
     * @param targets the same shape (not modified)
     * @return mean squared error over all elements, mean((p − t)²)
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor mse(Tensor predictions, Tensor targets) {
        sameShape("mse", predictions, targets);
        return predictions.sub(targets).square().mean();
    }

    /**
     * Half the sum of squared errors, ½·Σ (t − p)².
     *
     * @param predictions the predictions
     * @param targets the targets
     * @return half the sum of squared errors, ½·Σ (t − p)²
     * @throws IllegalArgumentException if the shapes differ
     */
    public static Tensor halfSse(Tensor predictions, Tensor targets) {
        sameShape("halfSse", predictions, targets);
        return targets.sub(predictions).square().sum().mul(0.5);
    }

    /**
     * Mean binary cross-entropy from probabilities. When every target is exactly 0 or 1 it is
     * −mean(log p_true) with p_true = p for t = 1 and 1 − p for t = 0, so a confident correct
     * prediction (p exactly 1 for t = 1) gives 0, not NaN; otherwise the general
     * −mean(t·log p + (1 − t)·log(1 − p)).
     *
     * @param probabilities the probabilities
     * @param targets the targets
     * @return mean binary cross-entropy from probabilities
     * @throws IllegalArgumentException if the shapes differ or a target is outside [0, 1]
     */
    public static Tensor bce(Tensor probabilities, Tensor targets) {
        sameShape("bce", probabilities, targets);
        boolean hard = true;
        double[] t = targets.dataArray();
        for (int i = 0; i < t.length; i++) {
            target01("bce", t, i);
            hard &= t[i] == 0 || t[i] == 1;
        }
        Tensor notT = targets.rsub(1);
        if (hard) {
            return targets.mul(probabilities).add(notT.mul(probabilities.rsub(1))).log().mean().neg();
        }
        return targets.mul(probabilities.log()).add(notT.mul(probabilities.rsub(1).log())).mean().neg();
    }

    /**
     * Mean binary cross-entropy from logits, mean(softplus(z) − t·z): finite for any finite z.
     *
     * @param logits the scores before the sigmoid or softmax
     * @param targets the targets
     * @return mean binary cross-entropy from logits, mean(softplus(z) − t·z): finite for any finite z
     * @throws IllegalArgumentException if the shapes differ or a target is outside [0, 1]
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        sameShape("bceWithLogits", logits, targets);
        double[] t = targets.dataArray();
        for (int i = 0; i < t.length; i++) {
            target01("bceWithLogits", t, i);
        }
        return logits.softplus().sub(targets.mul(logits)).mean();
    }

    /**
     * Mean softmax cross-entropy of a batch, −mean(logSoftmax(z)[i, label_i]), stable for large
     * logits.
     *
     * @param logits [batch, classes] (not modified)
     * @param labels one class per row, 0-based (not modified)
     * @return mean softmax cross-entropy of a batch, −mean(logSoftmax(z)[i, label_i]), stable for large
     *     logits
     * @throws IllegalArgumentException if the shape is not [batch, classes], the label count
     *     differs from the batch, or a label is out of range
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("softmaxCrossEntropy: logits must be [batch, classes], got "
                    + Arrays.toString(logits.shape()));
        }
        if (logits.shape(0) != labels.length) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + logits.shape(0) + " rows of logits but "
                    + labels.length + " labels");
        }
        int classes = logits.shape(1);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("softmaxCrossEntropy: label " + i + " is " + labels[i]
                        + ", outside 0.." + (classes - 1));
            }
        }
        return logits.logSoftmax(1).gather(1, labels).mean().neg();
    }

    /**
     * Mean hinge loss, (Σ relu(1 − y·s))·(1/n), as {@link #hinge(List, double[])}.
     *
     * @param scores any shape (not modified)
     * @param labels the same shape, each −1 or +1 (not modified)
     * @return mean hinge loss, (Σ relu(1 − y·s))·(1/n), as {@link #hinge(List, double[])}
     * @throws IllegalArgumentException if the shapes differ or a label is not ±1
     */
    public static Tensor hinge(Tensor scores, Tensor labels) {
        sameShape("hinge", scores, labels);
        double[] y = labels.dataArray();
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1 && y[i] != -1) {
                throw new IllegalArgumentException("hinge: label " + i + " is " + y[i] + "; labels must be -1 or +1");
            }
        }
        return scores.mul(labels).rsub(1).relu().sum().mul(1.0 / y.length);
    }

    /**
     * L2 regularisation over tensors, λ·Σ_p Σ p², parameter by parameter in order.
     *
     * @param parameters the parameters to update
     * @param lambda the weight of the penalty
     * @return L2 regularisation over tensors, λ·Σ_p Σ p², parameter by parameter in order
     * @throws IllegalArgumentException if λ is negative or NaN, or there are no parameters
     */
    public static Tensor tensorL2(List<Tensor> parameters, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("l2: lambda must be >= 0, got " + lambda);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("l2: no parameters");
        }
        Tensor sum = null;
        for (Tensor p : parameters) {
            Tensor sq = p.square().sum();
            sum = sum == null ? sq : sum.add(sq);
        }
        return sum.mul(lambda);
    }

    private static void sameShape(String loss, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(loss + ": predictions " + Arrays.toString(a.shape())
                    + " and targets " + Arrays.toString(b.shape()) + " differ in shape");
        }
        if (a.size() == 0) {
            throw new IllegalArgumentException(loss + ": no predictions");
        }
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
        // Shared by the scalar and tensor forms so both reject the same targets with the same words.
        double t = targets[i];
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(loss + ": target " + i + " is " + t + "; targets must be in [0, 1]");
        }
        return t;
    }
}
