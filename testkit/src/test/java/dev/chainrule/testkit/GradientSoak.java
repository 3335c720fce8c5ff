package dev.chainrule.testkit;

import dev.chainrule.engine.Tensor;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The soak run behind the test kit's claim of no false alarms (not part of CI; run it with
 * {@code testkit/soak [SEEDS]}): every built-in scalar op, random graphs (smooth and at kinks),
 * and every tensor op of {@link TensorGradientPropertiesTest}, each at SEEDS seeds (default 2) of
 * 1,000 cases, on the unchanged engine. Any failure is a false alarm: it is printed in full and
 * counted, and the run goes on. Prints the cases checked, redrawn and excused, the false alarms
 * and the time.
 */
public final class GradientSoak {
    private static long checked;
    private static long redrawn;
    private static long excused;
    private static long kinks;
    private static int runs;
    private static int falseAlarms;

    private GradientSoak() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long t0 = System.nanoTime();
        for (int s = 0; s < seeds; s++) {
            long seed = 1_000_003L * (s + 1);
            for (Operator op : Operator.builtins()) {
                run("operator " + op.name(), seed, p -> p.assertGradientsMatch(op));
            }
            run("random graphs", seed,
                    p -> p.assertGradientsMatch(ExprGenerator.over(3).maxDepth(5).maxSize(14)));
            run("random graphs over 1 input", seed, p -> p.assertGradientsMatch(ExprGenerator.over(1)));
            List<Operator> kinked = List.of(Operator.builtin("relu"), Operator.builtin("abs"),
                    Operator.builtin("max"), Operator.builtin("min"), Operator.builtin("leaky_relu"),
                    Operator.builtin("+"), Operator.builtin("*"), Operator.builtin("neg"));
            run("random graphs at kinks", seed, p -> p.secondOrder(false)
                    .assertGradientsMatch(ExprGenerator.over(2).operators(kinked).allowKinks(true)));
            TensorGradientPropertiesTest.ops().forEach(a -> {
                Object[] o = a.get();
                @SuppressWarnings("unchecked")
                Function<Tensor[], Tensor> fn = (Function<Tensor[], Tensor>) o[1];
                run("tensor " + o[0], seed, p -> p.assertGradientsMatch(fn, (TensorInputs) o[2]));
            });
            soakTensorGraphs(seed);
            System.out.printf(Locale.ROOT, "after seed %d: %,d cases checked, %d false alarms, %.0f s%n", s + 1,
                    checked, falseAlarms, (System.nanoTime() - t0) / 1e9);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "soak: %d properties, %,d cases checked (%,d points redrawn, %,d excused at"
                + " inner kinks, %,d kinks), %d false alarms, %.0f s (%s, %d processors)%n", runs, checked, redrawn,
                excused, kinks, falseAlarms, seconds, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors());
        System.exit(falseAlarms == 0 ? 0 : 1);
    }

    /** Random tensor graphs, when the test kit has them. */
    private static void soakTensorGraphs(long seed) {
        run("random tensor graphs", seed, p -> p.assertGradientsMatch(TensorExprGenerator.defaults()));
    }

    private interface Property {
        PropertySummary check(PropertyCheck p);
    }

    private static void run(String name, long seed, Property property) {
        runs++;
        try {
            PropertySummary s = property.check(GradientProperties.property().seed(seed).reportDirectory(null));
            checked += s.cases();
            redrawn += s.redrawn();
            excused += s.excused();
            kinks += s.kinks();
        } catch (GradientAssertionError e) {
            falseAlarms++;
            checked += e.report().caseIndex();
            System.out.println("FALSE ALARM in " + name + ":\n" + e.getMessage());
        } catch (RuntimeException e) {
            falseAlarms++;
            System.out.println("ERROR in " + name + ": " + e);
        }
    }
}
