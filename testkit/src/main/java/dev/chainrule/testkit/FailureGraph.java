package dev.chainrule.testkit;

import dev.chainrule.engine.Graph;
import dev.chainrule.engine.Value;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The failing graph as DOT (one record per value: name | data | grad, one small node per op), and
 * as SVG when the viz module is on the classpath. Kept small on purpose: the full renderer with
 * themes and options is viz's job.
 */
final class FailureGraph {
    /** The system property naming the directory reports go to. */
    static final String DIRECTORY_PROPERTY = "chainrule.testkit.reports";
    /** Where reports go by default, relative to the working directory (the module under Maven). */
    static final String DEFAULT_DIRECTORY = "target/chainrule-testkit";

    private FailureGraph() {
    }

    /** The graph of {@code e} at {@code x} after a backward pass, as DOT. */
    static String dot(Expr e, double[] x) {
        Value[] in = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            in[i] = Value.of(x[i], Expr.inputName(i));
        }
        Value out = e.evaluate(in);
        out.backward();
        return dot(Graph.of(out));
    }

    static String dot(Graph g) {
        StringBuilder s = new StringBuilder("digraph failure {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (Graph.Entry n : g.nodes()) {
            String name = n.label() != null ? n.label() : n.kind() == Graph.Kind.OUTPUT ? "f"
                    : n.opName() == null ? Numbers.format(n.value()) : "n" + n.id();
            s.append(String.format("  v%d [shape=record, label=\"{%s | data %s | grad %s}\"];%n", n.id(),
                    escape(name), escape(Numbers.format(n.value())), escape(Numbers.format(n.gradValue()))));
            if (n.opName() != null) {
                s.append(String.format("  op%d [shape=circle, label=\"%s\"];%n", n.id(), escape(n.opSymbol())));
                List<Integer> inputs = n.inputIds();
                for (int k = 0; k < inputs.size(); k++) {
                    s.append(String.format("  v%d -> op%d;%n", inputs.get(k), n.id()));
                }
                s.append(String.format("  op%d -> v%d;%n", n.id(), n.id()));
            }
        }
        return s.append("}\n").toString();
    }

    private static String escape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }

    /** The directory reports go to: the system property if set, else the given default. */
    static Path directory(Path configured) {
        String p = System.getProperty(DIRECTORY_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return configured != null ? configured : Path.of(DEFAULT_DIRECTORY);
    }

    /** Writes {@code dot} to {@code dir/base.dot}; returns the path. */
    static Path writeDot(Path dir, String base, String dot) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(base + ".dot");
        Files.writeString(file, dot, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Renders the graph to {@code dir/base.svg} with viz's {@code GraphRenderer}, found at run time
     * so that testkit does not depend on viz; {@code null} when viz is not on the classpath or
     * cannot render here.
     */
    static Path writeSvg(Path dir, String base, Value output) {
        try {
            Class<?> renderer = Class.forName("dev.chainrule.viz.GraphRenderer");
            Class<?> style = Class.forName("dev.chainrule.viz.GraphStyle");
            Object defaults = style.getMethod("defaults").invoke(null);
            Method svg = renderer.getMethod("svg", dev.chainrule.engine.Node.class, style);
            Object text = svg.invoke(null, output, defaults);
            if (!(text instanceof String)) {
                return null;
            }
            Path file = dir.resolve(base + ".svg");
            Files.writeString(file, (String) text, StandardCharsets.UTF_8);
            return file;
        } catch (ReflectiveOperationException | IOException | LinkageError | RuntimeException e) {
            // No viz, or no Graphviz engine here: the DOT file is still written.
            return null;
        }
    }
}
