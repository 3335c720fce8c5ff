package dev.chainrule.cli;

import dev.chainrule.engine.expr.Program;
import dev.chainrule.engine.expr.ProgramException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the PROGRAM argument: a file, {@code -} for standard input, or the program text itself.
 * A syntax error in a file is reported with the file's name in front.
 */
final class ProgramSource {
    private ProgramSource() {
    }

    /** The text of {@code arg}: the file it names, standard input for "-", or else itself. */
    static String text(String arg, InputStream stdin, String what, String example) {
        if (arg.equals("-")) {
            try {
                return InputText.read(stdin, "the " + what + " on standard input");
            } catch (IOException e) {
                throw new UserError("cannot read the " + what + " from standard input: " + FileErrors.reason(e));
            }
        }
        if (arg.isBlank()) {
            // An empty path resolves to the working directory: say what is missing instead.
            throw new UserError("no " + what + " given: the argument is empty (give a file, '-' for standard input, "
                    + "or the text itself, such as \"" + example + "\")");
        }
        Path path = pathOrNull(arg);
        if (path != null && Files.exists(path)) {
            return read(path, what);
        }
        if (arg.contains("=") || arg.contains("\n") || arg.contains(";")) {
            return arg;
        }
        if (arg.chars().anyMatch(c -> "()+*^·× ".indexOf(c) >= 0)) {
            throw new UserError("'" + arg + "' is neither a file nor " + what + " text: write statements 'name = "
                    + "expression', such as \"" + example + "\"");
        }
        throw new UserError("cannot read " + what + " file '" + arg + "': no such file (give a file, '-' for "
                + "standard input, or the text itself, such as \"" + example + "\")");
    }

    /** Reads and parses the program named by {@code arg}. */
    static Program load(String arg) {
        String text = text(arg, System.in, "program", "f = (x + y)*z");
        try {
            return Program.parse(text);
        } catch (ProgramException e) {
            if (!text.equals(arg)) {
                throw new UserError(arg + ": " + e.getMessage());
            }
            throw e;
        }
    }

    static String read(Path path, String what) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new UserError("cannot read " + what + " file '" + name + "': it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            return InputText.read(in, what + " file '" + name + "'");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read " + what + " file '" + name + "': permission denied");
        } catch (IOException e) {
            throw new UserError("cannot read " + what + " file '" + name + "': " + FileErrors.reason(e));
        }
    }

    private static Path pathOrNull(String arg) {
        if (arg.contains("\n") || arg.length() > 4096) {
            return null;
        }
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
