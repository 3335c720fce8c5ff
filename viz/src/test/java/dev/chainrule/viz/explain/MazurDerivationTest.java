package dev.chainrule.viz.explain;

import static dev.chainrule.viz.explain.Material.agrees;
import static dev.chainrule.viz.explain.Material.line;
import static dev.chainrule.viz.explain.Material.text;
import static dev.chainrule.viz.explain.Material.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Evaluation;
import dev.chainrule.engine.expr.Program;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tutorial 6 (material 003) derives ∂E_total/∂w5 and ∂E_total/∂w1 of Mazur's network line by
 * line; each of its lines is here, with the material's printed numbers, against ours.
 */
class MazurDerivationTest {
    private static final Evaluation EV = Program.parse(Networks.MAZUR).evaluate(Map.of());
    private static final Explainer EXPLAINER = Explainer.builder(EV.output()).learningRate(0.5).build();

    @Test
    void w5IsTheMaterialsChainOfThreeFactorsAndItsUpdate() {
        Derivation d = EXPLAINER.derive("w5");
        // ∂E_total/∂w5 = ∂E_total/∂out_o1 * ∂out_o1/∂net_o1 * ∂net_o1/∂w5
        assertEquals("∂E_total/∂w5 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5",
                text(line(d, Line.Kind.CHAIN, "∂E_total/∂w5")));
        // ∂E_total/∂out_o1 = −(target_o1 − out_o1) = −(0.01 − 0.75136507) = 0.74136507
        Line dOut = line(d, Line.Kind.LOCAL, "∂E_total/∂out_o1");
        assertEquals("∂E_total/∂out_o1 = −(0.01 − out_o1) = −(0.01 − 0.75136507) = 0.74136507", text(dOut));
        agrees("0.74136507", value(dOut), "∂E_total/∂out_o1");
        // ∂out_o1/∂net_o1 = out_o1(1 − out_o1) = 0.186815602
        Line dNet = line(d, Line.Kind.LOCAL, "∂out_o1/∂net_o1");
        assertEquals("∂out_o1/∂net_o1 = out_o1·(1 − out_o1) = 0.75136507·(1 − 0.75136507) = 0.186815602", text(dNet));
        agrees("0.186815602", value(dNet), "∂out_o1/∂net_o1");
        // ∂net_o1/∂w5 = out_h1 = 0.593269992
        Line dW = line(d, Line.Kind.LOCAL, "∂net_o1/∂w5");
        assertEquals("∂net_o1/∂w5 = out_h1 = 0.593269992", text(dW));
        // ∂E_total/∂w5 = 0.74136507 * 0.186815602 * 0.593269992 = 0.082167041
        Line product = line(d, Line.Kind.PRODUCT, "∂E_total/∂w5");
        assertTrue(text(product).startsWith("∂E_total/∂w5 = 0.74136507 · 0.186815602 · 0.593269992 = "), text(product));
        agrees("0.082167041", value(product), "∂E_total/∂w5");
        agrees("0.082167041", d.value(), "the derivation's value");
        // w5⁺ = w5 − η * ∂E_total/∂w5 = 0.4 − 0.5 * 0.082167041 = 0.35891648
        Line update = line(d, Line.Kind.UPDATE, "w5⁺");
        assertTrue(text(update).startsWith("w5⁺ = w5 − η · ∂E_total/∂w5 = 0.4 − 0.5 · 0.08216704"), text(update));
        agrees("0.35891648", value(update), "w5⁺");
        agrees("0.35891648", d.updated().orElseThrow(), "w5⁺");
        assertEquals(6, d.lines().size(), d.toString());
    }

