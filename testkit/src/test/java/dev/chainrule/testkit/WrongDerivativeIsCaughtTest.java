package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.CustomOp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A custom op with a deliberately wrong derivative is caught inside random graphs, shrunk and reported. */
class WrongDerivativeIsCaughtTest {

    /** x³ with the derivative 3x instead of 3x². The seed pins one random trajectory over the built-in ops (it moved when softsign joined them). */
    private static final CustomOp CUBE = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x);

    @Test
    void theFailureIsShrunkToTheOpAloneAndReportedWithSeedPointAndBothGradients(@TempDir Path dir) throws Exception {
        ExprGenerator graphs = ExprGenerator.over(3).maxDepth(5).maxSize(14).featuring(Operator.of(CUBE));
        GradientAssertionError error = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().seed(20261126L).reportDirectory(dir)
                        .assertGradientsMatch(graphs));
        GradientReport r = error.report();

        assertEquals("f = cube(x)", r.expression().toString());
        assertTrue(r.original().size() > r.expression().size(), () -> "shrunk from " + r.original());
        double x = r.point()[0];
        assertEquals(2.0, x, "the point is simplified to a short number where 3x != 3x²");
        assertEquals(3 * x, r.worst().analytic(), 1e-12);
        assertEquals(3 * x * x, r.worst().numerical(), 1e-6);
        assertEquals(20261126L, r.seed());

        String text = error.getMessage();
        assertTrue(text.contains("seed 20261126"), text);
        assertTrue(text.contains("replay: -Dchainrule.seed=" + r.caseSeed()), text);
        assertTrue(text.contains("f = cube(x)\nat x = 2\n"), text);
        assertTrue(text.contains("worst: x: analytic 6.0, numerical 12.0000000"), text);
        assertEquals(1, r.check().entries().size(), "only the inputs the expression uses are listed");
        assertTrue(text.contains("original expression:"), text);
        assertEquals(12.0, (double) error.getExpected().getValue(), 1e-6);
        assertEquals(6.0, (double) error.getActual().getValue(), 1e-12);

        Path dot = r.dotFile().orElseThrow();
        String graph = Files.readString(dot);
        assertTrue(graph.startsWith("digraph failure {"), graph);
        assertTrue(graph.contains("label=\"cube\""), graph);
        assertTrue(graph.contains("{x | data 2 | grad 6}"), graph);

        // viz is on the test classpath, so the graph is rendered as SVG too.
        Path svg = r.svgFile().orElseThrow(() -> new AssertionError("no SVG: " + text));
        String drawn = Files.readString(svg);
        assertTrue(drawn.contains("<svg"), drawn);
        assertTrue(drawn.contains("cube"), drawn);
        assertTrue(text.contains("graph: " + dot + " and " + svg), text);
    }

    @Test
    void replayingTheCaseSeedFailsAtTheFirstCaseWithTheSameExpression() {
        ExprGenerator graphs = ExprGenerator.over(3).featuring(Operator.of(CUBE));
        GradientReport first = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().seed(7).reportDirectory(null).assertGradientsMatch(graphs))
                .report();
        GradientReport replay = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().seed(first.caseSeed()).reportDirectory(null)
                        .assertGradientsMatch(graphs)).report();
        assertEquals(0, replay.caseIndex());
        assertEquals(first.original().toString(), replay.original().toString());
        assertEquals(first.expression().toString(), replay.expression().toString());
    }

    @Test
    void theOpOnItsOwnFailsAtItsFirstCase() {
        GradientReport r = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().reportDirectory(null).assertGradientsMatch(Operator.of(CUBE)))
                .report();
        assertEquals(0, r.caseIndex());
        assertEquals("f = cube(x)", r.expression().toString());
    }

    @Test
    void aCorrectCustomOpPassesInRandomGraphs() {
        CustomOp cube = CustomOp.unary("cube", x -> x * x * x, (x, y) -> 3 * x * x);
        // The README's example.
        assertEquals(1000, GradientProperties.assertGradientsMatch(Operator.of(cube)).cases());
        PropertySummary s = GradientProperties.assertGradientsMatch(ExprGenerator.over(3).featuring(Operator.of(cube)));
        assertEquals(1000, s.cases());
        assertEquals(0, s.secondOrderCases(), "a CustomOp has numeric derivatives only");
    }

    @Test
    void aUsersDerivativeOffByOneInAMillionFailsNamingTheOpThePointBothValuesAndTheErrorEstimate() {
        CustomOp almost = CustomOp.unary("almost_cube", x -> x * x * x, (x, y) -> 3 * x * x * (1 + 1e-6));
        GradientAssertionError e = assertThrows(GradientAssertionError.class,
                () -> GradientProperties.property().reportDirectory(null).assertGradientsMatch(Operator.of(almost)));
        GradientReport r = e.report();
        assertEquals("f = almost_cube(x)", r.expression().toString());
        double x = r.point()[0];
        assertEquals(3 * x * x * (1 + 1e-6), r.worst().analytic(), 1e-12 * Math.abs(r.worst().analytic()));
        assertEquals(3 * x * x, r.worst().numerical(), 1e-9 * Math.abs(r.worst().numerical()));
        assertTrue(r.worst().errorEstimate() < 1e-8 * Math.abs(r.worst().numerical()), r::toString);
        String text = e.getMessage();
        assertTrue(text.contains("f = almost_cube(x)\nat x = "), text);
        assertTrue(text.contains(", error estimate "), text);
        assertTrue(text.contains("rel. error 5.0"), text);   // 1e-6 / (2 + 1e-6), the symmetric relative error
    }
}
