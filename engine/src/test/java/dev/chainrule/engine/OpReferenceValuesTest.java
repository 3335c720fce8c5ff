package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.expr.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The forward value of every registered op, at several points, against reference values that
 * were not computed by the engine: checked through the Value form, the Tensor form and the
 * expression language.
 *
 * <p>The derivative tests difference the op's own forward, and the parser's tests compare with
 * the same Value methods, so a wrong formula whose derivative agrees with it (GELU with 0.06
 * instead of 0.044715) passes them all. This table does not let it: each reference is the op's
 * textbook closed form, evaluated by mpmath 1.3.0 at 50 significant digits at the exact binary
 * value of the double input (0.3 means the double nearest 0.3) and printed to 25 digits. The
 * script that printed the table is {@code op-reference-values.py} beside this class's resources;
 * it spells out each closed form (GELU's tanh form and its 0.044715 are Hendrycks and Gimpel's,
 * arXiv:1606.08415, eq. for "GELU(x) ≈ 0.5x(1 + tanh[√(2/π)(x + 0.044715x³)])"). Rows that are
 * published constants agree with their tables: e = 2.718281828459045235360287 (OEIS A001113),
 * ln 2 = 0.6931471805599453094172321 (A002162), √2 = 1.414213562373095048801689 (A002193),
 * sin 1 = 0.8414709848078965066525023 (A049469), cos 1 = 0.5403023058681397174009366 (A049470).
 * Conventions at kinks (step(0) = 1, sign(0) = 0, bipolar_step(0) = 1) are the registry's stated ones.
 *
 * <p>A correct double formula lands within a few units in the last place of the reference; 4 are
 * allowed. A wrong constant or sign is off by orders of magnitude more.
 */
class OpReferenceValuesTest {

