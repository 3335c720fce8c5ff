package dev.chainrule.engine.expr;

import dev.chainrule.engine.NumberText;
import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The language's function names (and its operators), derived from the {@link OpRegistry}: every
 * built-in op can be called by its name and its aliases, with its constant parameter (if it has
 * one) as a trailing argument. Nothing is listed here by hand.
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
                s.append(Double.isNaN(paramDefault) ? "" : "=" + NumberText.compact(paramDefault) + "]");
            }
            return s.append(')').toString();
        }
    }

    private static final Map<String, Function> BY_NAME = table();

    // Operators, used by the parser directly.
    static final Function ADD = BY_NAME.get("add");
    static final Function SUB = BY_NAME.get("sub");
    static final Function MUL = BY_NAME.get("mul");
    static final Function DIV = BY_NAME.get("div");
    static final Function NEG = BY_NAME.get("neg");
    static final Function POW = BY_NAME.get("pow");
    static final Function IDENTITY = BY_NAME.get("identity");
    /** {@code x ^ 2}: a power with a literal exponent is one node of one input. */
    static final Function POW_CONST = new Function("pow", 1, 1, "exponent", Double.NaN,
            (a, p) -> a[0].pow(p));

    private Functions() {
    }

    /**
     * Every op of the {@link OpRegistry} under its name and aliases: the functions first, then
     * the arithmetic ops (written as operators, but callable by name too).
     */
    private static Map<String, Function> table() {
        Map<String, Function> m = new LinkedHashMap<>();
        for (OpInfo op : OpRegistry.all()) {
            if (op.kind() != OpInfo.Kind.ARITHMETIC) {
                put(m, op);
            }
        }
        for (OpInfo op : OpRegistry.ofKind(OpInfo.Kind.ARITHMETIC)) {
            put(m, op);
        }
        return m;
    }

    private static void put(Map<String, Function> m, OpInfo op) {
        Function f = function(op);
        for (String n : op.names()) {
            m.put(n, f);
        }
    }

    private static Function function(OpInfo op) {
        List<OpInfo.Parameter> params = op.parameters();
        if (params.size() > 1) {
            throw new IllegalStateException(op.name() + ": the language passes at most one constant argument");
        }
        int min = op.arity() == -1 ? 1 : op.arity();
        int max = op.arity() == -1 ? Integer.MAX_VALUE : op.arity();
        if (params.isEmpty()) {
            return new Function(op.name(), min, max, null, Double.NaN, (a, p) -> op.apply(a));
        }
        OpInfo.Parameter param = params.get(0);
        return new Function(op.name(), min, max, param.name(), param.defaultValue(), (a, p) -> op.apply(a, p));
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
