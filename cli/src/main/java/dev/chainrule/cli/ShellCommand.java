package dev.chainrule.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/**
 * {@code chainrule shell}: jshell with Chainrule on the class path, the common imports, and
 * f = (x + y)·z ready, so that exploring the API takes no set-up.
 *
 * <p>On a terminal it is jshell's own interactive session (line editing, completion, history).
 * Anywhere else (a pipe, a file, a test, CI) it reads snippets from the command's standard input
 * until its end, prints through the command's output, and exits: it never waits on a terminal that
 * is not there, and never reads the JVM's own standard input behind the caller's back.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens jshell with Chainrule loaded.",
            "The engine, nn and viz packages are imported, and x, y, z, q and f = (x + y)·z (at x = -2, "
                + "y = 5, z = -4) are defined with f.backward() already run. Type /exit to leave.",
            "Without a terminal (input from a pipe or a file), it runs the snippets it reads and exits."},
        footer = {"", "Examples:",
            "  chainrule shell",
            "  echo 'x.grad()' | chainrule shell      # prints $1 ==> -4.0"})
final class ShellCommand implements Callable<Integer> {
    /** The start-up script, a resource beside this class. */
    static final String STARTUP = "chainrule.jsh";

    private final Io io;

    /** @param io where the command reads snippets from (without a terminal) and writes */
    ShellCommand(Io io) {
        this.io = io;
    }

    /**
     * The start-up script's text.
     *
     * @throws IOException if the resource cannot be read
     */
    static String startupScript() throws IOException {
        try (InputStream in = ShellCommand.class.getResourceAsStream(STARTUP)) {
            if (in == null) {
                throw new IllegalStateException("chainrule was built without " + STARTUP);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean terminal = System.console() != null && io.in() == System.in;
        Path startup = Files.createTempFile("chainrule-", ".jsh");
        try {
            Files.writeString(startup, startupScript());
            String[] args = {"--class-path", classPath(), "--startup", "DEFAULT", "--startup", startup.toString()};
            io.out().flush();
            if (terminal) {
                // An interactive session is not a computation: the time limit every command has does not apply.
                Limits.setTimeLimitSeconds(0);
                // jshell talks to the real terminal (line editing, completion), not to our escaped streams.
                return JavaShellToolBuilder.builder().start(args);
            }
            // No terminal: snippets come from io.in() and the session ends at its end. Preferences
            // (history, /set) stay in memory, so a script or a test leaves the user's jshell settings alone.
            int status = JavaShellToolBuilder.builder()
                    .in(io.in(), io.in())
                    .out(io.out())
                    .err(io.err())
                    .interactiveTerminal(false)
                    .persistence(new HashMap<>())
                    .start(args);
            // chainrule's exit codes are 0, 1 and 2 (2 is for bad input to chainrule itself): a script's
            // own "/exit N" with N other than 0 is reported as 1.
            return status == 0 ? 0 : 1;
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /**
     * The class path that holds every Chainrule module. From the built command ({@code chainrule.jar},
     * every module shaded in) it is that jar. From a classes folder, as in the tests and an IDE, the
     * folder holds only the CLI's own classes, so the JVM's class path is used instead.
     */
    static String classPath() throws URISyntaxException {
        Path own = Path.of(ShellCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(own)) {
            return own.toString();
        }
        String jvm = System.getProperty("java.class.path", "");
        return jvm.isEmpty() ? own.toString() : own + File.pathSeparator + jvm;
    }
}
