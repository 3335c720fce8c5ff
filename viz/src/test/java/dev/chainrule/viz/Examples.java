package dev.chainrule.viz;

import dev.chainrule.engine.Value;

/** Graphs the tests draw. */
final class Examples {
    private Examples() {
    }

    /** f = (x + y)·z at x = −2, y = 5, z = −4, with q = x + y, after backward. */
    static Value chainRule() {
        Value x = Value.of(-2, "x");
        Value y = Value.of(5, "y");
        Value z = Value.of(-4, "z");
        Value q = x.add(y).label("q");
        Value f = q.mul(z).label("f");
        f.backward();
        return f;
    }

    /** A 2-input sigmoid neuron, o = σ(x1·w1 + x2·w2 + b), after backward. */
    static Value neuron() {
        Value x1 = Value.of(2, "x1");
        Value x2 = Value.of(0, "x2");
        Value w1 = Value.of(-3, "w1");
        Value w2 = Value.of(1, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value x1w1 = x1.mul(w1).label("x1w1");
        Value x2w2 = x2.mul(w2).label("x2w2");
        Value n = x1w1.add(x2w2).add(b).label("n");
        Value o = n.tanh().label("o");
        o.backward();
        return o;
    }
}
