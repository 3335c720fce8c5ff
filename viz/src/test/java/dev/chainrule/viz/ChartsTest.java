package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void activationCurvesAndDerivativesComeFromTheEngine() {
        double[][] s = Charts.activationCurve(Value::sigmoid);
        assertEquals(401, s[0].length);
        assertEquals(0.0, s[0][200]);
        assertEquals(0.5, s[1][200], 1e-15);
        assertEquals(0.25, s[2][200], 1e-15);
        assertEquals(-5.0, s[0][0]);
        assertEquals(5.0, s[0][400]);
        double[][] t = Charts.activationCurve(Value::tanh);
        assertEquals(1.0, t[2][200], 1e-15);
        double[][] r = Charts.activationCurve(Value::relu);
        assertEquals(0.0, r[2][200], "relu'(0) is 0, the engine's convention");
        assertEquals(1.0, r[2][240]);
        double[][] gauss = Charts.activationCurve(Value::gaussian);
        assertEquals(Math.exp(-1), gauss[1][240], 1e-15);
        assertEquals(-2 * Math.exp(-1), gauss[2][240], 1e-15);
    }

    @Test
    void theCourseGridIsTwoByTwoAndPngsHaveTheChartSize() throws IOException {
        Chart grid = Charts.activations();
        assertEquals(1200, grid.width());
        assertEquals(840, grid.height());
        BufferedImage one = decode(grid.png());
        assertEquals(1200, one.getWidth());
        assertEquals(840, one.getHeight());
        BufferedImage two = decode(grid.png(2));
        assertEquals(2400, two.getWidth());
        assertEquals(1680, two.getHeight());
        List<String> texts = SvgTexts.all(grid.svg());
        for (String title : new String[] {"sigmoid σ(x)", "tanh(x)", "ReLU(x)", "Gaussian exp(−x²)"}) {
            assertTrue(texts.contains(title), title + " in " + texts);
        }
        assertTrue(texts.contains("f′(x)"));
    }

    @Test
    void anyActivationCanBeDrawnByNameOrAsAFunction() {
        assertEquals(List.of("sigmoid", "tanh", "relu", "gaussian", "leaky_relu", "softplus", "elu", "gelu", "silu",
                "step", "sign", "bipolar_step", "softsign", "identity"), Charts.activationNames());
        assertTrue(SvgTexts.all(Charts.activation("gelu").svg()).contains("GELU (tanh form)"));
        assertTrue(SvgTexts.all(Charts.activation("swish", v -> v.mul(v.sigmoid())).svg()).contains("swish"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.activation("softmax"));
        assertTrue(e.getMessage().startsWith("unknown activation 'softmax'; known: sigmoid, tanh, relu"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.activation("log", Value::log));
        assertTrue(e.getMessage().contains("a chart needs finite values on [-5, 5]"), e.getMessage());
    }

    @Test
    void historyDrawsLossAndAccuracyAndRefusesWhatItCannotShow(@TempDir Path dir) throws IOException {
        Chart both = Charts.history(List.of(2.0, 1.0, 0.5), List.of(0.5, 0.75, 1.0));
        assertEquals(1280, both.width());
        List<String> texts = SvgTexts.all(both.svg());
        assertTrue(texts.contains("Training loss") && texts.contains("Accuracy"), texts.toString());
        assertEquals(800, Charts.history(new double[] {3, 2, 1}, null).width());
        Path png = Charts.history(new double[] {3, 2, 1}, null).write(dir.resolve("h/loss.png"));
        assertEquals(1600, decode(Files.readAllBytes(png)).getWidth(), ".png files are written at scale 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.history(new double[] {1, Double.NaN}, null));
        assertEquals("history: loss[1] is NaN; a chart cannot show it (did training diverge?)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.history(new double[0], null));
        assertEquals("history: loss is empty", e.getMessage());
    }

    @Test
    void decisionBoundariesShadeThePlaneByPredictedClass() {
        double[][] points = {{-1, 0}, {-2, 1}, {1, 0}, {2, -1}, {0.5, 3}};
        int[] labels = {0, 0, 1, 1, 0};
        DecisionPlot plot = new DecisionPlot(points, labels, (a, b) -> a > 0 ? 1 : 0);
        assertEquals(0.8, plot.accuracy(), 1e-12, "the point (0.5, 3) is on the wrong side");
        int[][] cells = plot.cells();
        assertEquals(0, cells[0][0]);
        assertEquals(1, cells[0][DecisionPlot.GRID - 1]);
        Chart chart = Charts.decisionBoundary((a, b) -> a, 0.0, points, labels);
        assertTrue(SvgTexts.all(chart.svg()).contains("Decision boundary (accuracy 80.0%)"));
        assertTrue(SvgTexts.all(chart.svg()).contains("class 1"));
    }

    @Test
    void decisionBoundaryInputsAreChecked() {
        double[][] points = {{0, 0}, {1, 1}, {2, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Charts.decisionBoundary((a, b) -> a, 0, points, new int[] {0, 1}));
        assertEquals("decision boundary: 3 points but 2 labels", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.decisionBoundary((a, b) -> a, 0, points, new int[] {0, 1, 2}));
        assertTrue(e.getMessage().contains("at most 2 labels, got 3; use decisionRegions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Charts.decisionRegions((a, b) -> 0, new double[][] {{0, 0}, {1}}, new int[] {0, 1}));
        assertEquals("decision boundary: point 1 must have 2 coordinates, has 1", e.getMessage());
        Chart three = Charts.decisionRegions((a, b) -> a < 0.5 ? 0 : a < 1.5 ? 1 : 2, points, new int[] {0, 1, 2});
        assertTrue(SvgTexts.all(three.svg()).contains("Decision boundary (accuracy 100.0%)"));
    }

    @Test
    void chartsAreDeterministicAndWriteEveryFormat(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        double[][] points = new double[40][2];
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            points[i][0] = r.nextGaussian();
            points[i][1] = r.nextGaussian();
            labels[i] = points[i][0] + points[i][1] > 0 ? 1 : -1;
        }
        Chart a = Charts.decisionBoundary((x, y) -> x + y, 0, points, labels);
        Chart b = Charts.decisionBoundary((x, y) -> x + y, 0, points, labels);
        assertEquals(a.svg(), b.svg());
        assertArrayEquals(a.png(), b.png());
        Path svg = a.write(dir.resolve("db.svg"));
        assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<svg"));
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(a.write(dir.resolve("db.pdf"))))) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(a.width(), doc.getPage(0).getMediaBox().getWidth(), 0.01);
        }
        assertThrows(IllegalArgumentException.class, () -> a.write(dir.resolve("db.dot")));
    }
}
