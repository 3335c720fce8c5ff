package dev.chainrule.cli;

import dev.chainrule.engine.Autograd;
import dev.chainrule.engine.gradcheck.GradCheck;
import dev.chainrule.engine.gradcheck.GradCheckEntry;
import dev.chainrule.engine.gradcheck.GradCheckResult;
import dev.chainrule.engine.Value;
import dev.chainrule.engine.expr.Program;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code chainrule gradcheck}: analytic against numerical gradients at random points. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Analytic against numerical gradients at random points.",
            "Checks the backward pass against central differences at N random points. Each input is "
                + "drawn uniformly within ±max(1, |value|) of its value (from the program or --at; 0 if it "
                + "has none); points where the program or its gradient is not finite (outside the domain of "
                + "log, sqrt, division ...) are drawn again. Prints the largest absolute and relative "
                + "errors and the worst point. Exit code 1 when a derivative disagrees."},
        footer = {"", "Examples:",
            "  chainrule gradcheck \"f = sigmoid(x·y) + log(x)\" --at x=1,y=2",
            "  chainrule gradcheck cli/src/test/resources/mazur.txt --trials 100 --seed 7"})
final class GradCheckCommand implements Callable<Integer> {
    private static final int ATTEMPTS = 1000;

    private final Io io;

    final ProgramOptions source = new ProgramOptions();

    /** PROGRAM, --at and --of, built in code (see ProgramOptions). */
    @Mixin
    final CommandSpec sourceOptions = source.mixin();

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20", description = "how many random points (default: 20)")
    int trials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the random seed (default: 1)")
    long seed;


    GradCheckCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (trials < 1) {
            throw new UserError("--trials must be at least 1, not " + trials);
        }
        Program p = source.load();
        String of = source.of();
        Computation.checkOf(p, of);
        List<String> inputs = p.inputs();
        if (inputs.isEmpty()) {
            throw new UserError("the program has no inputs to differentiate with respect to");
        }
        Map<String, Double> given = source.values();
        for (String name : given.keySet()) {
            if (!p.isInput(name)) {
                throw new UserError("--at " + name + ": " + (p.has(name) ? "'" + name + "' is computed, not an input"
                        : "the program has no input named '" + name + "'") + "; its inputs are " + Computation.list(inputs));
            }
        }
        double[] centre = new double[inputs.size()];
        for (int i = 0; i < centre.length; i++) {
            String name = inputs.get(i);
            Double v = given.containsKey(name) ? given.get(name) : p.defaults().get(name);
            centre[i] = v == null ? 0 : v;
        }
        Function<Value[], Value> f = p.asFunction(of);
        GradCheck checker = GradCheck.defaults().names(inputs.toArray(new String[0]));
        Random rng = new Random(seed);

        GradCheckResult worst = null;
        int worstTrial = -1;
        double maxAbs = -1;
        double maxRel = -1;
        String maxAbsAt = "";
        String maxRelAt = "";
        int failed = 0;
        int checked = 0;
        for (int t = 1; t <= trials; t++) {
            Limits.checkTime();
            double[] point = samplePoint(f, centre, rng);
            GradCheckResult r = checker.run(f, point);
            for (GradCheckEntry e : r.entries()) {
                checked++;
                failed += e.passed() ? 0 : 1;
                if (e.absoluteError() > maxAbs) {
                    maxAbs = e.absoluteError();
                    maxAbsAt = e.name() + " at point " + t;
                }
                if (e.relativeError() > maxRel) {
                    maxRel = e.relativeError();
                    maxRelAt = e.name() + " at point " + t;
                }
            }
            if (worst == null || r.worst().excess() > worst.worst().excess()) {
                worst = r;
                worstTrial = t;
            }
        }
        String output = of == null ? p.outputName() : of;
        io.out().println("gradcheck of " + output + ": " + trials + " random point" + (trials == 1 ? "" : "s")
                + ", seed " + seed + ", " + inputs.size() + " input" + (inputs.size() == 1 ? "" : "s"));
        io.out().println("largest absolute error: " + Numbers.human(maxAbs, 3) + " (∂" + output + "/∂" + maxAbsAt + ")");
        io.out().println("largest relative error: " + Numbers.human(maxRel, 3) + " (∂" + output + "/∂" + maxRelAt + ")");
        StringBuilder pt = new StringBuilder();
        for (GradCheckEntry e : worst.entries()) {
            pt.append(pt.length() == 0 ? "" : ", ").append(e.name()).append('=').append(Numbers.human(e.point(), 10));
        }
        io.out().println("worst point (" + worstTrial + "): " + pt);
        io.out().println();
        io.out().println(worst);
        io.out().println();
        if (failed == 0) {
            io.out().println("passed: all " + checked + " derivatives agree (atol " + Numbers.human(checker.atol(), 3)
                    + ", rtol " + Numbers.human(checker.rtol(), 3) + ")");
            return 0;
        }
        io.out().println("FAILED: " + failed + " of " + checked + " derivatives disagree (atol "
                + Numbers.human(checker.atol(), 3) + ", rtol " + Numbers.human(checker.rtol(), 3) + ")");
        return 1;
    }

    /** A random point near {@code centre} where the output and every input's gradient are finite. */
    private double[] samplePoint(Function<Value[], Value> f, double[] centre, Random rng) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[] x = new double[centre.length];
            Value[] leaves = new Value[centre.length];
            for (int i = 0; i < x.length; i++) {
                double r = Math.max(1, Math.abs(centre[i]));
                x[i] = centre[i] + r * (2 * rng.nextDouble() - 1);
                leaves[i] = Value.of(x[i]);
            }
            if (finite(f, leaves)) {
                return x;
            }
        }
        throw new UserError("gradcheck: found no point where the program and its gradient are finite in "
                + ATTEMPTS + " tries; give a centre inside its domain with --at");
    }

    private static boolean finite(Function<Value[], Value> f, Value[] leaves) {
        Value y;
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            y = f.apply(leaves);
            y.backward();
        } catch (ArithmeticException e) {
            return false;
        }
        for (Value v : leaves) {
            if (!Double.isFinite(v.grad())) {
                return false;
            }
        }
        return Double.isFinite(y.data());
    }
}
