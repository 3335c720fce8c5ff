package dev.chainrule.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;

/**
 * {@code chainrule shell}: jshell with Chainrule on the class path, the common imports, and
 * f = (x + y)·z ready, so that exploring the API takes no set-up.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opens jshell with Chainrule loaded.",
            "The engine, nn and viz packages are imported, and x, y, z, q and f = (x + y)·z (at x = -2, "
                + "y = 5, z = -4) are defined with f.backward() already run. Type /exit to leave."},
        footer = {"", "Examples:",
            "  chainrule shell"})
final class ShellCommand implements Callable<Integer> {
    /** The start-up script, a resource beside this class. */
    static final String STARTUP = "chainrule.jsh";

    private final Io io;

    /** @param io where the command's own messages go */
    ShellCommand(Io io) {
        this.io = io;
    }

    /** The start-up script's text. */
    static String startupScript() throws IOException {
        try (InputStream in = ShellCommand.class.getResourceAsStream(STARTUP)) {
            if (in == null) {
                throw new IllegalStateException("chainrule was built without " + STARTUP);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public Integer call() throws Exception {
        // An interactive session is not a computation: the time limit every command has does not apply.
        Limits.setTimeLimitSeconds(0);
        Path classPath = ownClassPath();
        Path startup = Files.createTempFile("chainrule-", ".jsh");
        try {
            Files.writeString(startup, startupScript());
            io.out().flush();
            // jshell talks to the real terminal (line editing, completion), not to our escaped streams.
            JavaShellToolBuilder.builder().start("--class-path", classPath.toString(),
                    "--startup", "DEFAULT", "--startup", startup.toString());
            return 0;
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The jar (or classes folder) this command runs from, which holds every Chainrule module. */
    private static Path ownClassPath() throws URISyntaxException {
        return Path.of(ShellCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
