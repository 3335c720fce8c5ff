package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

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

    /** What {@code printer} prints. */
    static String capture(Consumer<PrintStream> printer) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        printer.accept(new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
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
