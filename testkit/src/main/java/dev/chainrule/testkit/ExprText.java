package dev.chainrule.testkit;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Expr} as a program in the expression language's syntax: a
 * {@code tN = expr} statement for each operator node used more than once, then {@code f = expr}.
 * Parentheses appear only where precedence needs them; negative numbers are always bracketed.
 */
final class ExprText {
    private final Map<Expr, String> temps = new IdentityHashMap<>();

    private ExprText() {
    }

    static String program(Expr root) {
        List<Expr> nodes = root.nodes();
        Map<Expr, Integer> uses = new IdentityHashMap<>();
        for (Expr e : nodes) {
            for (Expr a : e.arguments()) {
                uses.merge(a, 1, Integer::sum);
            }
        }
        ExprText t = new ExprText();
        StringBuilder s = new StringBuilder();
        for (Expr e : nodes) {
            if (e != root && e.operator() != null && uses.getOrDefault(e, 0) > 1) {
                String name = "t" + (t.temps.size() + 1);
                s.append(name).append(" = ").append(t.body(e)).append('\n');
                t.temps.put(e, name);
            }
        }
        return s.append("f = ").append(t.body(root)).toString();
    }

    /** The node written out in full (its shared arguments by name). */
    private String body(Expr e) {
        if (e.isInput()) {
            return Expr.inputName(e.inputIndex());
        }
        if (e.isConstant()) {
            return Numbers.format(e.constantValue());
        }
        Operator op = e.operator();
        List<Expr> a = e.arguments();
        switch (op.notation) {
            case INFIX: {
                boolean rightAssoc = op.precedence == Operator.POWER;
                String left = operand(a.get(0), op.precedence, rightAssoc);
                String right = operand(a.get(1), op.precedence, !rightAssoc);
                return left + " " + op.symbol + " " + right;
            }
            case PREFIX:
                // Bracket every non-atom, so that -(x ^ 2) and (-x) ^ 2 never look alike.
                return op.symbol + operand(a.get(0), Operator.ATOM, false);
            case POWER:
                return operand(a.get(0), Operator.POWER, true) + " ^ " + number(op.exponent);
            default: {
                StringBuilder s = new StringBuilder(op.name()).append('(');
                for (int i = 0; i < a.size(); i++) {
                    s.append(i == 0 ? "" : ", ").append(operand(a.get(i), 0, false));
                }
                return s.append(')').toString();
            }
        }
    }

    /** The node as an operand of an operator of {@code precedence}, bracketed if it binds less tightly. */
    private String operand(Expr e, int precedence, boolean bracketEqual) {
        String name = temps.get(e);
        if (name != null) {
            return name;
        }
        if (e.isConstant()) {
            return precedence == 0 ? Numbers.format(e.constantValue()) : number(e.constantValue());
        }
        int p = e.operator() == null ? Operator.ATOM : e.operator().precedence;
        String body = body(e);
        return p < precedence || (p == precedence && bracketEqual) ? "(" + body + ")" : body;
    }

    private static String number(double c) {
        String s = Numbers.format(c);
        return c < 0 ? "(" + s + ")" : s;
    }
}
