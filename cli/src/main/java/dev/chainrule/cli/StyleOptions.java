package dev.chainrule.cli;

import static dev.chainrule.cli.OptionsInCode.flag;
import static dev.chainrule.cli.OptionsInCode.isSet;
import static dev.chainrule.cli.OptionsInCode.list;

import dev.chainrule.viz.Direction;
import dev.chainrule.viz.GraphRenderer;
import dev.chainrule.viz.GraphStyle;
import dev.chainrule.viz.RenderEngine;
import dev.chainrule.viz.Theme;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The graph style options shared by every command that draws a graph (grad, render, slides).
 *
 * <p>Built in code, not annotated, so that {@code grad} reads no annotation (start-up time, see
 * {@link Main#commandLine(Io, String...)}); each option holds its own value. An annotated command
 * mixes them in with a {@code @Mixin} field holding {@link #mixin()}.
 */
final class StyleOptions {

    private final OptionSpec precision = OptionSpec.builder("--precision").paramLabel("N").type(Integer.class)
            .description("fixed decimals: N digits after the point instead of significant digits").build();

    /** Significant digits for the picture ({@code render --digits}, {@code slides --digits}); grad's --digits is its table's. */
    Integer digits;

    /** The help text of render's and slides' {@code --digits}. */
    static final String DIGITS_HELP = "significant digits of every number (default: 4, so 0.000438568 shows as 0.0004386)";

    private final OptionSpec noGrads = flag("--no-grads", "draw values only");

    private final OptionSpec topToBottom = flag("--tb", "lay the graph out top to bottom instead of left to right");

    private final OptionSpec theme = OptionSpec.builder("--theme").paramLabel("THEME").type(String.class)
            .description("light (default), dark, print or cs231n").build();

    private final OptionSpec localDerivatives = flag("--local-derivatives", "write ∂out/∂in on each edge into an op");

    private final OptionSpec highlight = OptionSpec.builder("--highlight").splitRegex(",").paramLabel("NAMES")
            .type(List.class).auxiliaryTypes(String.class).description("nodes to highlight").build();

    private final OptionSpec highlightPath = OptionSpec.builder("--highlight-path").splitRegex(",").paramLabel("NAMES")
            .type(List.class).auxiliaryTypes(String.class)
            .description("highlight the way from the first to the last, through any nodes: w5,E or x,q,f").build();

    private final OptionSpec maxNodes = OptionSpec.builder("--max-nodes").paramLabel("N").type(Integer.class)
            .description("refuse graphs larger than this (default: 1000)").build();

    private final OptionSpec engine = OptionSpec.builder("--engine").paramLabel("ENGINE").type(String.class)
            .description("auto (default), native or embedded Graphviz").build();

    private final OptionSpec scale = OptionSpec.builder("--scale").paramLabel("S").type(Double.class)
            .description("PNG pixels per point (default: 2)").build();

    private final OptionSpec title = OptionSpec.builder("--title").paramLabel("TEXT").type(String.class)
            .description("a title above the graph").build();

    /** The options as a mixin, in the order the help lists them, for one command. */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        for (OptionSpec o : List.of(precision, noGrads, topToBottom, theme, localDerivatives, highlight, highlightPath,
                maxNodes, engine, scale, title)) {
            mixin.addOption(o);
        }
        return mixin;
    }

    /** {@code --max-nodes}, or null when not given. */
    Integer maxNodes() {
        return maxNodes.getValue();
    }

    /** The style these options describe. */
    GraphStyle build() {
        GraphStyle.Builder b = GraphStyle.builder();
        try {
            Integer precision = this.precision.getValue();
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
            b.showGrads(!isSet(noGrads));
            b.direction(isSet(topToBottom) ? Direction.TOP_TO_BOTTOM : Direction.LEFT_TO_RIGHT);
            String theme = this.theme.getValue();
            if (theme != null) {
                b.theme(Choice.choose("--theme", theme, Theme.values()));
            }
            b.localDerivatives(isSet(localDerivatives));
            List<String> highlight = list(this.highlight);
            if (!highlight.isEmpty()) {
                b.highlight(highlight.toArray(new String[0]));
            }
            List<String> highlightPath = list(this.highlightPath);
            if (!highlightPath.isEmpty()) {
                b.highlightPath(highlightPath.toArray(new String[0]));
            }
            if (maxNodes() != null) {
                b.maxNodes(maxNodes());
            }
            String engine = this.engine.getValue();
            if (engine != null) {
                b.engine(Choice.choose("--engine", engine, RenderEngine.values()));
            }
            Double scale = this.scale.getValue();
            if (scale != null) {
                b.scale(scale);
            }
            String title = this.title.getValue();
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
        String engine = this.engine.getValue();
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
