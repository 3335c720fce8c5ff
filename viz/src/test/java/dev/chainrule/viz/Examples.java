package dev.chainrule.viz;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import java.util.Map;

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

    /** Matt Mazur's 2-2-2 network as the CLI's test program writes it: one forward and backward pass, output E. */
    static Value mazur() {
        Value e = Program.parse(MAZUR).evaluate(Map.of()).output();
        e.backward();
        return e;
    }

    static final String MAZUR = """
            i1 = 0.05; i2 = 0.10
            w1 = 0.15; w2 = 0.20; w3 = 0.25; w4 = 0.30; b1 = 0.35
            w5 = 0.40; w6 = 0.45; w7 = 0.50; w8 = 0.55; b2 = 0.60
            net_h1 = w1*i1 + w2*i2 + b1
            out_h1 = sigmoid(net_h1)
            net_h2 = w3*i1 + w4*i2 + b1
            out_h2 = sigmoid(net_h2)
            net_o1 = w5*out_h1 + w6*out_h2 + b2
            out_o1 = sigmoid(net_o1)
            net_o2 = w7*out_h1 + w8*out_h2 + b2
            out_o2 = sigmoid(net_o2)
            E_o1 = 0.5·(0.01 − out_o1)^2
            E_o2 = 0.5*(0.99 - out_o2)^2
            E = E_o1 + E_o2
            """;
}
