package dev.chainrule.viz;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Draws computation graphs: DOT text, SVG, PNG and PDF, from any node or graph view.
 *
 * <pre>{@code
 * Value f = x.add(y).label("q").mul(z).label("f");
 * f.backward();
 * GraphRenderer.render(f, GraphStyle.defaults(), Path.of("f.svg"));   // or f.png, f.pdf, f.dot
 * }</pre>
 *
 * <p>Layout uses the native Graphviz {@code dot} when it is on the PATH and otherwise Graphviz
 * embedded in the JVM, so Maven alone is enough (see {@link RenderEngine}). PNG and, without
 * native dot, PDF are made from the SVG in Java. Graphs larger than
 * {@link GraphStyle#maxNodes()} are refused before Graphviz sees them.
 */
public final class GraphRenderer {

    private GraphRenderer() {
    }

    /**
     * {@return DOT text for the graph behind {@code output}, default style}
     *
     * @param output the output node
     */
    public static String dot(Node output) {
        return dot(Graph.of(output), GraphStyle.defaults());
    }

    /**
     * {@return DOT text for the graph behind {@code output}}
     *
     * @param output the output node
     * @param style how the graph is drawn
     */
    public static String dot(Node output, GraphStyle style) {
        return dot(Graph.of(output), style);
    }

    /**
     * DOT text for a graph view; the same graph and style always give the same bytes.
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     * @return DOT text for a graph view; the same graph and style always give the same bytes
     * @throws IllegalArgumentException if a highlighted label or id is not in the graph
     */
    public static String dot(Graph graph, GraphStyle style) {
        return DotWriter.write(Objects.requireNonNull(graph, "graph"), Objects.requireNonNull(style, "style"));
    }

    /**
     * {@return SVG text for the graph behind {@code output}}
     *
     * @param output the output node
     * @param style how the graph is drawn
     */
    public static String svg(Node output, GraphStyle style) {
        return svg(Graph.of(output), style);
    }

    /**
     * SVG text for a graph view.
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     * @return SVG text for a graph view
     * @throws IllegalArgumentException if the graph has more than {@link GraphStyle#maxNodes()} nodes
     * @throws IllegalStateException if no Graphviz engine can run (the message says how to install one)
     */
    public static String svg(Graph graph, GraphStyle style) {
        checkSize(graph, style);
        GraphvizRunner.prepare(style.engine());  // the module loads while the DOT is written
        return svgFromDot(dot(graph, style), style);
    }

    /**
     * {@return PNG bytes for the graph behind {@code output}}
     *
     * @param output the output node
     * @param style how the graph is drawn
     */
    public static byte[] png(Node output, GraphStyle style) {
        return png(Graph.of(output), style);
    }

    /**
     * {@return PNG bytes for a graph view, {@link GraphStyle#scale()} pixels per point}
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     */
    public static byte[] png(Graph graph, GraphStyle style) {
        return SvgConverter.png(svg(graph, style), style.scale());
    }

    /**
     * {@return PDF bytes for the graph behind {@code output}}
     *
     * @param output the output node
     * @param style how the graph is drawn
     */
    public static byte[] pdf(Node output, GraphStyle style) {
        return pdf(Graph.of(output), style);
    }

    /**
     * PDF bytes for a graph view: from the native dot when it does the layout, otherwise drawn
     * from the SVG in Java.
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     * @return PDF bytes for a graph view: from the native dot when it does the layout, otherwise drawn from
     *     the SVG in Java
     */
    public static byte[] pdf(Graph graph, GraphStyle style) {
        checkSize(graph, style);
        GraphvizRunner.prepare(style.engine());
        String dot = dot(graph, style);
        if (GraphvizRunner.resolve(style.engine()) == RenderEngine.NATIVE) {
            return GraphvizRunner.nativePdf(dot);
        }
        return SvgConverter.pdf(svgFromDot(dot, style));
    }

    /**
     * {@return the graph in the given format: UTF-8 text for DOT and SVG, image bytes otherwise}
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     * @param format the format
     */
    public static byte[] render(Graph graph, GraphStyle style, OutputFormat format) {
        return switch (Objects.requireNonNull(format, "format")) {
            case DOT -> dot(graph, style).getBytes(StandardCharsets.UTF_8);
            case SVG -> svg(graph, style).getBytes(StandardCharsets.UTF_8);
            case PNG -> png(graph, style);
            case PDF -> pdf(graph, style);
        };
    }

    /**
     * Writes the graph behind {@code output} with the default style; the format comes from the file name.
     *
     * @param output the output node
     * @param file the file
     * @return {@code file}
     */
    public static Path render(Node output, Path file) {
        return render(Graph.of(output), GraphStyle.defaults(), file);
    }

    /**
     * Writes the graph behind {@code output}; the format comes from the file name (.dot .gv .svg .png .pdf).
     *
     * @param output the output node
     * @param style how the graph is drawn
     * @param file the file
     * @return {@code file}
     */
    public static Path render(Node output, GraphStyle style, Path file) {
        return render(Graph.of(output), style, file);
    }

    /**
     * Writes a graph view to {@code file}, creating missing parent directories; the format comes
     * from the extension.
     *
     * @param graph the graph view
     * @param style how the graph is drawn
     * @param file the file
     * @return {@code file}
     * @throws IllegalArgumentException for an unknown extension or a graph above the node limit
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path render(Graph graph, GraphStyle style, Path file) {
        OutputFormat format = OutputFormat.forPath(file);
        byte[] bytes = render(graph, style, format);
        write(file, bytes);
        return file;
    }

    /** {@return whether the native Graphviz {@code dot} is on the PATH (AUTO then uses it)} */
    public static boolean nativeDotAvailable() {
        return GraphvizRunner.nativeDot().isPresent();
    }

    /**
     * {@return the engine {@code choice} stands for on this machine: AUTO becomes NATIVE or EMBEDDED}
     *
     * @param choice the choice
     */
    public static RenderEngine resolveEngine(RenderEngine choice) {
        return GraphvizRunner.resolve(Objects.requireNonNull(choice, "choice"));
    }

    /**
     * Starts the embedded Graphviz in the background when {@code choice} means it on this machine
     * (EMBEDDED, or AUTO without a native {@code dot}), so that the first picture does not wait for
     * it. Call it as early as you know a picture will be drawn: a new JVM spends about half a
     * second starting the embedded Graphviz, and this lets that overlap your own work. It does
     * nothing when the native {@code dot} will be used or an instance is already ready or starting;
     * it never fails (a start that fails is reported by the render that needs it).
     *
     * @param choice the engine the pictures will use, as in {@link GraphStyle#engine()}
     */
    public static void prepare(RenderEngine choice) {
        GraphvizRunner.prepare(Objects.requireNonNull(choice, "choice"));
    }

    static String svgFromDot(String dot, GraphStyle style) {
        return SvgCleanup.apply(GraphvizRunner.svg(dot, style.engine()));
    }

    static void checkSize(Graph graph, GraphStyle style) {
        if (graph.size() > style.maxNodes()) {
            throw new IllegalArgumentException("the graph has " + graph.size() + " nodes, more than the rendering limit of "
                    + style.maxNodes() + "; raise it with GraphStyle.builder().maxNodes(" + graph.size()
                    + ") (chainrule render: --max-nodes " + graph.size() + "), but Graphviz may take minutes on"
                    + " graphs this big; DOT output has no limit");
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
