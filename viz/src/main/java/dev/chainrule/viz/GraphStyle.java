package dev.chainrule.viz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a graph is drawn and rendered. Immutable; make one with {@link #builder()}, whose setters
 * reject bad values at once.
 *
 * <pre>{@code
 * GraphStyle style = GraphStyle.builder().precision(2).theme(Theme.DARK)
 *         .localDerivatives(true).highlightPath("x", "q", "f").build();
 * GraphRenderer.render(f, style, Path.of("f.svg"));
 * }</pre>
 */
public final class GraphStyle {

    /**
     * Digits after the decimal point when a style asks for fixed decimals with
     * {@link Builder#precision(int)}; by default numbers show {@value #DEFAULT_DIGITS} significant digits.
     */
    public static final int DEFAULT_PRECISION = 4;
    /**
     * The default number of significant digits: enough to tell apart every gradient of Mazur's 2-2-2
     * network (∂E/∂w1 = 0.0004386, ∂E/∂w3 = 0.0004977), which fixed decimals would show as 0.0004 and 0.0005.
     */
    public static final int DEFAULT_DIGITS = 4;
    /** The default node-count limit for rendering. */
    public static final int DEFAULT_MAX_NODES = 1000;

    private static final GraphStyle DEFAULT = builder().build();

    private final int precision;
    private final int significantDigits;
    private final boolean showGrads;
    private final Direction direction;
    private final Theme theme;
    private final boolean localDerivatives;
    private final Set<String> highlightLabels;
    private final Set<Integer> highlightIds;
    private final List<String> highlightPath;
    private final int maxNodes;
    private final int maxTensorElements;
    private final RenderEngine engine;
    private final double scale;
    private final String title;

    private GraphStyle(Builder b) {
        this.precision = b.precision;
        this.significantDigits = b.significantDigits;
        this.showGrads = b.showGrads;
        this.direction = b.direction;
        this.theme = b.theme;
        this.localDerivatives = b.localDerivatives;
        this.highlightLabels = Collections.unmodifiableSet(new LinkedHashSet<>(b.highlightLabels));
        this.highlightIds = Collections.unmodifiableSet(new LinkedHashSet<>(b.highlightIds));
        this.highlightPath = List.copyOf(b.highlightPath);
        this.maxNodes = b.maxNodes;
        this.maxTensorElements = b.maxTensorElements;
        this.engine = b.engine;
        this.scale = b.scale;
        this.title = b.title;
    }

    /** {@return the defaults: 4 significant digits, grads shown, left to right, light theme, auto engine, PNG scale 2} */
    public static GraphStyle defaults() {
        return DEFAULT;
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this style's settings, to change a few} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.precision = precision;
        b.significantDigits = significantDigits;
        b.showGrads = showGrads;
        b.direction = direction;
        b.theme = theme;
        b.localDerivatives = localDerivatives;
        b.highlightLabels.addAll(highlightLabels);
        b.highlightIds.addAll(highlightIds);
        b.highlightPath.addAll(highlightPath);
        b.maxNodes = maxNodes;
        b.maxTensorElements = maxTensorElements;
        b.engine = engine;
        b.scale = scale;
        b.title = title;
        return b;
    }

    /**
     * Digits after the decimal point, used when {@link #significantDigits()} is 0 (numbers too small
     * or too large for that switch to 1.2346e-07 form).
     *
     * @return the number of decimals
     */
    public int precision() {
        return precision;
    }

    /**
     * Significant digits for every number shown ({@value #DEFAULT_DIGITS} by default), or 0 when
     * numbers show {@link #precision()} digits after the point instead.
     *
     * @return significant digits for every number shown ({@value #DEFAULT_DIGITS} by default), or 0 when
     *     numbers show {@link #precision()} digits after the point instead
     */
    public int significantDigits() {
        return significantDigits;
    }

    /** {@code x} as this style shows it: significant digits if set, else fixed decimals. */
    String format(double x) {
        return significantDigits > 0 ? DotText.significant(x, significantDigits) : DotText.number(x, precision);
    }

    /** {@return whether each value shows its grad} */
    public boolean showGrads() {
        return showGrads;
    }

    /** {@return left to right or top to bottom} */
    public Direction direction() {
        return direction;
    }

    /** {@return the colour theme} */
    public Theme theme() {
        return theme;
    }

    /** {@return whether each edge into an op carries the local derivative ∂out/∂in} */
    public boolean localDerivatives() {
        return localDerivatives;
    }

    /**
     * Labels of nodes to highlight.
     *
     * @return the labels; empty for none
     */
    public Set<String> highlightLabels() {
        return highlightLabels;
    }

    /**
     * Ids (positions in {@link dev.chainrule.engine.Graph#nodes()}) of nodes to highlight.
     *
     * @return the ids; empty for none
     */
    public Set<Integer> highlightIds() {
        return highlightIds;
    }

    /**
     * Labels of a path to highlight, from an input towards the output; empty for none.
     *
     * @return the labels along the path
     */
    public List<String> highlightPath() {
        return highlightPath;
    }

    /** {@return rendering refuses graphs with more nodes than this} */
    public int maxNodes() {
        return maxNodes;
    }

    /**
     * Tensors with at most this many elements show their numbers; larger ones show a summary.
     *
     * @return the most elements a tensor may have to show its numbers
     */
    public int maxTensorElements() {
        return maxTensorElements;
    }

    /** {@return which Graphviz does the layout} */
    public RenderEngine engine() {
        return engine;
    }

    /** {@return PNG pixels per SVG point (1 = 72 dpi, 2 = 144 dpi)} */
    public double scale() {
        return scale;
    }

    /** {@return a title drawn above the graph, or {@code null}} */
    public String title() {
        return title;
    }

    /** Builds a {@link GraphStyle}; every setter checks its argument. */
    public static final class Builder {
        private int precision = DEFAULT_PRECISION;
        private int significantDigits = DEFAULT_DIGITS;
        private boolean showGrads = true;
        private Direction direction = Direction.LEFT_TO_RIGHT;
        private Theme theme = Theme.LIGHT;
        private boolean localDerivatives;
        private final Set<String> highlightLabels = new LinkedHashSet<>();
        private final Set<Integer> highlightIds = new LinkedHashSet<>();
        private final List<String> highlightPath = new ArrayList<>();
        private int maxNodes = DEFAULT_MAX_NODES;
        private int maxTensorElements = 16;
        private RenderEngine engine = RenderEngine.AUTO;
        private double scale = 2.0;
        private String title;

        private Builder() {
        }

        /**
         * Fixed decimals instead of significant digits: every number shows {@code digits} digits
         * after the point, 0 to 12 ({@code -2.0000} with 4). Overrides {@link #digits(int)}.
         *
         * @param digits how many digits
         * @return this builder
         * @throws IllegalArgumentException outside 0..12
         */
        public Builder precision(int digits) {
            if (digits < 0 || digits > 12) {
                throw new IllegalArgumentException("precision must be between 0 and 12 digits, got " + digits);
            }
            this.precision = digits;
            this.significantDigits = 0;
            return this;
        }

        /**
         * Shows every number with {@code digits} significant digits, 1 to 17 (default
         * {@value GraphStyle#DEFAULT_DIGITS}): 0.000438568 with 4 is {@code 0.0004386}, -2 is
         * {@code -2}, 0.5 is {@code 0.5}. Overrides {@link #precision(int)}.
         *
         * @param digits how many digits
         * @return this builder
         * @throws IllegalArgumentException outside 1..17
         */
        public Builder digits(int digits) {
            if (digits < 1 || digits > 17) {
                throw new IllegalArgumentException("digits must be between 1 and 17 significant digits, got " + digits);
            }
            this.significantDigits = digits;
            return this;
        }

        /**
         * Show or hide grads (shown by default).
         *
         * @param show whether to show it
         * @return this builder
         */
        public Builder showGrads(boolean show) {
            this.showGrads = show;
            return this;
        }

        /**
         * Left to right (default) or top to bottom.
         *
         * @param direction the direction
         * @return this builder
         */
        public Builder direction(Direction direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        /**
         * Shorthand for {@code direction(Direction.TOP_TO_BOTTOM)}.
         *
         * @return this builder
         */
        public Builder topToBottom() {
            return direction(Direction.TOP_TO_BOTTOM);
        }

        /**
         * The colour theme (light by default).
         *
         * @param theme the theme
         * @return this builder
         */
        public Builder theme(Theme theme) {
            this.theme = Objects.requireNonNull(theme, "theme");
            return this;
        }

        /**
         * Write the local derivative ∂out/∂in on each edge into an op.
         *
         * @param show whether to show it
         * @return this builder
         */
        public Builder localDerivatives(boolean show) {
            this.localDerivatives = show;
            return this;
        }

        /**
         * Highlight the nodes with these labels; rendering fails if one is missing from the graph.
         *
         * @param labels the labels
         * @return this builder
         */
        public Builder highlight(String... labels) {
            for (String l : labels) {
                highlightLabels.add(requireLabel(l, "highlight"));
            }
            return this;
        }

        /**
         * Highlight the nodes with these ids (positions in the graph view).
         *
         * @param ids the ids
         * @return this builder
         */
        public Builder highlightIds(int... ids) {
            for (int id : ids) {
                if (id < 0) {
                    throw new IllegalArgumentException("highlightIds: node ids are 0 or more, got " + id);
                }
                highlightIds.add(id);
            }
            return this;
        }

        /**
         * Highlight a path, given as labels from an input towards the output, each node computed
         * from the one before it, directly or through other nodes, named or not:
         * {@code highlightPath("x", "q", "f")}, or {@code highlightPath("w5", "E")} for the whole
         * chain from w5 to E. Where the way branches, every branch is highlighted.
         *
         * @param labels the labels
         * @return this builder
         * @throws IllegalArgumentException with fewer than two labels
         */
        public Builder highlightPath(String... labels) {
            if (labels.length < 2) {
                throw new IllegalArgumentException("highlightPath needs at least two labels, got " + labels.length);
            }
            highlightPath.clear();
            for (String l : labels) {
                highlightPath.add(requireLabel(l, "highlightPath"));
            }
            return this;
        }

        /**
         * Refuse to render graphs with more nodes than this (default {@value #DEFAULT_MAX_NODES});
         * Graphviz can take minutes on tens of thousands of nodes.
         *
         * @param limit the limit
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxNodes(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxNodes must be at least 1, got " + limit);
            }
            this.maxNodes = limit;
            return this;
        }

        /**
         * Tensors up to this many elements show every number (default 16).
         *
         * @param limit the limit
         * @return this builder
         * @throws IllegalArgumentException if negative or above 400
         */
        public Builder maxTensorElements(int limit) {
            if (limit < 0 || limit > 400) {
                throw new IllegalArgumentException("maxTensorElements must be between 0 and 400, got " + limit);
            }
            this.maxTensorElements = limit;
            return this;
        }

        /**
         * Which Graphviz to use (auto by default).
         *
         * @param engine the engine
         * @return this builder
         */
        public Builder engine(RenderEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * PNG pixels per SVG point, above 0 and at most 8 (default 2).
         *
         * @param scale the scale
         * @return this builder
         * @throws IllegalArgumentException outside (0, 8] or not finite
         */
        public Builder scale(double scale) {
            if (!(scale > 0 && scale <= 8)) {
                throw new IllegalArgumentException("scale must be above 0 and at most 8, got " + scale);
            }
            this.scale = scale;
            return this;
        }

        /**
         * A title drawn above the graph; {@code null} for none. Any text is drawn literally.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** {@return the style} */
        public GraphStyle build() {
            return new GraphStyle(this);
        }

        private static String requireLabel(String label, String what) {
            if (label == null) {
                throw new IllegalArgumentException(what + ": a label is null");
            }
            return label;
        }
    }
}
