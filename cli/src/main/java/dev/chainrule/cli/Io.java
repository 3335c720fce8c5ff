package dev.chainrule.cli;

import java.io.PrintStream;

/**
 * Where a command writes: results to {@code out}, errors and warnings to {@code err}.
 *
 * @param out standard output, or a buffer in tests
 * @param err standard error, or a buffer in tests
 */
record Io(PrintStream out, PrintStream err) {
}
