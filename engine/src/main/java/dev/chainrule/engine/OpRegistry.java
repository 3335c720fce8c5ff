package dev.chainrule.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every built-in scalar op's metadata ({@link OpInfo}), in one list: the one place tools read
 * op names, aliases, symbols, parameters, domains, kinks and formulas from. The expression
 * language's function table, testkit's built-in operators, the activation charts, the CLI's help
 * and the README's op table are derived from it, and tests check that they agree.
 *
 * <pre>{@code
 * for (OpInfo op : OpRegistry.all()) System.out.println(op.usage() + "  " + op.description());
 * Value y = OpRegistry.get("softsign").apply(Value.of(3));          // 0.75
 * Tensor t = OpRegistry.get("leaky_relu").apply(new Tensor[] {x}, 0.1);
 * }</pre>
 *
 * <p>To add a built-in op, declare it in the engine's op holder next to its neighbours, with its
 * metadata, forward and derivative; it registers itself.
 */
public final class OpRegistry {
    private static final List<OpInfo> ALL = Ops.registered();
    private static final Map<String, OpInfo> BY_NAME = index(ALL);

    private OpRegistry() {
    }

    private static Map<String, OpInfo> index(List<OpInfo> all) {
        Map<String, OpInfo> m = new LinkedHashMap<>();
        for (OpInfo op : all) {
            for (String n : op.names()) {
                if (m.putIfAbsent(n, op) != null) {
                    throw new IllegalStateException("two built-in ops are called '" + n + "'");
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** {@return every built-in op, in declaration order: arithmetic, functions, activations, sum} */
    public static List<OpInfo> all() {
        return ALL;
    }

    /**
     * {@return the built-in ops of one kind, in declaration order}
     *
     * @param kind what kind of op it is
     */
    public static List<OpInfo> ofKind(OpInfo.Kind kind) {
        Objects.requireNonNull(kind, "kind");
        List<OpInfo> l = new ArrayList<>();
        for (OpInfo op : ALL) {
            if (op.kind() == kind) {
                l.add(op);
            }
        }
        return Collections.unmodifiableList(l);
    }

    /** {@return the activation functions (one input each), in declaration order} */
    public static List<OpInfo> activations() {
        return ofKind(OpInfo.Kind.ACTIVATION);
    }

    /** {@return every name an op can be called by (names and aliases), in declaration order} */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * {@return the op called {@code name} (or with that alias), if there is one}
     *
     * @param name the name
     */
    public static Optional<OpInfo> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The op called {@code name} (or with that alias).
     *
     * @param name the name
     * @return the op called {@code name} (or with that alias)
     * @throws IllegalArgumentException if there is none, listing the names there are
     */
    public static OpInfo get(String name) {
        OpInfo op = BY_NAME.get(name);
        if (op == null) {
            throw new IllegalArgumentException("no built-in op '" + name + "'; there are "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return op;
    }
}
