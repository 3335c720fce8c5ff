package dev.chainrule.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a student's hand-worked numbers against a program's true values, gradients and updates,
 * each at the precision written, and names the mistake behind a wrong one.
 *
 * <pre>{@code
 * Problem p = Problem.builder(Program.parse(text)).learningRate(0.5).build();
 * for (LineResult r : Checker.check(p, "w5' = 0.4\ndE/dw1 = 0.000877136").results()) {
 *     System.out.println(r.written() + "  " + r.verdict().word() + "  " + r.message());
 * }
 * // w5' = 0.4  unclear  0.4 also matches w5 before the update (0.4); 2 significant digits decide: 0.36
 * // dE/dw1 = 0.000877136  wrong  matches dE/dw1 computed with the ½ of ½(target − output)² dropped ...
 * }</pre>
 *
 * <p>Verdicts: {@link Verdict#OK} only when the written precision tells the true value from every
 * plausible wrong one; {@link Verdict#UNCLEAR} when it cannot (it says what else matches and how
 * many digits decide); {@link Verdict#ROUNDED} when the answer is what the student's own correctly
 * rounded numbers give; {@link Verdict#WRONG} otherwise, naming the catalogue mistake it matches,
 * or the earlier line it follows from. A line that cannot be read is {@link Verdict#UNREADABLE}
 * and the others are judged all the same.
 */
public final class Checker {
    /** At most this many other matches are spelled out in one message. */
    private static final int SHOWN = 2;

    private Checker() {
    }

    /**
     * Judges every answer in {@code answers} (one per line or separated by {@code ;}, {@code #}
     * comments; notation in {@link AnswerParser}).
     *
     * @param problem the problem
     * @param answers the answers
     * @return the resulting check report
     * @throws IllegalArgumentException if the problem's program cannot be evaluated at its inputs
     */
    public static CheckReport check(Problem problem, String answers) {
        Network net = new Network(problem);
        List<AnswerParser.Entry> entries = new AnswerParser(net).parseAll(answers);
        List<Answer> readable = new ArrayList<>();
        for (AnswerParser.Entry e : entries) {
            if (e.answer() != null) {
                readable.add(problem.tolerance() == null ? e.answer() : e.answer().withTolerance(problem.tolerance()));
            }
        }
        List<Variant> variants = Catalogue.variants(net);
        CarriedForward carried = new CarriedForward(net, readable);
        Map<Answer, Judgement> judged = new LinkedHashMap<>();
        for (Answer a : readable) {
            judged.put(a, judge(net, variants, carried, a));
        }
        markSwaps(judged);
        List<LineResult> out = new ArrayList<>();
        int next = 0;
        for (AnswerParser.Entry e : entries) {
            if (e.unreadable() != null) {
                Unreadable u = e.unreadable();
                out.add(new LineResult(u.line(), u.column(), u.written(), null, Verdict.UNREADABLE, Double.NaN,
                        List.of(), List.of(), null, 0, "line " + u.line() + ":" + u.column() + ": " + u.message()));
            } else {
                out.add(judged.get(readable.get(next++)).result());
            }
        }
        return new CheckReport(out);
    }

    /** One answer being judged. */
    private static final class Judgement {
        final Answer answer;
        final double truth;
        Verdict verdict;
        final List<String> matches = new ArrayList<>();
        final List<String> catalogue = new ArrayList<>();
        String mistake;
        int digits;
        String message = "";
        /** The variant a wrong answer matched first. */
        Variant first;
        /** Every other node whose number a wrong answer is, for finding swaps. */
        final List<String> others = new ArrayList<>();

        Judgement(Answer answer, double truth) {
            this.answer = answer;
            this.truth = truth;
        }

        LineResult result() {
            return new LineResult(answer.line(), answer.column(), answer.written(), answer.quantity(), verdict, truth,
                    matches, catalogue, mistake, digits, message);
        }
    }

    private static Judgement judge(Network net, List<Variant> variants, CarriedForward carried, Answer a) {
        Quantity q = a.quantity();
        WrittenNumber n = a.number();
        Judgement j = new Judgement(a, net.truth().of(q));
        double t = j.truth;
        if (n.matches(t)) {
            List<String> also = new ArrayList<>();
            int digits = 0;
            for (Variant v : variants) {
                double x = v.value(q);
                if (v.makesUnclear() && differs(x, t) && n.matches(x)) {
                    String what = v.brief(a) + " = " + Decimal.human(x, 10);
                    if (!j.catalogue.contains(v.mistake())) {
                        j.catalogue.add(v.mistake());
                    }
                    if (!also.contains(what)) {
                        also.add(what);
                        digits = Math.max(digits, Decimal.decidingDigits(t, x));
                    }
                }
            }
            if (also.isEmpty()) {
                j.verdict = Verdict.OK;
                return j;
            }
            j.verdict = Verdict.UNCLEAR;
            j.matches.addAll(also);
            j.digits = digits;
            j.message = n.text() + " also matches " + shortList(also) + "; " + digits + " significant digit"
                    + (digits == 1 ? "" : "s") + " decide: " + Decimal.written(t, digits);
            return j;
        }
        j.verdict = Verdict.WRONG;
        CarriedForward.Explanation e = carried.explain(a);
        if (e != null) {
            List<String> from = new ArrayList<>();
            for (Answer s : e.sources()) {
                from.add(s.written() + " (line " + s.line() + ")");
            }
            if (e.rounding(net)) {
                j.verdict = Verdict.ROUNDED;
                j.message = "right with rounding: it follows from your " + Names.list(from) + "; unrounded "
                        + Decimal.human(t, 10);
            } else {
                j.mistake = "follows from your " + Names.list(from) + ", carried forward correctly: the mistake is "
                        + (e.sources().size() == 1 ? "there" : "in those");
                j.message = j.mistake;
            }
            j.matches.add("your own numbers = " + Decimal.human(e.value(), 10));
            j.catalogue.add(CarriedForward.NAME);
            return j;
        }
        if (truncated(n, t)) {
            j.verdict = Verdict.ROUNDED;
            j.message = "right, but cut off rather than rounded: rounded, it is "
                    + Decimal.written(t, n.significantDigits() + leadingShift(n, t));
            return j;
        }
        for (Variant v : variants) {
            double x = v.value(q);
            if (differs(x, t) && n.near(x) && Math.abs(x - t) > 2 * n.tolerance()
                    && n.significantDigits() >= v.digitsToName()) {
                String what = v.explain(a);
                if (!j.catalogue.contains(v.mistake())) {
                    j.catalogue.add(v.mistake());
                }
                if (v instanceof OtherNode.Swap swap) {
                    j.others.add(swap.other());
                }
                if (!j.matches.contains(what)) {
                    j.matches.add(what);
                    if (j.first == null) {
                        j.first = v;
                    }
                }
            }
        }
        if (j.first != null) {
            j.mistake = j.matches.get(0);
            j.message = "matches " + j.mistake;
        }
        return j;
    }

    /** Two wrong answers that are each the other's number are one mistake: say so on both lines. */
    private static void markSwaps(Map<Answer, Judgement> judged) {
        List<Judgement> all = new ArrayList<>(judged.values());
        for (Judgement x : all) {
            Quantity qx = x.answer.quantity();
            for (Judgement y : all) {
                Quantity qy = y.answer.quantity();
                if (y != x && qx.kind() == qy.kind() && java.util.Objects.equals(qx.of(), qy.of())
                        && x.others.contains(qy.node()) && y.others.contains(qx.node())) {
                    x.mistake = "swapped with " + y.answer.subject() + " (line " + y.answer.line()
                            + "): each is the other's value";
                    x.message = x.mistake;
                }
            }
        }
    }

    /**
     * Whether the written number is the true value cut off after its last digit instead of rounded
     * (0.175510052 for 0.1755100528): within one unit of the last digit, on the side of zero.
     */
    private static boolean truncated(WrittenNumber n, double t) {
        double unit = 2 * n.tolerance();
        double w = n.value();
        return Math.signum(w) == Math.signum(t) && Math.abs(w) <= Math.abs(t) && Math.abs(t) - Math.abs(w) < unit
                && n.significantDigits() >= 4;
    }

    /** How many more significant digits the true value has than the written one at the same last digit (0 or 1). */
    private static int leadingShift(WrittenNumber n, double t) {
        return Math.abs(t) >= 10 * Math.pow(10, Math.floor(Math.log10(Math.abs(n.value())))) ? 1 : 0;
    }

    /** Whether a mistake's number is really another number than the truth (not the same up to rounding). */
    private static boolean differs(double x, double truth) {
        return Double.isFinite(x) && Math.abs(x - truth) > 1e-9 * Math.max(Math.abs(x), Math.abs(truth));
    }

    private static String shortList(List<String> items) {
        if (items.size() <= SHOWN) {
            return String.join("; ", items);
        }
        return String.join("; ", items.subList(0, SHOWN)) + "; and " + (items.size() - SHOWN) + " more mistake" + (items.size() - SHOWN == 1 ? "" : "s");
    }
}