    @Test
    void w1SumsOverTheTwoPathsThroughOutH1() {
        Derivation d = EXPLAINER.derive("w1");
        // ∂E_total/∂w1 = ∂E_total/∂out_h1 * ∂out_h1/∂net_h1 * ∂net_h1/∂w1
        assertEquals("∂E_total/∂w1 = ∂E_total/∂out_h1 · ∂out_h1/∂net_h1 · ∂net_h1/∂w1",
                text(line(d, Line.Kind.CHAIN, "∂E_total/∂w1")));
        // ∂E_total/∂out_h1 = ∂E_o1/∂out_h1 + ∂E_o2/∂out_h1: here one term per node out_h1 feeds
        assertEquals("∂E_total/∂out_h1 = δ_net_o1 · ∂net_o1/∂out_h1 + δ_net_o2 · ∂net_o2/∂out_h1   "
                + "(out_h1 feeds net_o1 and net_o2: the paths add)", text(line(d, Line.Kind.PATHS, "∂E_total/∂out_h1")));
        // ∂E_o1/∂net_o1 = ∂E_o1/∂out_o1 * ∂out_o1/∂net_o1 = 0.74136507 * 0.186815602 = 0.138498562
        assertEquals("δ_net_o1 = ∂E_total/∂net_o1 = ∂E_total/∂out_o1 · ∂out_o1/∂net_o1",
                text(line(d, Line.Kind.CHAIN, "δ_net_o1")));
        Line delta = line(d, Line.Kind.PRODUCT, "δ_net_o1");
        assertTrue(text(delta).startsWith("δ_net_o1 = 0.74136507 · 0.186815602 = "), text(delta));
        agrees("0.138498562", value(delta), "∂E_o1/∂net_o1 (δ_net_o1)");
        // ∂net_o1/∂out_h1 = w5 = 0.40
        Line w5 = line(d, Line.Kind.LOCAL, "∂net_o1/∂out_h1");
        assertEquals("∂net_o1/∂out_h1 = w5 = 0.4", text(w5));
        agrees("0.40", value(w5), "∂net_o1/∂out_h1");
        // ∂E_o1/∂out_h1 = 0.138498562 * 0.40 = 0.055399425
        Line viaO1 = line(d, Line.Kind.TERM, "δ_net_o1 · ∂net_o1/∂out_h1");
        assertTrue(text(viaO1).startsWith("δ_net_o1 · ∂net_o1/∂out_h1 = 0.138498562 · 0.4 = "), text(viaO1));
        agrees("0.055399425", value(viaO1), "∂E_o1/∂out_h1");
        // ∂E_o2/∂out_h1 = −0.019049119: the material multiplies δ_o2 after rounding it to
        // −0.038098237; unrounded the product is −0.0190491183, which rounds to −0.019049118.
        Line viaO2 = line(d, Line.Kind.TERM, "δ_net_o2 · ∂net_o2/∂out_h1");
        agrees("-0.019049118", value(viaO2), "∂E_o2/∂out_h1");
        double delta2 = value(line(d, Line.Kind.PRODUCT, "δ_net_o2"));
        agrees("-0.038098237", delta2, "δ_net_o2");
        BigDecimal materials = new BigDecimal("-0.038098237").multiply(new BigDecimal("0.5"));
        assertEquals(new BigDecimal("-0.019049119"), materials.setScale(9, RoundingMode.HALF_UP),
                "the material's −0.019049119 is its rounded δ_o2 times w7");
        // ∂E_total/∂out_h1 = 0.055399425 + −0.019049119 = 0.036350306
        Line sum = line(d, Line.Kind.SUM, "∂E_total/∂out_h1");
        assertTrue(text(sum).matches("∂E_total/∂out_h1 = 0\\.05539942\\d* \\+ \\(−0\\.01904911\\d*\\) = 0\\.03635030\\d*"),
                text(sum));
        agrees("0.036350306", value(sum), "∂E_total/∂out_h1");
        // ∂out_h1/∂net_h1 = out_h1(1 − out_h1) = 0.59326999(1 − 0.59326999) = 0.241300709
        Line dH = line(d, Line.Kind.LOCAL, "∂out_h1/∂net_h1");
        assertEquals("∂out_h1/∂net_h1 = out_h1·(1 − out_h1) = 0.593269992·(1 − 0.593269992) = 0.241300709", text(dH));
        // ∂net_h1/∂w1 = i1 = 0.05
        assertEquals("∂net_h1/∂w1 = i1 = 0.05", text(line(d, Line.Kind.LOCAL, "∂net_h1/∂w1")));
        // ∂E_total/∂w1 = 0.036350306 * 0.241300709 * 0.05 = 0.000438568
        Line product = line(d, Line.Kind.PRODUCT, "∂E_total/∂w1");
        assertTrue(text(product).matches("∂E_total/∂w1 = 0\\.03635030\\d* · 0\\.241300709 · 0\\.05 = 0\\.000438567\\d*"),
                text(product));
        agrees("0.000438568", d.value(), "∂E_total/∂w1");
        // w1⁺ = w1 − η * ∂E_total/∂w1 = 0.15 − 0.5 * 0.000438568 = 0.149780716
        agrees("0.149780716", d.updated().orElseThrow(), "w1⁺");
        agrees("0.149780716", value(line(d, Line.Kind.UPDATE, "w1⁺")), "w1⁺");
    }

    @Test
    void everyGradientIsTheEnginesBackwardPass() {
        Evaluation ev = Program.parse(Networks.MAZUR).evaluate(Map.of());
        ev.output().backward();
        for (String w : List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "out_h1", "net_o2")) {
            Value v = ev.node(w);
            double ours = EXPLAINER.derive(w).value();
            assertEquals(v.grad(), ours, 1e-15 * Math.abs(v.grad()), w);
        }
    }

    @Test
    void allParametersComeOutputLayerFirstAndLaterOnesReferBack() {
        List<Derivation> all = EXPLAINER.deriveAll(List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"));
        assertEquals(List.of("w5", "w6", "w7", "w8", "w1", "w2", "w3", "w4"), all.stream().map(Derivation::wrt).toList());
        // w6 reuses w5's factors; w2 reuses w1's sum over paths.
        assertEquals("∂E_total/∂out_o1 = 0.74136507   (as above)",
                text(line(all.get(1), Line.Kind.ABOVE, "∂E_total/∂out_o1")));
        assertTrue(text(line(all.get(5), Line.Kind.ABOVE, "∂E_total/∂out_h1")).endsWith("(derived above)"));
        // The material's other updates: w6⁺ = 0.408666186, w7⁺ = 0.511301270, w8⁺ = 0.561370121.
        agrees("0.408666186", all.get(1).updated().orElseThrow(), "w6⁺");
        agrees("0.511301270", all.get(2).updated().orElseThrow(), "w7⁺");
        agrees("0.561370121", all.get(3).updated().orElseThrow(), "w8⁺");
    }

    @Test
    void aNameThatIsNotInTheGraphHasNoUpdateRatherThanNaN() {
        Derivation d = EXPLAINER.derive("w99");
        assertEquals(0, d.value());
        assertTrue(d.updated().isEmpty(), "no value to update: " + d.updated());
        assertTrue(text(d.lines().get(0)).contains("does not depend on w99"), text(d.lines().get(0)));
        assertEquals(0.35891648, EXPLAINER.derive("w5").updated().orElseThrow(), 5e-9, "a known name still updates");
    }
}