    /** op | parameter (empty: the op's default; for pow, a constant exponent) | inputs | reference. */
    private static final String TABLE = """
            neg        |      | -2.5           | 2.5
            neg        |      | -0.5           | 0.5
            neg        |      | 0.3            | -0.2999999999999999888977698
            neg        |      | 1              | -1.0
            neg        |      | 3              | -3.0
            exp        |      | -2.5           | 0.08208499862389879516952867
            exp        |      | 0.3            | 1.349858807576003088997301
            exp        |      | 1              | 2.718281828459045235360287
            exp        |      | 3              | 20.08553692318766774092853
            exp        |      | 20             | 4.851651954097902779691068e+8
            log        |      | 0.3            | -1.20397280432593602963018
            log        |      | 1              | 0
            log        |      | 2              | 0.6931471805599453094172321
            log        |      | 10             | 2.302585092994045684017991
            sqrt       |      | 0.3            | 0.5477225575051661033220665
            sqrt       |      | 2              | 1.414213562373095048801689
            sqrt       |      | 10             | 3.162277660168379331998894
            sqrt       |      | 0.0001         | 0.01000000000000000023960868
            abs        |      | -2.5           | 2.5
            abs        |      | 0              | 0
            abs        |      | 0.3            | 0.2999999999999999888977698
            abs        |      | 3              | 3.0
            sin        |      | -2.5           | -0.5984721441039564940518547
            sin        |      | 0.3            | 0.2955202066613395644989551
            sin        |      | 1              | 0.8414709848078965066525023
            sin        |      | 3              | 0.1411200080598672221007448
            sin        |      | 100            | -0.5063656411097587936565576
            cos        |      | -2.5           | -0.8011436155469337148335028
            cos        |      | 0.3            | 0.9553364891256060229232436
            cos        |      | 1              | 0.5403023058681397174009366
            cos        |      | 3              | -0.9899924966004454572715728
            cos        |      | 100            | 0.8623188722876839341019385
            tanh       |      | -2.5           | -0.986614298151430288881276
            tanh       |      | 0.3            | 0.29131261245159089565816
            tanh       |      | 1              | 0.7615941559557648881194583
            tanh       |      | 3              | 0.9950547536867304513318802
            tanh       |      | 1e-05          | 9.999999999666667484710539e-6
            sigmoid    |      | -20            | 2.061153618190203581430862e-9
            sigmoid    |      | -2.5           | 0.07585818002124355119330618
            sigmoid    |      | 0.3            | 0.5744425168116589844380388
            sigmoid    |      | 1              | 0.7310585786300048792511592
            sigmoid    |      | 3              | 0.9525741268224332191211518
            relu       |      | -2.5           | 0
            relu       |      | 0              | 0
            relu       |      | 0.3            | 0.2999999999999999888977698
            relu       |      | 3              | 3.0
            softplus   |      | -20            | 2.061153620314380703238983e-9
            softplus   |      | -2.5           | 0.07888973429254962334404392
            softplus   |      | 0.3            | 0.8543552444685271124369954
            softplus   |      | 1              | 1.313261687518222834048995
            softplus   |      | 30             | 30.00000000000009357622969
            gelu       |      | -1.5           | -0.1004284230197670775505755
            gelu       |      | -0.5           | -0.1542859901748560779622427
            gelu       |      | 0.3            | 0.1853709235427592399990355
            gelu       |      | 1              | 0.8411919906082767047819958
            gelu       |      | 3              | 2.996362607918226981162184
            silu       |      | -2.5           | -0.1896454500531088779832654
            silu       |      | -0.5           | -0.1887703343990727176805497
            silu       |      | 0.3            | 0.1723327550434976889538186
            silu       |      | 1              | 0.7310585786300048792511592
            silu       |      | 3              | 2.857722380467299657363456
            gaussian   |      | -2.5           | 0.001930454136227709242213512
            gaussian   |      | -0.5           | 0.7788007830714048682451703
            gaussian   |      | 0.3            | 0.9139311852712281928353582
            gaussian   |      | 1              | 0.3678794411714423215955238
            gaussian   |      | 3              | 0.0001234098040866795494976367
            step       |      | -2.5           | 0
            step       |      | 0              | 1.0
            step       |      | 0.3            | 1.0
            step       |      | 3              | 1.0
            sign       |      | -2.5           | -1.0
            sign       |      | 0              | 0
            sign       |      | 0.3            | 1.0
            sign       |      | 3              | 1.0
            bipolar_step |    | -2.5           | -1.0
            bipolar_step |    | 0              | 1.0
            bipolar_step |    | 0.3            | 1.0
            bipolar_step |    | 3              | 1.0
            softsign   |      | -2.5           | -0.7142857142857142857142857
            softsign   |      | -0.5           | -0.3333333333333333333333333
            softsign   |      | 0.3            | 0.2307692307692307626614022
            softsign   |      | 1              | 0.5
            softsign   |      | 3              | 0.75
            identity   |      | -2.5           | -2.5
            identity   |      | -0.5           | -0.5
            identity   |      | 0.3            | 0.2999999999999999888977698
            identity   |      | 1              | 1.0
            identity   |      | 3              | 3.0
            leaky_relu |      | -2.5           | -0.025
            leaky_relu |      | -0.5           | -0.005
            leaky_relu |      | 0.3            | 0.2999999999999999888977698
            leaky_relu |      | 3              | 3.0
            leaky_relu | 0.2  | -2.5           | -0.5000000000000000277555756
            leaky_relu | 0.2  | 3              | 3.0
            elu        |      | -2.5           | -0.9179150013761012048304713
            elu        |      | -0.5           | -0.3934693402873665763962005
            elu        |      | 0.3            | 0.2999999999999999888977698
            elu        |      | 3              | 3.0
            elu        | 0.5  | -2.5           | -0.4589575006880506024152357
            elu        | 0.5  | 0.3            | 0.2999999999999999888977698
            add        |      | 0.1, 0.2       | 0.3000000000000000166533454
            add        |      | -2.5, 3        | 0.5
            add        |      | 1e+16, 1       | 1.0000000000000001e+16
            sub        |      | 0.3, 0.1       | 0.1999999999999999833466546
            sub        |      | -2.5, 3        | -5.5
            sub        |      | 1, 1e-17       | 0.99999999999999999
            mul        |      | 0.1, 3         | 0.3000000000000000166533454
            mul        |      | -2.5, 0.3      | -0.7499999999999999722444244
            mul        |      | 1e+200, 1e-200 | 0.9999999999999999518333846
            div        |      | 1, 3           | 0.3333333333333333333333333
            div        |      | -2.5, 0.3      | -8.333333333333333641728618
            div        |      | 2, 7           | 0.2857142857142857142857143
            pow        |      | 2, 0.5         | 1.414213562373095048801689
            pow        |      | 0.3, -1.5      | 6.08580619450184604290755
            pow        |      | 3, 2.5         | 15.58845726811989564174702
            pow        |      | -2, 3          | -8.0
            pow        |      | 10, -2         | 0.01
            max        |      | -2.5, 0.3      | 0.2999999999999999888977698
            max        |      | 3, 1           | 3.0
            max        |      | -0.5, -0.5     | -0.5
            min        |      | -2.5, 0.3      | -2.5
            min        |      | 3, 1           | 1.0
            min        |      | -0.5, -0.5     | -0.5
            pow        | 2    | 0.3            | 0.08999999999999999333866185
            pow        | 3    | -2.5           | -15.625
            pow        | 0.5  | 2              | 1.414213562373095048801689
            pow        | -1.5 | 0.3            | 6.08580619450184604290755
            sum        |      | 0.1, 0.2, 0.3  | 0.6000000000000000055511151
            sum        |      | -2.5, 1        | -1.5
            sum        |      | 1, 2, 3, 4     | 10.0
            """;

