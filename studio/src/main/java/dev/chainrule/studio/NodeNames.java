package dev.chainrule.studio;

import dev.chainrule.engine.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * The name the page shows for a node, in the student's own names: its label; for an unnamed op its
 * short expression ({@code w5·out_h1}, {@code σ(net_h1)}); for an unnamed constant its value.
 */
final class NodeNames {
    private static final int MAX = 24;

    private NodeNames() {
    }

    static String shown(Graph graph, Graph.Entry e) {
        if (e.label() != null) {
            return e.label();
        }
        if (e.opName() == null) {
            return constant(e.value());
        }
        List<String> operands = new ArrayList<>();
        for (int in : e.inputIds()) {
            Graph.Entry x = graph.nodes().get(in);
            operands.add(x.label() != null ? x.label() : x.opName() == null ? constant(x.value()) : "…");
        }
        String symbol = e.opSymbol() == null ? e.opName() : e.opSymbol();
        String expr;
        if (operands.size() == 2 && symbol.codePointCount(0, symbol.length()) == 1) {
            String op = symbol.equals("×") || symbol.equals("*") ? "·" : " " + symbol + " ";
            expr = operands.get(0) + op + operands.get(1);
        } else {
            expr = symbol + "(" + String.join(", ", operands) + ")";
        }
        return expr.length() <= MAX ? expr : symbol + "(…)";
    }

    private static String constant(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
