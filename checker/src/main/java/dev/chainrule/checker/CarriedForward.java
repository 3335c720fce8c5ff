package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalogue entry 9, and the reason a later line may be wrong only because an earlier one was:
 * the network recomputed with the student's own numbers carried forward. A value they wrote
 * replaces the node's value in the forward pass; a gradient ∂R/∂x they wrote replaces ∂R/∂x in
 * the backward pass from R (and, when R takes x directly, the local derivative on that edge);
 * an updated weight uses their own ∂E/∂w.
 *
 * <p>An answer that misses the true value but is what the student's own correctly rounded numbers
 * give is right with rounding; one that is what an earlier wrong number gives says so.
 */
final class CarriedForward {
    /**
     * Beyond this many of the student's numbers to carry forward, no line is explained by the
     * others: finding which ones explain a line recomputes the network once per number, so a
     * sheet of thousands of answers would take quadratic time. A worked example has tens.
     */
    static final int MAX_SOURCES = 200;

    /** The catalogue's name for this entry. */
    static final String NAME = "your own numbers carried forward (right with rounding)";
    private final Network net;
    private final List<Answer> answers;

    CarriedForward(Network net, List<Answer> answers) {
        this.net = net;
        this.answers = answers;
    }

    /**
     * Why the answer is what it is, from the student's other numbers.
     *
     * @param value   what those numbers give
     * @param sources the answers it follows from
     */
    record Explanation(double value, List<Answer> sources) {
        /** Whether every source is right at its own precision: then the answer is right with rounding. */
        boolean rounding(Network net) {
            for (Answer s : sources) {
                if (!s.number().matches(net.truth().of(s.quantity()))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The student's other numbers that explain {@code a}, or null when they do not. */
    Explanation explain(Answer a) {
        List<Answer> others = new ArrayList<>();
        for (Answer o : answers) {
            if (o != a && !o.quantity().equals(a.quantity()) && feedsForward(o)) {
                others.add(o);
            }
        }
        if (others.isEmpty() || others.size() > MAX_SOURCES) {
            return null;
        }
        double truth = net.truth().of(a.quantity());
        double all = of(world(others), a.quantity());
        if (!explains(a, all, truth)) {
            return null;
        }
        List<Answer> alone = new ArrayList<>();
        for (Answer o : others) {
            if (explains(a, of(world(List.of(o)), a.quantity()), truth)) {
                alone.add(o);
            }
        }
        if (!alone.isEmpty()) {
            return new Explanation(all, alone);
        }
        List<Answer> needed = new ArrayList<>();
        for (Answer o : others) {
            List<Answer> without = new ArrayList<>(others);
            without.remove(o);
            if (!explains(a, of(world(without), a.quantity()), truth)) {
                needed.add(o);
            }
        }
        return needed.isEmpty() ? null : new Explanation(all, needed);
    }

    /**
     * The student's number is near what their own numbers give, and clearly nearer to it than to
     * the truth (by a quarter of the tolerance, so that a number that barely moves it is no reason).
     */
    private static boolean explains(Answer a, double carried, double truth) {
        double written = a.number().value();
        return a.number().near(carried)
                && Math.abs(written - carried) < Math.abs(written - truth) - a.number().tolerance() / 4;
    }

    /** Whether an answer is a number later steps are computed from (values and gradients are). */
    private static boolean feedsForward(Answer o) {
        return o.quantity().kind() == Quantity.Kind.VALUE || o.quantity().kind() == Quantity.Kind.GRADIENT;
    }

    /** The network with the given answers in place of the true numbers. */
    World world(List<Answer> given) {
        Tape t = net.tape();
        double[] leaves = net.truth().leaves().clone();
        Map<Integer, Double> values = new HashMap<>();
        Map<Integer, Map<Integer, Double>> adjoints = new HashMap<>();
        Map<Long, Double> locals = new HashMap<>();
        for (Answer o : given) {
            Quantity q = o.quantity();
            int node = net.index(q.node());
            double v = o.number().value();
            if (q.kind() == Quantity.Kind.VALUE) {
                if (t.isLeaf(node)) {
                    leaves[node] = v;
                } else {
                    values.put(node, v);
                }
            } else if (q.kind() == Quantity.Kind.GRADIENT) {
                int root = net.index(q.of());
                adjoints.computeIfAbsent(root, r -> new HashMap<>()).put(node, v);
                int[] in = t.isLeaf(root) ? new int[0] : t.inputs(root);
                for (int k = 0; k < in.length; k++) {
                    if (in[k] == node) {
                        locals.put(Tape.edge(root, k), v);
                    }
                }
            }
        }
        return new World(net, leaves, values, BackwardRule.STANDARD, adjoints, locals);
    }

    /** What {@code q} is in a world of the student's numbers: updates use their own gradient. */
    private double of(World w, Quantity q) {
        return switch (q.kind()) {
            case VALUE, GRADIENT -> w.of(q);
            case UPDATED -> w.updated(net.index(q.node()));
            case STEP -> -net.learningRate() * w.usedGradient(net.output(), net.index(q.node()));
        };
    }
}
