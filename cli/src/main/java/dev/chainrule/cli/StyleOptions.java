package dev.chainrule.cli;

import dev.chainrule.viz.Direction;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.RenderEngine;
import dev.chainrule.viz.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The graph style options shared by every command that draws a graph. */
final class StyleOptions {

    @Option(names = "--precision", paramLabel = "N",
            description = "fixed decimals: N digits after the point instead of significant digits")
    Integer precision;

    /** Significant digits for the picture ({@code render --digits}, {@code slides --digits}); grad's --digits is its table's. */
    Integer digits;

    /** The help text of render's and slides' {@code --digits}. */
    static final String DIGITS_HELP = "significant digits of every number (default: 4, so 0.000438568 shows as 0.0004386)";

    @Option(names = "--no-grads", description = "draw values only")
    boolean noGrads;

    @Option(names = "--tb", description = "lay the graph out top to bottom instead of left to right")
    boolean topToBottom;

    @Option(names = "--theme", paramLabel = "THEME", description = "light (default), dark, print or cs231n")
    String theme;

    @Option(names = "--local-derivatives", description = "write ∂out/∂in on each edge into an op")
    boolean localDerivatives;

    @Option(names = "--highlight", split = ",", paramLabel = "NAMES", description = "nodes to highlight")
    List<String> highlight = new ArrayList<>();

    @Option(names = "--highlight-path", split = ",", paramLabel = "NAMES",
            description = "highlight the way from the first to the last, through any nodes: w5,E or x,q,f")
    List<String> highlightPath = new ArrayList<>();

    @Option(names = "--max-nodes", paramLabel = "N", description = "refuse graphs larger than this (default: 1000)")
    Integer maxNodes;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto (default), native or embedded Graphviz")
    String engine;

    @Option(names = "--scale", paramLabel = "S", description = "PNG pixels per point (default: 2)")
    Double scale;

    @Option(names = "--title", paramLabel = "TEXT", description = "a title above the graph")
    String title;

    /** The style these options describe. */
    GraphStyle build() {
        GraphStyle.Builder b = GraphStyle.builder();
        try {
            if (precision != null && digits != null) {
                throw new UserError("--precision " + precision + " and --digits " + digits
                        + ": give one (--precision for fixed decimals, --digits for significant digits)");
            }
            if (precision != null) {
                b.precision(precision);
            }
            if (digits != null) {
                b.digits(digits);
            }
            b.showGrads(!noGrads);
            b.direction(topToBottom ? Direction.TOP_TO_BOTTOM : Direction.LEFT_TO_RIGHT);
            if (theme != null) {
                b.theme(Choice.choose("--theme", theme, Theme.values()));
            }
            b.localDerivatives(localDerivatives);
            if (!highlight.isEmpty()) {
                b.highlight(highlight.toArray(new String[0]));
            }
            if (!highlightPath.isEmpty()) {
                b.highlightPath(highlightPath.toArray(new String[0]));
            }
            if (maxNodes != null) {
                b.maxNodes(maxNodes);
            }
            if (engine != null) {
                b.engine(Choice.choose("--engine", engine, RenderEngine.values()));
            }
            if (scale != null) {
                b.scale(scale);
            }
            if (title != null && !title.isBlank()) {
                b.title(title);  // an empty or blank --title draws no title, as leaving it out does
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserError(inCliTerms(e.getMessage()));
        }
    }

    /**
     * Starts the embedded Graphviz in the background when the picture will need it, so that it
     * loads while the program is parsed and computed ({@link GraphRenderer#prepare}); a DOT file
     * needs no Graphviz. A bad {@code --engine} is left for {@link #build()} to report.
     */
    void prepareEngine(Path output) {
        String name = String.valueOf(output.getFileName()).toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".dot") || name.endsWith(".gv")) {
            return;
        }
        RenderEngine choice = RenderEngine.AUTO;
        if (engine != null) {
            try {
                choice = Choice.choose("--engine", engine, RenderEngine.values());
            } catch (RuntimeException e) {
                return;
            }
        }
        GraphRenderer.prepare(choice);
    }

    /** The rendering library's builder names and the options that set them. */
    private static final String[][] OPTION_NAMES = {
        {"highlightPath", "--highlight-path"}, {"maxNodes", "--max-nodes"}, {"precision", "--precision"},
        {"digits", "--digits"},
        {"scale", "--scale"}};

    /**
     * A rendering library message in the words of the command line: {@code RenderEngine.AUTO or
     * EMBEDDED} becomes {@code --engine auto or --engine embedded}, {@code highlightPath} becomes
     * {@code --highlight-path}.
     */
    static String inCliTerms(String message) {
        if (message == null) {
            return "rendering failed";
        }
        for (String[] n : OPTION_NAMES) {
            if (message.startsWith(n[0] + " ") || message.startsWith(n[0] + ":")) {
                message = n[1] + message.substring(n[0].length());
            }
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("RenderEngine\\.([A-Z]+)( or ([A-Z]+))?")
                .matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String words = "--engine " + m.group(1).toLowerCase(java.util.Locale.ROOT)
                    + (m.group(3) == null ? "" : " or --engine " + m.group(3).toLowerCase(java.util.Locale.ROOT));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(words));
        }
        m.appendTail(out);
        return out.toString();
    }
}
