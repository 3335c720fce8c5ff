package dev.chainrule.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random graphs: seeded, bounded, sharing sub-expressions, with points inside every domain. */
class ExprGeneratorTest {

    @Test
    void theSameSeedGivesTheSameExpressionsAndPoints() {
        ExprGenerator g = ExprGenerator.over(3);
        Random a = new Random(99);
        Random b = new Random(99);
        for (int i = 0; i < 50; i++) {
            Expr ea = g.next(a);
            Expr eb = g.next(b);
            assertEquals(ea.toString(), eb.toString());
            assertEquals(java.util.Arrays.toString(g.pointFor(ea, a)), java.util.Arrays.toString(g.pointFor(eb, b)));
        }
    }

    @Test
    void depthAndSizeStayWithinTheirBoundsAndSubexpressionsAreReused() {
        ExprGenerator g = ExprGenerator.over(3).maxDepth(4).maxSize(10);
        Random r = new Random(5);
        int shared = 0;
        int selfPairs = 0;
        int maxSize = 0;
        for (int i = 0; i < 1000; i++) {
            Expr e = g.next(r);
            assertTrue(e.depth() <= 4, e::toString);
            assertTrue(e.size() <= 10, e::toString);
            maxSize = Math.max(maxSize, e.size());
            Map<Expr, Integer> uses = new IdentityHashMap<>();
            for (Expr n : e.nodes()) {
                List<Expr> args = n.arguments();
                for (Expr a : args) {
                    uses.merge(a, 1, Integer::sum);
                }
                if (args.size() == 2 && args.get(0) == args.get(1) && args.get(0).operator() != null) {
                    selfPairs++;
                }
            }
            for (Map.Entry<Expr, Integer> u : uses.entrySet()) {
                if (u.getKey().operator() != null && u.getValue() > 1) {
                    shared++;
                    break;
                }
            }
        }
        assertEquals(10, maxSize);
        assertTrue(shared > 100, "expressions with a shared operator node: " + shared);
        assertTrue(selfPairs > 10, "a op a: " + selfPairs);
    }

    @Test
    void pointsAreInsideEveryDomainAndAwayFromKinks() {
        List<Operator> ops = List.of(Operator.builtin("log"), Operator.builtin("sqrt"), Operator.builtin("relu"),
                Operator.builtin("-"), Operator.builtin("max"));
        ExprGenerator g = ExprGenerator.over(2).operators(ops);
        Random r = new Random(11);
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            Expr e = g.next(r);
            double[] x = g.pointFor(e, r);
            if (x != null) {
                checked++;
                assertNull(Admissibility.problem(e, x, false), e + " at " + java.util.Arrays.toString(x));
            }
        }
        // log and sqrt of a difference often have no admissible point at all; most have one.
        assertTrue(checked >= 300, "expressions with an admissible point: " + checked + " of 500");
        Expr logOfNegative = Expr.apply(Operator.builtin("log"), Expr.apply(Operator.builtin("neg"),
                Expr.apply(Operator.builtin("^2"), Expr.input(0))));
        assertNull(g.pointFor(logOfNegative, r), "log(-(x^2)) has no admissible point");
        assertEquals("log is undefined at [-4.0]", Admissibility.problem(logOfNegative, new double[] {2}, false));
    }

    @Test
    void kinksCanBeAskedFor() {
        ExprGenerator g = ExprGenerator.over(2).operators(List.of(Operator.builtin("relu"))).allowKinks(true);
        Random r = new Random(3);
        int atZero = 0;
        for (int i = 0; i < 200; i++) {
            Expr e = g.next(r);
            double[] x = g.pointFor(e, r);
            assertNotNull(x);
            for (double v : x) {
                atZero += v == 0 ? 1 : 0;
            }
        }
        assertTrue(atZero > 20, "coordinates exactly at the kink: " + atZero);
    }

    @Test
    void aFeaturedOperatorIsInEveryExpression() {
        Operator square = Operator.unary("square", v -> v.mul(v));
        ExprGenerator g = ExprGenerator.over(2).featuring(square);
        Random r = new Random(1);
        for (int i = 0; i < 200; i++) {
            assertTrue(g.next(r).toString().contains("square("));
        }
    }
}
