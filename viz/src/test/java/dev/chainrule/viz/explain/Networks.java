package dev.chainrule.viz.explain;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import java.util.Map;

/** The course material's networks, written as the material names them. */
final class Networks {
    private Networks() {
    }

    /** Matt Mazur's 2-2-2 network (Tutorial 6, material 003): E_total = E_o1 + E_o2, biases b1, b2. */
    static final String MAZUR = """
            i1 = 0.05; i2 = 0.10
            param w1 = 0.15; param w2 = 0.20; param w3 = 0.25; param w4 = 0.30
            b1 = 0.35
            param w5 = 0.40; param w6 = 0.45; param w7 = 0.50; param w8 = 0.55
            b2 = 0.60
            net_h1 = w1*i1 + w2*i2 + b1
            out_h1 = sigmoid(net_h1)
            net_h2 = w3*i1 + w4*i2 + b1
            out_h2 = sigmoid(net_h2)
            net_o1 = w5*out_h1 + w6*out_h2 + b2
            out_o1 = sigmoid(net_o1)
            net_o2 = w7*out_h1 + w8*out_h2 + b2
            out_o2 = sigmoid(net_o2)
            E_o1 = 0.5·(0.01 − out_o1)²
            E_o2 = 0.5·(0.99 − out_o2)²
            E_total = E_o1 + E_o2
            """;

    /** Module 11's 2-2-2 network without biases (material 000), targets t1, t2 named. */
    static final String MODULE11 = """
            i1 = 0.1; i2 = 0.5
            t1 = 0.05; t2 = 0.95
            param w1 = 0.8; param w2 = 0.4; param w3 = 0.3; param w4 = 0.2
            param w5 = 0.6; param w6 = 0.9; param w7 = 0.8; param w8 = 0.1
            net_h1 = w1*i1 + w2*i2
            out_h1 = sigmoid(net_h1)
            net_h2 = w3*i1 + w4*i2
            out_h2 = sigmoid(net_h2)
            net_o1 = w5*out_h1 + w6*out_h2
            out_o1 = sigmoid(net_o1)
            net_o2 = w7*out_h1 + w8*out_h2
            out_o2 = sigmoid(net_o2)
            E1 = 0.5*(t1 - out_o1)^2
            E2 = 0.5*(t2 - out_o2)^2
            E_total = E1 + E2
            """;

    static Value output(String program) {
        return Program.parse(program).evaluate(Map.of()).output();
    }
}
