package dev.chainrule.nn;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordering and naming rules shared by the scalar modules. */
final class Parameters {
    private Parameters() {
    }

    /**
     * Keeps each Value once, at its last occurrence, so a bias shared by a layer's neurons comes
     * after the weights of the last neuron that uses it.
     */
    static List<Value> lastOccurrences(List<Value> uses) {
        IdentityHashMap<Value, Integer> last = new IdentityHashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            last.put(uses.get(i), i);
        }
        List<Value> out = new ArrayList<>(last.size());
        for (int i = 0; i < uses.size(); i++) {
            if (last.get(uses.get(i)) == i) {
                out.add(uses.get(i));
            }
        }
        return out;
    }

    static Map<String, Value> named(List<Value> params) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            Value p = params.get(i);
            String name = p.label();
            if (name == null) {
                throw new IllegalStateException("parameter " + i + " has no name; give it a label"
                        + " or call rename(...)");
            }
            if (out.put(name, p) != null) {
                throw new IllegalStateException("two parameters are named '" + name
                        + "'; call rename(...) to give them distinct names");
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Puts {@code prefix} before the label of each of {@code params}. */
    static void prefix(List<Value> params, String prefix) {
        for (Value p : params) {
            p.label(prefix + p.label());
        }
    }

    /**
     * When parts built separately (neurons of a layer, layers of an MLP) bring clashing names such
     * as two {@code w1}s, prefixes every part's parameters with {@code letter + (index + 1) + "."},
     * each Value once (in the first part that has it). Names that are already distinct, such as
     * textbook names, are kept.
     */
    static void prefixIfClashing(List<List<Value>> parts, String letter) {
        List<Value> all = new ArrayList<>();
        for (List<Value> part : parts) {
            all.addAll(part);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        boolean clash = false;
        for (Value p : lastOccurrences(all)) {
            clash |= p.label() != null && !names.add(p.label());
        }
        if (!clash) {
            return;
        }
        IdentityHashMap<Value, Boolean> done = new IdentityHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (Value p : parts.get(i)) {
                if (done.put(p, Boolean.TRUE) == null && p.label() != null) {
                    p.label(letter + (i + 1) + "." + p.label());
                }
            }
        }
    }

    static List<Value> inputs(double[] x) {
        List<Value> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(Value.of(v));
        }
        return out;
    }
}
