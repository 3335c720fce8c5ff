package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Catalogue entry 4b: a mean taken where the loss is a sum of N terms (1/N of each number), or a
 * sum where it is a mean (N times), as when 1/m is forgotten.
 */
final class MeanInsteadOfSum implements Mistake {
    @Override
    public String name() {
        return "mean for sum, or sum for mean (factor N)";
    }

    @Override
    public List<Variant> variants(Network net) {
        Tape t = net.tape();
        int out = net.output();
        String e = net.outputName();
        List<Variant> variants = new ArrayList<>();
        int terms = terms(t, out);
        if (terms >= 2) {
            variants.add(new ScaledLoss(name(), net, 1.0 / terms, "with the mean of the " + terms + " terms of " + e
                    + " instead of their sum: 1/" + terms + " of the true value", e + " adds its terms; it does not "
                    + "average them"));
        }
        double n = meanOf(t, out);
        if (n >= 2) {
            String count = Decimal.human(n, 6);
            variants.add(new ScaledLoss(name(), net, n, "without the 1/" + count + " of the mean: " + count
                    + " times the true value", e + " is a mean: divide the sum by " + count));
        }
        return variants;
    }

    /** How many terms the node adds up (a + b + c is 3), or 1 when it does not add. */
    private static int terms(Tape t, int node) {
        if (t.isLeaf(node)) {
            return 1;
        }
        String op = t.opName(node);
        if (op.equals("sum")) {
            return t.inputs(node).length;
        }
        if (!op.equals("add") && !op.equals("identity")) {
            return 1;
        }
        int count = 0;
        for (int in : t.inputs(node)) {
            // Nested unnamed additions are one sum written a + b + c.
            count += t.name(in) == null && !t.isLeaf(in) ? terms(t, in) : 1;
        }
        return op.equals("identity") ? terms(t, t.inputs(node)[0]) : count;
    }

    /** N when the node is (sum)/N or (1/N)·(sum) with N a whole number ≥ 2, else 0. */
    private static double meanOf(Tape t, int node) {
        if (t.isLeaf(node)) {
            return 0;
        }
        int[] in = t.inputs(node);
        double[] v = t.initialValues();
        double n = 0;
        if (t.opName(node).equals("div") && t.isLeaf(in[1]) && t.name(in[1]) == null) {
            n = v[in[1]];
        } else if (t.opName(node).equals("mul")) {
            for (int k = 0; k < 2; k++) {
                if (t.isLeaf(in[k]) && t.name(in[k]) == null && v[in[k]] > 0 && v[in[k]] < 1) {
                    n = 1 / v[in[k]];
                }
            }
        }
        return n >= 2 && Math.abs(n - Math.rint(n)) < 1e-9 ? Math.rint(n) : 0;
    }
}
