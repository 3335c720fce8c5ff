package dev.chainrule.checker;

/**
 * One of the student's answers, read: what it is about and the number with its precision.
 *
 * @param line     the 1-based line it was on
 * @param column   the 1-based column it starts at
 * @param written  the answer as written (trimmed, comment removed)
 * @param subject  its left-hand side as written, such as {@code dE_total/dw5}: the student's name for it
 * @param quantity what it is about, in the program's names
 * @param number   the number written
 */
record Answer(int line, int column, String written, String subject, Quantity quantity, WrittenNumber number) {

    /** The same answer judged with one tolerance for all, instead of the precision written. */
    Answer withTolerance(double tolerance) {
        return new Answer(line, column, written, subject, quantity, number.withTolerance(tolerance));
    }
}
