package dev.chainrule.viz.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three writers, on the material's networks and on hostile names. */
class WritersTest {
    private static final Explainer MAZUR = Explainer.builder(Networks.output(Networks.MAZUR)).learningRate(0.5).build();
    private static final List<String> WEIGHTS = List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8");

    @Test
    void latexIsAFragmentInTheMaterialsNotation() {
        String tex = DerivationWriter.latex(9).write(List.of(MAZUR.derive("w5")));
        assertTrue(tex.contains("\\[ \\frac{\\partial E_{total}}{\\partial w_{5}} = \\frac{\\partial E_{total}}"
                + "{\\partial out_{o1}} \\cdot \\frac{\\partial out_{o1}}{\\partial net_{o1}} \\cdot "
                + "\\frac{\\partial net_{o1}}{\\partial w_{5}} \\]"), tex);
        assertTrue(tex.contains("\\[ \\qquad \\frac{\\partial E_{total}}{\\partial out_{o1}} = -(0.01 - out_{o1}) = "
                + "-(0.01 - 0.75136507) = 0.74136507 \\]"), tex);
        assertTrue(tex.contains("{w_{5}}^{+} = w_{5} - {\\eta} \\cdot \\frac{\\partial E_{total}}{\\partial w_{5}}"), tex);
        assertEquals(List.of(), LatexSyntax.problems(tex));
        assertEquals(List.of(), LatexSyntax.problems(DerivationWriter.latex(9).write(MAZUR.deriveAll(WEIGHTS))));
    }

    @Test
    void theLatexCheckerCatchesWhatWouldNotCompile() {
        assertFalse(LatexSyntax.problems("\\[ \\frac{a} \\]").isEmpty(), "\\frac with one group");
        assertFalse(LatexSyntax.problems("\\[ {a \\]").isEmpty(), "unbalanced");
        assertFalse(LatexSyntax.problems("\\[ a_b_c \\]").isEmpty(), "double subscript");
        assertFalse(LatexSyntax.problems("\\[ \\alpah \\]").isEmpty(), "unknown command");
        assertFalse(LatexSyntax.problems("\\[ \\mbox{a_b} \\]").isEmpty(), "unescaped _ in text");
        assertFalse(LatexSyntax.problems("\\[ ∂ \\]").isEmpty(), "Unicode in math");
        assertFalse(LatexSyntax.problems("a = b").isEmpty(), "not in a display");
        assertEquals(List.of(), LatexSyntax.problems("% a comment\n\\[ \\frac{\\partial a_{b}}{c} = x^{2}_{1} \\]"));
    }

    @Test
    void markdownEscapesNamesAndNestsParts() {
        String md = DerivationWriter.markdown(9).write(List.of(MAZUR.derive("w1")));
        assertTrue(md.startsWith("### ∂E\\_total/∂w1\n\n- ∂E\\_total/∂w1 = ∂E\\_total/∂out\\_h1 · "), md);
        assertTrue(md.contains("\n  - ∂E\\_total/∂out\\_h1 = δ\\_net\\_o1 · ∂net\\_o1/∂out\\_h1 + "), md);
        assertTrue(md.contains("\n    - δ\\_net\\_o1 = ∂E\\_total/∂net\\_o1 = "), md);
        assertFalse(md.replace("\\_", "").contains("_"), "every underscore escaped");
    }

    @Test
    void asciiIsAsciiAndDigitsAreSignificantDigits() {
        String ascii = DerivationWriter.text(Notation.ASCII, 9).write(MAZUR.deriveAll(WEIGHTS));
        assertTrue(ascii.chars().allMatch(c -> c < 128), ascii);
        assertTrue(ascii.contains("dE_total/dw5 = dE_total/dout_o1 * dout_o1/dnet_o1 * dnet_o1/dw5\n"), ascii);
        assertTrue(ascii.contains("w5' = w5 - eta * dE_total/dw5 = 0.4 - 0.5 * 0.0821670406 = 0.35891648"), ascii);
        String four = DerivationWriter.text(Notation.UNICODE, 4).write(List.of(MAZUR.derive("w5")));
        assertTrue(four.contains("∂E_total/∂w5 = 0.7414 · 0.1868 · 0.5933 = 0.08217\n"), four);
        assertThrows(IllegalArgumentException.class, () -> DerivationWriter.text(Notation.UNICODE, 0));
        assertThrows(IllegalArgumentException.class, () -> DerivationWriter.text(Notation.UNICODE, 18));
        assertThrows(IllegalArgumentException.class, () -> DerivationWriter.text(Notation.LATEX, 9));
    }

    @Test
    void hostileNamesGiveReadableOutputInEveryFormat() {
        String longName = "layer_" + "x".repeat(300);
        String program = "α_β_γ = 0.5\nparam __w__ = 0.3\nnaïve_2 = 2\n中文 = 1.5\n" + longName + " = 0.1\n"
                + "y_ = α_β_γ * __w__ + naïve_2 * 中文\nΩmega_Ψ = sigmoid(y_) * " + longName + "\n";
        Value out = Program.parse(program).evaluate(Map.of()).output();
        Explainer ex = Explainer.builder(out).learningRate(0.1).build();
        List<Derivation> all = ex.deriveAll(List.of("__w__", "α_β_γ", "中文", longName));
        String text = DerivationWriter.text(Notation.UNICODE, 9).write(all);
        assertTrue(text.contains("∂Ωmega_Ψ/∂__w__ = ∂Ωmega_Ψ/∂y_ · ∂y_/∂__w__"), text);
        assertTrue(text.contains("∂y_/∂__w__ = α_β_γ = 0.5"), text);
        assertTrue(text.contains("∂y_/∂中文 = naïve_2 = 2"), text);
        String ascii = DerivationWriter.text(Notation.ASCII, 9).write(all);
        assertTrue(ascii.chars().allMatch(c -> c < 128), ascii);
        assertTrue(ascii.contains("dy_/d__w__ = alpha_beta_gamma = 0.5"), ascii);
        assertTrue(ascii.contains("dy_/d<U+4E2D><U+6587> = na<U+00EF>ve_2 = 2"), ascii);
        String tex = DerivationWriter.latex(9).write(all);
        assertEquals(List.of(), LatexSyntax.problems(tex), tex);
        assertTrue(tex.contains("{\\alpha}_{{\\beta}\\_{\\gamma}}"), tex);
        assertTrue(tex.contains("\\_\\_w\\_\\_"), tex);
        String md = DerivationWriter.markdown(9).write(all);
        assertFalse(md.replace("\\_", "").contains("_"), md);
        for (Derivation d : all) {
            assertTrue(Double.isFinite(d.value()), d.wrt());
        }
    }

    @Test
    void aNameTheOutputDoesNotUseGetsZeroAndSaysSo() {
        Value out = Program.parse("a = 1; unused = 2; y = a*3").evaluate(Map.of()).output();
        Derivation d = Explainer.of(out).derive("unused");
        assertEquals(0, d.value());
        assertEquals("∂y/∂unused = 0   (y does not depend on unused)", d.lines().get(0).toString());
        assertEquals("∂y/∂y = 1   (the output itself)", Explainer.of(out).derive("y").lines().get(0).toString());
    }
}
