package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Test helpers: run an example and read what it printed; compare at a number of decimals. */
final class Printed {

    private Printed() {
    }

    /** Runs {@code example} with its pictures in {@code dir} and returns what it printed. */
    static String run(Example example, Path dir) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        example.run(new PrintStream(buf, true, StandardCharsets.UTF_8), dir);
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** Asserts that {@code text} contains {@code fragment}, showing the text when it does not. */
    static void assertContains(String text, String fragment) {
        assertTrue(text.contains(fragment), "expected \"" + fragment + "\" in:\n" + text);
    }

    /** Asserts that {@code actual} rounds to {@code expected} at {@code decimals} places. */
    static void assertDigits(double expected, double actual, int decimals, String what) {
        assertEquals(expected, actual, 0.5 * Math.pow(10, -decimals) + 1e-15, what);
    }
}
