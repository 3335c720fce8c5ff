package dev.chainrule.checker;

/**
 * A line of answers that could not be read or does not fit the program, with where and why.
 *
 * @param line    the 1-based line
 * @param column  the 1-based column of the trouble
 * @param written the text as written
 * @param message what is wrong, in one line
 */
record Unreadable(int line, int column, String written, String message) {
}
