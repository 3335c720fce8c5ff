package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Test helpers: run an example and read what it printed; compare it with its transcript; compare
 * numbers at a number of decimals.
 */
final class Printed {

    private Printed() {
    }

    /** Runs {@code example} with its pictures in {@code dir} and returns what it printed. */
    static String run(Example example, Path dir) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        example.run(new PrintStream(buf, true, StandardCharsets.UTF_8), dir);
        return buf.toString(StandardCharsets.UTF_8);
    }

    /** What {@code printer} prints. */
    static String capture(Consumer<PrintStream> printer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        printer.accept(new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    /**
     * Asserts that {@code text} is, line for line, the transcript kept in
     * {@code src/test/resources/dev/chainrule/examples/transcripts/NAME.txt}. "wrote FILE" lines
     * are compared by file name only, since the folder is a temporary one. The transcripts are
     * literal text, written by hand from a reviewed run: any change to a printed figure fails
     * here, so that the README and the material notes can only change knowingly.
     */
    static void assertTranscript(String name, String text) throws IOException {
        String resource = "transcripts/" + name + ".txt";
        String expected;
        try (var in = Printed.class.getResourceAsStream(resource)) {
            assertNotNull(in, "no transcript " + resource);
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> want = expected.lines().toList();
        List<String> got = text.lines().map(Printed::withoutFolder).toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            if (!want.get(i).equals(got.get(i))) {
                fail(name + " printed something else at line " + (i + 1) + " of " + resource
                        + ":\n  expected: " + want.get(i) + "\n  printed:  " + got.get(i)
                        + "\nIf the change is intended, update the transcript, the README and"
                        + " the example's note on the material. Whole output:\n" + text);
            }
        }
        assertEquals(want.size(), got.size(), name + " printed " + got.size() + " lines, the"
                + " transcript " + resource + " has " + want.size() + ". Whole output:\n" + text);
    }

    /** "wrote /tmp/junit123/x.svg" → "wrote x.svg"; other lines unchanged. */
    private static String withoutFolder(String line) {
        if (!line.startsWith("wrote ")) {
            return line;
        }
        return "wrote " + Path.of(line.substring("wrote ".length())).getFileName();
    }

    /** Asserts that {@code text} contains {@code fragment}, showing the text when it does not. */
    static void assertContains(String text, String fragment) {
        assertTrue(text.contains(fragment), "expected \"" + fragment + "\" in:\n" + text);
    }

    /**
     * Asserts that {@code file} was written and decodes: a PNG that ImageIO reads with a
     * non-empty raster, or an SVG document.
     */
    static void assertPicture(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing picture " + file);
        String name = file.getFileName().toString();
        if (name.endsWith(".png")) {
            BufferedImage image = ImageIO.read(file.toFile());
            assertNotNull(image, file + " is not a readable PNG");
            assertTrue(image.getWidth() > 10 && image.getHeight() > 10, file + " is "
                    + image.getWidth() + "×" + image.getHeight());
        } else if (name.endsWith(".svg")) {
            String svg = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(svg.contains("<svg") && svg.contains("</svg>"), file + " is not an SVG");
        } else {
            assertTrue(Files.size(file) > 0, file + " is empty");
        }
    }

    /** Asserts that {@code actual} rounds to {@code expected} at {@code decimals} places. */
    static void assertDigits(double expected, double actual, int decimals, String what) {
        assertEquals(expected, actual, 0.5 * Math.pow(10, -decimals) + 1e-15, what);
    }
}
