package dev.chainrule.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One worked example of the course material: a small program that prints what the material
 * prints and writes its pictures to a folder.
 *
 * <pre>{@code
 * Example e = Examples.find("chain-rule").orElseThrow();
 * e.run(System.out, Path.of("out"));
 * }</pre>
 */
public interface Example {

    /** The name used on the command line, such as {@code "chain-rule"}. */
    String name();

    /** One line saying what the example shows. */
    String summary();

    /**
     * Runs the example, printing its numbers to {@code out} and writing its pictures (if any)
     * into {@code outDir}, which is created when missing.
     *
     * @param out where the printed report goes; not closed
     * @param outDir the folder for pictures
     * @throws IOException if a picture cannot be written
     */
    void run(PrintStream out, Path outDir) throws IOException;
}
