package dev.chainrule.examples;

import dev.chainrule.engine.Node;
import dev.chainrule.viz.Chart;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import java.io.PrintStream;
import java.nio.file.Path;

/** Writes the examples' pictures through viz and says where they went. */
final class Pictures {

    private Pictures() {
    }

    /**
     * Renders the graph below {@code output} as {@code NAME.svg} and {@code NAME.png} in
     * {@code outDir}, values and grads on every node.
     */
    static void graph(PrintStream out, Node output, String title, Path outDir, String name) {
        GraphStyle style = GraphStyle.builder().title(title).scale(1).build();
        for (String ext : new String[] {".svg", ".png"}) {
            Path file = GraphRenderer.render(output, style, outDir.resolve(name + ext));
            out.println("wrote " + file);
        }
    }

    /** Writes {@code chart} as {@code NAME.svg} and {@code NAME.png} in {@code outDir}. */
    static void chart(PrintStream out, Chart chart, Path outDir, String name) {
        for (String ext : new String[] {".svg", ".png"}) {
            out.println("wrote " + chart.write(outDir.resolve(name + ext)));
        }
    }
}
