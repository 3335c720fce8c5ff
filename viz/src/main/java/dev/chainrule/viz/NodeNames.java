package dev.chainrule.viz;

import dev.chainrule.engine.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * What pictures and slides call a node: the label the user wrote; for a number written in the
 * program, that number; for an unnamed intermediate, its expression ({@code w1·i1},
 * {@code σ(net)}, {@code w1·i1 + w2·i2}) when it is short enough, else nothing. Never an invented
 * name such as {@code n6}.
 */
public final class NodeNames {
    private NodeNames() {
    }

    /**
     * The name of {@code e} for a place that must show something: its label, its value if it is a
     * number written in the program, its expression with nested operands if that fits in
     * {@code maxChars} characters ({@code w1·i1 + w2·i2}), else its op with an ellipsis
     * ({@code σ(…)}). For lists and panels (the studio's node table); pictures leave a long
     * expression blank instead.
     *
     * @param graph    the graph {@code e} belongs to
     * @param e        the node
     * @param maxChars the longest expression shown, in characters
     * @return the name to show, never empty for an op or a scalar
     */
    public static String shown(Graph graph, Graph.Entry e, int maxChars) {
        String s = nested(graph, e, maxChars);
        if (!s.isEmpty() || e.opName() == null) {
            return s;
        }
        return (e.opSymbol() == null ? e.opName() : e.opSymbol()) + "(…)";
    }

    /** Whether {@code e} is a number written in the program: a scalar input the user did not name. */
    static boolean isConstant(Graph.Entry e) {
        return e.opName() == null && e.label() == null && e.isScalar();
    }

    /**
     * The name of {@code e}, or its expression in at most {@code maxChars} characters, or ""
     * when the expression is longer (or the node is an unnamed tensor input). The expression's
     * operands are names and numbers ({@code w1·i1}, {@code b1·1}): a picture's record stays narrow.
     */
    static String of(Graph graph, Graph.Entry e, int maxChars) {
        String s = expression(graph, e, maxChars, false);
        return s == null ? "" : s;
    }

    /**
     * {@link #of}, where operands may be expressions themselves ({@code w1·i1 + w2·i2},
     * {@code (0.01 + −(out_o1))^2}): for a slide's text, which has room for them.
     */
    static String nested(Graph graph, Graph.Entry e, int maxChars) {
        String s = expression(graph, e, maxChars, true);
        return s == null ? "" : s;
    }

    /**
     * {@link #of}, in parentheses when it is an expression made of several parts, so that it can
     * follow ∂: {@code ∂E/∂(w1·i1)}, {@code ∂E/∂w5}.
     */
    static String inDerivative(Graph graph, Graph.Entry e, int maxChars, boolean nested) {
        String s = nested ? nested(graph, e, maxChars) : of(graph, e, maxChars);
        return e.label() != null || e.opName() == null || s.isEmpty() ? s : "(" + s + ")";
    }

    /** A constant as written in an expression: {@code 1}, {@code 0.5}, not {@code 1.0000}; 15 digits, never rounded away. */
    static String constant(double x) {
        return DotText.significant(x, 15);
    }

    /** The expression of {@code e} in at most {@code budget} characters, or null. */
    private static String expression(Graph graph, Graph.Entry e, int budget, boolean nested) {
        if (e.label() != null) {
            return e.label();
        }
        if (e.opName() == null) {
            return e.isScalar() ? constant(e.value()) : null;
        }
        String symbol = e.opSymbol() == null ? e.opName() : e.opSymbol();
        List<String> operands = new ArrayList<>();
        for (int in : e.inputIds()) {
            Graph.Entry x = graph.nodes().get(in);
            String part = nested || x.label() != null || x.opName() == null ? expression(graph, x, budget, nested) : null;
            if (part == null) {
                return null;
            }
            operands.add(needsParentheses(graph, x, symbol) ? "(" + part + ")" : part);
        }
        String expr;
        if (isInfix(graph, e)) {
            String op = symbol.equals("×") || symbol.equals("*") ? "·" : " " + symbol + " ";
            expr = operands.get(0) + op + operands.get(1);
        } else if (operands.size() == 1 && symbol.startsWith("^")) {
            expr = operands.get(0) + symbol;
        } else {
            expr = symbol + "(" + String.join(", ", operands) + ")";
        }
        return expr.codePointCount(0, expr.length()) <= budget ? expr : null;
    }

    /**
     * Whether {@code operand}, written as an expression inside an op with {@code symbol}, needs
     * parentheses: a sum or difference inside a product, quotient or power ({@code (a + b)·c},
     * {@code (a − b)^2}), and a product inside a power. Names, numbers and calls such as σ(x) never do.
     */
    static boolean needsParentheses(Graph graph, Graph.Entry operand, String symbol) {
        if (operand.label() != null || operand.opName() == null || !isInfix(graph, operand)) {
            return false;
        }
        boolean additive = ADDITIVE.contains(operand.opSymbol() == null ? operand.opName() : operand.opSymbol());
        return symbol.startsWith("^") || (additive && !ADDITIVE.contains(symbol));
    }

    private static final java.util.Set<String> ADDITIVE = java.util.Set.of("+", "-", "−");

    /** A two-input op with a one-character symbol (+, −, ×, ÷, ^) is written between its operands. */
    private static boolean isInfix(Graph graph, Graph.Entry e) {
        String symbol = e.opSymbol() == null ? e.opName() : e.opSymbol();
        return e.inputIds().size() == 2 && symbol.codePointCount(0, symbol.length()) == 1;
    }
}
