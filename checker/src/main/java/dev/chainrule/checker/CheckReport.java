package dev.chainrule.checker;

import java.util.List;

/**
 * Every answer's verdict, in the order written.
 *
 * @param results one per answer (and one per unreadable line)
 */
public record CheckReport(List<LineResult> results) {

    /**
     * Copies the list.
     *
     * @param results the results
     */
    public CheckReport {
        results = List.copyOf(results);
    }

    /**
     * {@return how many answers got {@code v}}
     *
     * @param v the v
     */
    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }

    /** {@return whether every answer is right (ok, or ok with rounding)} */
    public boolean allRight() {
        return results.stream().allMatch(r -> r.verdict().isRight());
    }

    /**
     * The exit status for a command line: 0 when every answer is right, 1 when any is wrong or
     * unclear, 2 when a line could not be read (the others are judged all the same).
     *
     * @return the exit status for a command line: 0 when every answer is right, 1 when any is wrong or
     *     unclear, 2 when a line could not be read (the others are judged all the same)
     */
    public int exitStatus() {
        if (count(Verdict.UNREADABLE) > 0) {
            return 2;
        }
        return allRight() ? 0 : 1;
    }

    /** {@return one line: "All 17 answers are right.", "2 of 9 answers are wrong, 1 is unclear."} */
    public String summary() {
        int n = results.size();
        long wrong = count(Verdict.WRONG);
        long unclear = count(Verdict.UNCLEAR);
        long unreadable = count(Verdict.UNREADABLE);
        if (allRight()) {
            long rounded = count(Verdict.ROUNDED);
            return "All " + n + " answer" + (n == 1 ? " is" : "s are") + " right"
                    + (rounded == 0 ? "." : " (" + rounded + " with rounding).");
        }
        StringBuilder s = new StringBuilder();
        appendCount(s, n, wrong, "wrong");
        appendCount(s, n, unclear, "unclear");
        appendCount(s, n, unreadable, "unreadable");
        return s.append('.').toString();
    }

    private static void appendCount(StringBuilder s, int n, long count, String what) {
        if (count == 0) {
            return;
        }
        if (s.length() == 0) {
            s.append(count).append(" of ").append(n).append(" answer").append(n == 1 ? "" : "s")
                    .append(count == 1 ? " is " : " are ").append(what);
        } else {
            s.append(", ").append(count).append(count == 1 ? " is " : " are ").append(what);
        }
    }
}
