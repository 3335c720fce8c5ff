package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random labels built from every character that means something to DOT, HTML or XML. */
class EscapingFuzzTest {
    private static final String[] PIECES = {
        "\"", "'", "<", ">", "{", "}", "|", "\\", "\n", "\r\n", "&", "&amp;", ";", "[", "]", "=", ",",
        "σ", "·", "∂", "é", "\uD83D\uDE00", "\\N", "\\G", "\\l", "\\n", "<BR/>", "]]>", "<!--", "-->",
        "label=<", "}\"];", "\u0007", "\t", "a", "w1", "x", " ", "  ", "#", "%", "$", "->", "--", "\u0000",
        "\uD800", "ab c",
    };
    private static final long SEED = 20261121L;

    private static String randomLabel(Random r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /** The text lines Graphviz draws for a label: blank lines are not drawn. */
    private static List<String> expectedLines(String label) {
        List<String> lines = new ArrayList<>();
        for (String l : DotText.shown(label).split("\n", -1)) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void noLabelCanBreakOutOfItsDotLabel() {
        Random r = new Random(SEED);
        for (int i = 0; i < 3000; i++) {
            String label = randomLabel(r);
            String html = DotText.html(label);
            String why = "seed " + SEED + " case " + i + ": " + label;
            String withoutBreaks = html.replace("<BR/>", "");
            assertFalse(withoutBreaks.contains("<") || withoutBreaks.contains(">"), why);
            assertFalse(html.contains("\"") || html.contains("\\") || html.contains("\n") || html.contains("\r"), why);
            // Every & starts an entity we wrote.
            assertFalse(html.replaceAll("&(amp|lt|gt|quot|#39|#91|#92|#93);", "").contains("&"), why);
            String dot = GraphRenderer.dot(Value.of(1, label).mul(Value.of(2, label)).label(label));
            assertEquals(12, dot.split("\n").length, why + "\n" + dot);
        }
    }

    @Test
    void everyLabelRendersLiterallyWithTheEmbeddedEngine() {
        rendersLiterally(RenderEngine.EMBEDDED);
    }

    @Test
    void everyLabelRendersLiterallyWithTheNativeDot() {
        Installed.require(GraphRenderer.nativeDotAvailable(), "the native Graphviz dot");
        rendersLiterally(RenderEngine.NATIVE);
    }

    private static void rendersLiterally(RenderEngine engine) {
        Random r = new Random(SEED + 1);
        GraphStyle style = GraphStyle.builder().engine(engine).build();
        for (int g = 0; g < 5; g++) {
            List<Value> leaves = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String label = randomLabel(r);
                labels.add(label);
                leaves.add(Value.of(i, label));
            }
            Value sum = Value.sum(leaves).label("total");
            Map<String, List<String>> nodes = SvgTexts.byNode(GraphRenderer.svg(sum, style));
            for (int i = 0; i < 8; i++) {
                List<String> texts = nodes.get("v" + i);
                String why = engine + " seed " + (SEED + 1) + " graph " + g + " label " + i + ": " + labels.get(i);
                assertTrue(texts != null && texts.size() >= 2, why + " " + nodes);
                assertEquals(String.valueOf(i), texts.get(texts.size() - 2), why);
                // Graphviz keeps runs of spaces by writing the second and later as no-break spaces.
                List<String> shown = texts.subList(0, texts.size() - 2).stream()
                        .map(t -> t.replace('\u00a0', ' ')).toList();
                assertEquals(expectedLines(labels.get(i)), shown, why);
            }
        }
    }
}
