package dev.chainrule.checker;

import java.util.HashMap;
import java.util.Map;

/**
 * Every number of one network under one set of assumptions: the truth, the truth with a mistake
 * made on purpose, or the student's own numbers carried forward. Gradients are computed per
 * differentiated node when first asked for.
 */
final class World {
    private final Network net;
    private final double[] leaves;
    private final double[] values;
    private final double[] computed;
    private final BackwardRule rule;
    /** ∂root/∂node given by the student, by root, then node. */
    private final Map<Integer, Map<Integer, Double>> adjoints;
    private final Map<Long, Double> locals;
    private final Map<Integer, double[][]> passes = new HashMap<>();

    World(Network net, double[] leaves, Map<Integer, Double> valueOverrides, BackwardRule rule,
          Map<Integer, Map<Integer, Double>> adjoints, Map<Long, Double> locals) {
        this.net = net;
        this.leaves = leaves;
        this.rule = rule;
        this.adjoints = adjoints;
        this.locals = locals;
        this.computed = new double[leaves.length];
        this.values = net.tape().forward(leaves, valueOverrides, computed);
    }

    /** The truth, or a mistake made in the backward pass only. */
    static World of(Network net, double[] leaves, BackwardRule rule) {
        return new World(net, leaves, Map.of(), rule, Map.of(), Map.of());
    }

    double[] leaves() {
        return leaves;
    }

    /** The node's value as computed from its inputs. */
    double value(int node) {
        return computed[node];
    }

    /** ∂root/∂node as computed (before any number the student gave for it). */
    double gradient(int root, int node) {
        return pass(root)[0][node];
    }

    /** ∂root/∂node as used further on: the student's number when they gave one. */
    double usedGradient(int root, int node) {
        return pass(root)[1][node];
    }

    private double[][] pass(int root) {
        return passes.computeIfAbsent(root, r -> {
            double[] c = new double[leaves.length];
            double[] used = net.tape().backward(r, values, rule, adjoints.getOrDefault(r, Map.of()), locals, c);
            return new double[][] {c, used};
        });
    }

    /** w − η·∂output/∂w for a parameter, with the gradient as used. */
    double updated(int param) {
        return leaves[param] - net.learningRate() * usedGradient(net.output(), param);
    }

    /** The number {@code q} stands for in this world. */
    double of(Quantity q) {
        int node = net.index(q.node());
        return switch (q.kind()) {
            case VALUE -> value(node);
            case GRADIENT -> gradient(net.index(q.of()), node);
            case UPDATED -> leaves[node] - net.learningRate() * gradient(net.output(), node);
            case STEP -> -net.learningRate() * gradient(net.output(), node);
        };
    }

    /** The leaves after one gradient-descent step on every parameter. */
    double[] updatedLeaves() {
        double[] next = leaves.clone();
        for (int p : net.parameterIndices()) {
            next[p] = updated(p);
        }
        return next;
    }
}
