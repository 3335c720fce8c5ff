package dev.chainrule.engine.expr;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table that maps the language's function names (and its operators) to {@link Value}
 * methods. Adding a function is one line here.
 */
final class Functions {

    /** Builds the node for a call. {@code param} is the call's constant argument, if it has one. */
    @FunctionalInterface
    interface Builder {
        Value build(Value[] args, double param);
    }

    /**
     * One callable function.
     *
     * @param name         the name written in programs
     * @param minArgs      the fewest Value arguments
     * @param maxArgs      the most Value arguments ({@code Integer.MAX_VALUE} for any number)
     * @param paramName    the name of a trailing constant argument (slope, alpha), or null
     * @param paramDefault its value when left out (NaN if it must be given)
     * @param builder      makes the node
     */
    record Function(String name, int minArgs, int maxArgs, String paramName, double paramDefault,
                    Builder builder) {
        boolean hasParam() {
            return paramName != null;
        }

        String usage() {
            if (maxArgs == Integer.MAX_VALUE) {
                return name + "(a, b, ...)";
            }
            StringBuilder s = new StringBuilder(name).append('(');
            for (int i = 0; i < maxArgs; i++) {
                s.append(i == 0 ? "" : ", ").append(maxArgs == 1 ? "x" : String.valueOf((char) ('a' + i)));
            }
            if (hasParam()) {
                s.append(Double.isNaN(paramDefault) ? ", " : "[, ").append(paramName);
                s.append(Double.isNaN(paramDefault) ? "" : "=" + Program.format(paramDefault) + "]");
            }
            return s.append(')').toString();
        }
    }

    // Operators, used by the parser directly.
    static final Function ADD = op("add", 2, (a, p) -> a[0].add(a[1]));
    static final Function SUB = op("sub", 2, (a, p) -> a[0].sub(a[1]));
    static final Function MUL = op("mul", 2, (a, p) -> a[0].mul(a[1]));
    static final Function DIV = op("div", 2, (a, p) -> a[0].div(a[1]));
    static final Function NEG = op("neg", 1, (a, p) -> a[0].neg());
    static final Function POW = op("pow", 2, (a, p) -> a[0].pow(a[1]));
    static final Function POW_CONST = new Function("pow", 1, 1, "exponent", Double.NaN,
            (a, p) -> a[0].pow(p));
    static final Function IDENTITY = op("identity", 1, (a, p) -> a[0].identity());

    private static final Map<String, Function> BY_NAME = new LinkedHashMap<>();

    static {
        unary("exp", (a, p) -> a[0].exp());
        unary("log", (a, p) -> a[0].log());
        alias("ln", "log");
        unary("sqrt", (a, p) -> a[0].sqrt());
        unary("abs", (a, p) -> a[0].abs());
        unary("sin", (a, p) -> a[0].sin());
        unary("cos", (a, p) -> a[0].cos());
        BY_NAME.put("identity", IDENTITY);
        unary("tanh", (a, p) -> a[0].tanh());
        unary("sigmoid", (a, p) -> a[0].sigmoid());
        alias("σ", "sigmoid");
        unary("relu", (a, p) -> a[0].relu());
        add(new Function("leaky_relu", 1, 1, "slope", 0.01, (a, p) -> a[0].leakyRelu(p)));
        unary("softplus", (a, p) -> a[0].softplus());
        add(new Function("elu", 1, 1, "alpha", 1.0, (a, p) -> a[0].elu(p)));
        unary("gelu", (a, p) -> a[0].gelu());
        unary("silu", (a, p) -> a[0].silu());
        alias("swish", "silu");
        unary("gaussian", (a, p) -> a[0].gaussian());
        unary("step", (a, p) -> a[0].step());
        unary("sign", (a, p) -> a[0].sign());
        add(op("max", 2, (a, p) -> a[0].max(a[1])));
        add(op("min", 2, (a, p) -> a[0].min(a[1])));
        add(POW);
        add(ADD);
        add(SUB);
        add(MUL);
        add(DIV);
        add(NEG);
        add(new Function("sum", 1, Integer.MAX_VALUE, null, Double.NaN, (a, p) -> Value.sum(a)));
    }

    private Functions() {
    }

    private static Function op(String name, int arity, Builder b) {
        return new Function(name, arity, arity, null, Double.NaN, b);
    }

    private static void unary(String name, Builder b) {
        add(op(name, 1, b));
    }

    private static void add(Function f) {
        BY_NAME.put(f.name(), f);
    }

    private static void alias(String alias, String name) {
        BY_NAME.put(alias, BY_NAME.get(name));
    }

    /** The function called {@code name}, or null. */
    static Function find(String name) {
        return BY_NAME.get(name);
    }

    /** Every callable name, aliases included, in table order. */
    static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
    }

    /** The known name closest to {@code name} (at most two edits away), or null. */
    static String closest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : BY_NAME.keySet()) {
            int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
