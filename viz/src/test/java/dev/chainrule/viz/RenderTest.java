package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated("sets the chainrule.dot system property, which every render reads")
class RenderTest {
    private static final GraphStyle EMBEDDED = GraphStyle.builder().engine(RenderEngine.EMBEDDED).build();

    /** Runs {@code body} as if no native dot were installed. */
    private static void withoutNativeDot(Runnable body) {
        String old = System.getProperty("chainrule.dot");
        System.setProperty("chainrule.dot", "/nonexistent/chainrule-test/dot");
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty("chainrule.dot");
            } else {
                System.setProperty("chainrule.dot", old);
            }
        }
    }

    private static void assertChainRuleTexts(String svg) {
        Map<String, List<String>> nodes = SvgTexts.byNode(svg);
        assertEquals(List.of("x", "-2", "∂ -4"), nodes.get("v0"));
        assertEquals(List.of("y", "5", "∂ -4"), nodes.get("v1"));
        assertEquals(List.of("q", "3", "∂ -4"), nodes.get("v2"));
        assertEquals(List.of("z", "-4", "∂ 3"), nodes.get("v3"));
        assertEquals(List.of("f", "-12", "∂ 1"), nodes.get("v4"));
        assertEquals(List.of("+"), nodes.get("o2"));
        assertEquals(List.of("×"), nodes.get("o4"));
    }

    @Test
    void withNoNativeDotOnThePathAutoUsesTheEmbeddedEngine() {
        withoutNativeDot(() -> {
            assertEquals(RenderEngine.EMBEDDED, GraphRenderer.resolveEngine(RenderEngine.AUTO));
            assertChainRuleTexts(GraphRenderer.svg(Examples.chainRule(), GraphStyle.defaults()));
        });
    }

    @Test
    void theSvgShowsEveryValueAndGrad() {
        assertChainRuleTexts(GraphRenderer.svg(Examples.chainRule(), EMBEDDED));
    }

    @Test
    void tensorNodesShowTheirShapeAndSmallTensorsTheirNumbers() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).label("X");
        Tensor w = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}).label("W");
        Tensor v = Tensor.full(0.5, 2, 20).label("V");
        Tensor loss = x.matmul(w).label("h").matmul(v).sum().label("loss");
        loss.backward();
        Map<String, List<String>> nodes = SvgTexts.byNode(GraphRenderer.svg(loss, EMBEDDED.toBuilder().precision(1).build()));
        assertEquals(List.of("X", "[2, 3]", "data", "[1.0, 2.0, 3.0]", "[4.0, 5.0, 6.0]", "grad", "[10.0, 10.0, 20.0]",
                "[10.0, 10.0, 20.0]"), nodes.get("v0"));
        assertEquals(List.of("h", "[2, 2]", "data", "[4.0, 5.0]", "[10.0, 11.0]", "grad", "[10.0, 10.0]", "[10.0, 10.0]"),
                nodes.get("v2"));
        assertEquals(List.of("V", "[2, 20]", "data", "40 values", "mean 0.5", "min 0.5, max 0.5", "grad", "40 values",
                "mean 15.0", "min 14.0, max 16.0"), nodes.get("v3"));
        assertEquals(List.of("@"), nodes.get("o2"));
    }

    @Test
    void mazursNetworkFitsFourThousandPixelsAtTheDefaultScale() {
        // 8,906 px wide when each record was name | data | grad side by side; stacked, with literal
        // constants and narrower rank gaps, the 27 ranks of the 2-2-2 network fit a slide's width.
        List<GraphStyle> styles = new java.util.ArrayList<>(List.of(EMBEDDED));
        if (GraphRenderer.nativeDotAvailable()) {
            styles.add(EMBEDDED.toBuilder().engine(RenderEngine.NATIVE).build());
        }
        for (GraphStyle style : styles) {
            double[] size = SvgConverter.size(GraphRenderer.svg(Examples.mazur(), style));
            double width = size[0] * GraphStyle.defaults().scale();
            assertTrue(width <= 4000 && width > 3000, style.engine() + ": " + width + " px wide");
            assertTrue(size[1] * GraphStyle.defaults().scale() < width / 2, style.engine() + ": " + size[1] + " pt high");
        }
    }

    @Test
    void thePngDecodesToTheSvgSizeTimesTheScale() throws IOException {
        GraphStyle style = EMBEDDED.toBuilder().scale(1.5).build();
        double[] size = SvgConverter.size(GraphRenderer.svg(Examples.chainRule(), style));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(GraphRenderer.png(Examples.chainRule(), style)));
        assertEquals((int) Math.ceil(size[0] * 1.5), png.getWidth());
        assertEquals((int) Math.ceil(size[1] * 1.5), png.getHeight());
        assertTrue(png.getWidth() > 400 && png.getHeight() > 250, png.getWidth() + "x" + png.getHeight());
        // The background is the theme's white, and the record of x is filled with its leaf blue.
        assertEquals(0xffffff, png.getRGB(2, 2) & 0xffffff);
        int[] inside = pixelInsideRecord(GraphRenderer.svg(Examples.chainRule(), style), "v0", png);
        assertEquals(0xdbeafe, png.getRGB(inside[0], inside[1]) & 0xffffff,
                "x's record at pixel " + inside[0] + "," + inside[1]);
        // ... and the output f with its green: the fill follows the node, not one colour for all.
        int[] output = pixelInsideRecord(GraphRenderer.svg(Examples.chainRule(), style), "v4", png);
        assertEquals(0xdcfce7, png.getRGB(output[0], output[1]) & 0xffffff,
                "f's record at pixel " + output[0] + "," + output[1]);
    }

    /**
     * A pixel of {@code png} inside the record of node {@code id}, 3 points right of its left edge
     * and halfway down, where no text or border is drawn: read from the node's polygon in the SVG
     * and the graph's translate, scaled from SVG points to PNG pixels.
     */
    private static int[] pixelInsideRecord(String svg, String id, BufferedImage png) {
        org.w3c.dom.Document doc = SvgTexts.parse(svg);
        org.w3c.dom.Element root = doc.getDocumentElement();
        String[] viewBox = root.getAttribute("viewBox").trim().split("\\s+");
        double ptWidth = Double.parseDouble(viewBox[2]);
        double tx = 0;
        double ty = 0;
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("translate\\(([-\\d.]+)[ ,]+([-\\d.]+)\\)")
                .matcher(((org.w3c.dom.Element) doc.getElementsByTagName("g").item(0)).getAttribute("transform"));
        if (t.find()) {
            tx = Double.parseDouble(t.group(1));
            ty = Double.parseDouble(t.group(2));
        }
        org.w3c.dom.NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            org.w3c.dom.Element g = (org.w3c.dom.Element) groups.item(i);
            if (!"node".equals(g.getAttribute("class"))
                    || !id.equals(g.getElementsByTagName("title").item(0).getTextContent())) {
                continue;
            }
            // The record's outline polygon; a rounded leaf's outline is a path, and its polygons are
            // only the rules between its rows: then 3 points below the first rule.
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            org.w3c.dom.NodeList polygons = g.getElementsByTagName("polygon");
            for (int k = 0; k < polygons.getLength() && !(maxY - minY > 1); k++) {
                minX = Double.POSITIVE_INFINITY;
                minY = Double.POSITIVE_INFINITY;
                maxY = Double.NEGATIVE_INFINITY;
                for (String point : ((org.w3c.dom.Element) polygons.item(k)).getAttribute("points").trim().split("\\s+")) {
                    String[] xy = point.split(",");
                    minX = Math.min(minX, Double.parseDouble(xy[0]));
                    minY = Math.min(minY, Double.parseDouble(xy[1]));
                    maxY = Math.max(maxY, Double.parseDouble(xy[1]));
                }
                if (maxY - minY <= 1 && k == 0) {
                    minY += 3;
                    maxY += 3;
                    break;
                }
            }
            double pixelsPerPoint = png.getWidth() / ptWidth;
            return new int[] {(int) Math.round((minX + 3 + tx) * pixelsPerPoint),
                    (int) Math.round(((minY + maxY) / 2 + ty) * pixelsPerPoint)};
        }
        throw new AssertionError("no node " + id + " in\n" + svg);
    }

    @Test
    void withoutNativeDotThePdfIsDrawnInJava() throws IOException {
        double[] size = SvgConverter.size(GraphRenderer.svg(Examples.chainRule(), EMBEDDED));
        byte[] pdf = GraphRenderer.pdf(Examples.chainRule(), EMBEDDED);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(size[0], doc.getPage(0).getMediaBox().getWidth(), 0.5);
            assertEquals(size[1], doc.getPage(0).getMediaBox().getHeight(), 0.5);
        }
    }

    @Test
    void theNativeDotGivesTheSameTextsAndMakesPdf() throws IOException {
        Installed.require(GraphRenderer.nativeDotAvailable(), "the native Graphviz dot");
        GraphStyle style = GraphStyle.builder().engine(RenderEngine.NATIVE).build();
        assertChainRuleTexts(GraphRenderer.svg(Examples.chainRule(), style));
        byte[] pdf = GraphRenderer.pdf(Examples.chainRule(), style);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
        }
    }

    @Test
    void askingForNativeDotWhenThereIsNoneSaysHowToInstallIt() {
        withoutNativeDot(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GraphRenderer.svg(
                    Examples.chainRule(), GraphStyle.builder().engine(RenderEngine.NATIVE).build()));
            assertTrue(e.getMessage().contains("install Graphviz"), e.getMessage());
            assertTrue(e.getMessage().contains("graphviz"), e.getMessage());
        });
    }

    @Test
    void graphsAboveTheNodeLimitAreRefusedWithTheCountAndHowToRaiseIt() {
        Value v = Value.of(1, "a");
        for (int i = 0; i < 15; i++) {
            v = v.mul(1.01);
        }
        Value big = v;
        GraphStyle style = EMBEDDED.toBuilder().maxNodes(20).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphRenderer.svg(big, style));
        assertTrue(e.getMessage().startsWith("the graph has 31 nodes, more than the rendering limit of 20;"), e.getMessage());
        assertTrue(e.getMessage().contains("maxNodes(31)"), e.getMessage());
        assertTrue(GraphRenderer.dot(big, style).startsWith("digraph"), "DOT has no limit");
    }

    @Test
    void renderPicksTheFormatFromTheFileNameAndCreatesFolders(@TempDir Path dir) throws IOException {
        Value f = Examples.chainRule();
        Path dot = GraphRenderer.render(f, EMBEDDED, dir.resolve("a/b/f.dot"));
        assertEquals(GraphRenderer.dot(f), Files.readString(dot));
        Path svg = GraphRenderer.render(f, EMBEDDED, dir.resolve("f.svg"));
        assertTrue(Files.readString(svg).contains("<svg"));
        Path png = GraphRenderer.render(f, EMBEDDED, dir.resolve("f.PNG"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(png), 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphRenderer.render(f, EMBEDDED, dir.resolve("f.jpg")));
        assertTrue(e.getMessage().contains("unknown extension 'jpg'"), e.getMessage());
    }

    @Test
    void emptyAndBlankTitlesAndLabelsRenderWithEitherEngine() {
        List<RenderEngine> engines = GraphRenderer.nativeDotAvailable()
                ? List.of(RenderEngine.EMBEDDED, RenderEngine.NATIVE) : List.of(RenderEngine.EMBEDDED);
        for (RenderEngine engine : engines) {
            for (String text : new String[] {"", " ", "   "}) {
                Value a = Value.of(2, text);
                Value f = a.mul(Value.of(3, "b")).label(text);
                f.backward();
                GraphStyle style = GraphStyle.builder().engine(engine).title(text).build();
                String svg = GraphRenderer.svg(f, style);
                Map<String, List<String>> nodes = SvgTexts.byNode(svg);
                assertTrue(nodes.get("v0").contains("2"), engine + " '" + text + "': " + nodes.get("v0"));
                assertTrue(nodes.get("v2").contains("∂ 1"), engine + " '" + text + "': " + nodes.get("v2"));
                assertTrue(SlideDeck.of(f, style).slides().size() > 1, engine + " '" + text + "'");
            }
        }
    }
}
