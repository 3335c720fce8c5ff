package dev.chainrule.viz;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one picture of a graph shows beyond the style: which values and grads are known yet,
 * which nodes and edges stand out, and a caption. Slides make one per frame; a plain render
 * uses {@link #all()} plus the style's highlights.
 */
final class FrameState {
    /** Null means every value is known. */
    final boolean[] valueKnown;
    /** Null means every grad is known. */
    final boolean[] gradKnown;
    final Set<Integer> nodes;
    /** Edges as {@link #edge(int, int)} keys: an input feeding the op of a consumer. */
    final Set<Long> edges;
    final List<String> caption;

    FrameState(boolean[] valueKnown, boolean[] gradKnown, Set<Integer> nodes, Set<Long> edges, List<String> caption) {
        this.valueKnown = valueKnown;
        this.gradKnown = gradKnown;
        this.nodes = Collections.unmodifiableSet(new LinkedHashSet<>(nodes));
        this.edges = Collections.unmodifiableSet(new LinkedHashSet<>(edges));
        this.caption = List.copyOf(caption);
    }

    static FrameState all() {
        return new FrameState(null, null, Set.of(), Set.of(), List.of());
    }

    static long edge(int inputId, int consumerId) {
        return ((long) inputId << 32) | (consumerId & 0xffffffffL);
    }

    boolean valueKnown(int id) {
        return valueKnown == null || valueKnown[id];
    }

    boolean gradKnown(int id) {
        return gradKnown == null || gradKnown[id];
    }

    boolean highlighted(int id) {
        return nodes.contains(id);
    }

    boolean highlighted(int inputId, int consumerId) {
        return edges.contains(edge(inputId, consumerId));
    }
}
