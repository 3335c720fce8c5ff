package dev.chainrule.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Where a command reads and writes: input from {@code in}, results to {@code out}, errors and
 * warnings to {@code err}.
 *
 * @param in  standard input, or a given input in tests (so that nothing waits on the test runner's)
 * @param out standard output, or a buffer in tests
 * @param err standard error, or a buffer in tests
 */
record Io(InputStream in, PrintStream out, PrintStream err) {
    /**
     * Reads from the JVM's standard input.
     *
     * @param out standard output, or a buffer in tests
     * @param err standard error, or a buffer in tests
     */
    Io(PrintStream out, PrintStream err) {
        this(System.in, out, err);
    }
}