    private static final int ULPS = 4;

    /** How the expression language writes the ops that are operators rather than functions. */
    private static final Map<String, String> OPERATOR_FORM = Map.of(
            "add", "a + b", "sub", "a - b", "mul", "a * b", "div", "a / b", "neg", "-x", "pow", "a ^ b");

    private record Row(String op, String parameter, double[] inputs, double reference, String line) {
        double[] params() {
            return parameter.isEmpty() || isConstantPower() ? new double[0] : new double[] {Double.parseDouble(parameter)};
        }

        boolean isConstantPower() {
            return op.equals("pow") && !parameter.isEmpty();
        }
    }

    private static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cell = line.split("\\|");
            double[] inputs = Arrays.stream(cell[2].split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
            out.add(new Row(cell[0].strip(), cell[1].strip(), inputs, Double.parseDouble(cell[3].strip()), line.strip()));
        }
        return out;
    }

    /** Adds a line to {@code failures} unless {@code actual} is within {@link #ULPS} of the reference. */
    private static void checkNear(double reference, double actual, String where, List<String> failures) {
        if (!(Math.abs(actual - reference) <= ULPS * Math.ulp(reference))) {
            failures.add(where + ": got " + actual + ", reference " + reference + " (off by "
                    + Math.abs(actual - reference) / Math.ulp(reference) + " ulps, allowed " + ULPS + ")");
        }
    }

    @Test
    void everyRegisteredOpHasAtLeastThreeReferencePoints() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Row r : rows()) {
            counts.merge(r.op(), 1, Integer::sum);
        }
        Set<String> missing = new TreeSet<>();
        for (OpInfo info : OpRegistry.all()) {
            if (counts.getOrDefault(info.name(), 0) < 3) {
                missing.add(info.name());
            }
        }
        assertEquals(Set.of(), missing, "ops with fewer than 3 reference values: add rows for them (closed form, "
                + "high precision, cite the source)");
        assertTrue(rows().size() >= 120, "the table has " + rows().size() + " rows");
    }

    @Test
    void theValueFormMatchesTheReferences() {
        List<String> failures = new ArrayList<>();
        for (Row r : rows()) {
            Value out;
            if (r.isConstantPower()) {
                out = Value.of(r.inputs()[0]).pow(Double.parseDouble(r.parameter()));
            } else {
                Value[] in = Arrays.stream(r.inputs()).mapToObj(Value::of).toArray(Value[]::new);
                out = OpRegistry.get(r.op()).apply(in, r.params());
            }
            checkNear(r.reference(), out.data(), "Value: " + r.line(), failures);
        }
        assertEquals("", String.join("\n", failures));
    }

    @Test
    void theTensorFormMatchesTheReferences() {
        List<String> failures = new ArrayList<>();
        for (Row r : rows()) {
            Tensor out;
            if (r.isConstantPower()) {
                out = Tensor.of(new double[] {r.inputs()[0]}).pow(Double.parseDouble(r.parameter()));
            } else if (r.op().equals("sum")) {
                out = Tensor.of(r.inputs()).sum();
            } else {
                Tensor[] in = Arrays.stream(r.inputs()).mapToObj(x -> Tensor.of(new double[] {x})).toArray(Tensor[]::new);
                out = OpRegistry.get(r.op()).apply(in, r.params());
            }
            checkNear(r.reference(), out.toArray()[0], "Tensor: " + r.line(), failures);
        }
        assertEquals("", String.join("\n", failures));
    }

    @Test
    void theExpressionLanguageMatchesTheReferences() {
        List<String> failures = new ArrayList<>();
        for (Row r : rows()) {
            String[] names = r.inputs().length == 1 ? new String[] {"x"} : new String[r.inputs().length];
            Map<String, Double> at = new LinkedHashMap<>();
            for (int i = 0; i < r.inputs().length; i++) {
                if (names[i] == null) {
                    names[i] = String.valueOf((char) ('a' + i));
                }
                at.put(names[i], r.inputs()[i]);
            }
            String expression;
            if (r.isConstantPower()) {
                expression = "x ^ (" + r.parameter() + ")";
            } else if (OPERATOR_FORM.containsKey(r.op()) && r.inputs().length == (r.op().equals("neg") ? 1 : 2)) {
                expression = OPERATOR_FORM.get(r.op());
            } else {
                String args = String.join(", ", names) + (r.parameter().isEmpty() ? "" : ", " + r.parameter());
                expression = r.op() + "(" + args + ")";
            }
            double got = Program.parse("f = " + expression).evaluate(at).output().data();
            checkNear(r.reference(), got, "f = " + expression + " at " + at + ": " + r.line(), failures);
        }
        assertEquals("", String.join("\n", failures));
    }

    /**
     * The table against issue 15's oracle ({@link ReferenceMath}: the same closed forms in Java,
     * big-math at 50 digits): two independent evaluations of every one-input row must agree to
     * within 1 ulp of the double, so neither a slip in the mpmath script nor one in the oracle
     * goes unnoticed.
     */
    @Test
    void theTableAgreesWithTheBigMathOracle() {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        for (Row r : rows()) {
            if (r.inputs().length != 1 || r.op().equals("sum")) {
                continue;
            }
            double param = !r.parameter().isEmpty() ? Double.parseDouble(r.parameter())
                    : OpRegistry.get(r.op()).parameters().isEmpty() ? Double.NaN : OpRegistry.get(r.op()).defaults()[0];
            double oracle = ReferenceMath.unary(r.op(), param, r.inputs()[0])[0].toDouble();
            if (!(Math.abs(oracle - r.reference()) <= Math.ulp(r.reference()))) {
                failures.add(r.line() + ": oracle " + oracle);
            }
            compared++;
        }
        assertEquals("", String.join("\n", failures));
        assertTrue(compared >= 100, "compared " + compared + " rows");
    }
}
