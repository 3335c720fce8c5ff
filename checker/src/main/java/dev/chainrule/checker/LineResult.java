package dev.chainrule.checker;

import java.util.List;

/**
 * The checker's verdict on one answer.
 *
 * @param line           the 1-based line of the answers text
 * @param column         the 1-based column the answer (or, for an unreadable one, the trouble) starts at
 * @param written        the answer as written
 * @param quantity       what it is about, or null when unreadable
 * @param verdict        ok, right with rounding, wrong, unclear or unreadable
 * @param trueValue      the true value (NaN when unreadable)
 * @param matches        what else the number matches: for an unclear answer, the plausible wrong
 *                       numbers it cannot be told from; for a wrong one, the mistakes it matches;
 *                       each in the student's names, with its number
 * @param catalogue      the names of the catalogue entries the matches come from (see the
 *                       closing note's table), for a wrong or unclear answer; otherwise empty
 * @param mistake        the named mistake, in the student's names, or null (for a wrong answer
 *                       that is explained by an earlier line, that line's)
 * @param decidingDigits for an unclear answer, how many significant digits would tell the true
 *                       value from every other match; otherwise 0
 * @param message        one line saying it all: the diagnosis, what else matches, or why it
 *                       cannot be read; empty for a plain ok
 */
public record LineResult(int line, int column, String written, Quantity quantity, Verdict verdict, double trueValue,
                         List<String> matches, List<String> catalogue, String mistake, int decidingDigits, String message) {

    /**
     * Copies the lists.
     *
     * @param line the line
     * @param column the column
     * @param written the written
     * @param quantity the quantity
     * @param verdict the verdict
     * @param trueValue the true value
     * @param matches the matches
     * @param catalogue the catalogue
     * @param mistake the mistake
     * @param decidingDigits the deciding digits
     * @param message what happened, in words
     */
    public LineResult {
        matches = List.copyOf(matches);
        catalogue = List.copyOf(catalogue);
    }
}
