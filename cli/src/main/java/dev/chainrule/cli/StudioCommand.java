package dev.chainrule.cli;

import dev.chainrule.studio.Studio;
import dev.chainrule.studio.StudioConfig;
import dev.chainrule.studio.StudioLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainrule studio}: the local web workbench, served to the user's own browser. */
@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A workbench in your browser: type a program and see its graph with every value and gradient, "
                + "click a node for its chain-rule step, step through the backward pass, check your own answers, "
                + "take a quiz, export SVG, PNG, PDF, slides and tables.",
            "Serves http://127.0.0.1:PORT/ to this machine only, with a token in the printed URL; stops on Ctrl-C. "
                + "It reads and writes only FILE (writing on the page's Save button); --time-limit does not apply to it."},
        footer = {"", "Examples:",
            "  chainrule studio",
            "  chainrule studio cli/src/test/resources/mazur.txt --no-browser",
            "  chainrule studio cli/src/test/resources/mazur-quiz.txt --port 8123"})
final class StudioCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "a program (or quiz) file to open; Save writes back to it")
    Path file;

    @Option(names = "--no-browser", description = "print the URL only; do not open a browser")
    boolean noBrowser;

    @Option(names = "--port", paramLabel = "N", description = "the port (default: any free one)")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "listen on ADDRESS instead of 127.0.0.1 and ::1 (other machines can then reach it: a warning is printed)")
    String host;

    @Option(names = "--max-nodes", paramLabel = "N", description = "refuse graphs with more nodes (default: 500)")
    int maxNodes = StudioLimits.DEFAULTS.maxNodes();

    @Option(names = "--max-program-chars", paramLabel = "N", description = "refuse longer programs (default: 100000)")
    int maxProgramChars = StudioLimits.DEFAULTS.maxProgramChars();

    @Option(names = "--max-request-kb", paramLabel = "N", description = "refuse larger requests (default: 1024)")
    int maxRequestKb = StudioLimits.DEFAULTS.maxRequestBytes() >> 10;

    @Option(names = "--eval-seconds", paramLabel = "N", description = "stop one evaluation after N seconds (default: 30)")
    int evalSeconds = (int) (StudioLimits.DEFAULTS.evalMillis() / 1000);

    StudioCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        // The server runs until Ctrl-C: the command's own time limit would stop it after ten minutes.
        Limits.setTimeLimitSeconds(0);
        if (maxNodes < 1 || maxProgramChars < 1 || maxRequestKb < 1 || evalSeconds < 1 || maxRequestKb > (1 << 20)) {
            throw new UserError("--max-nodes, --max-program-chars, --max-request-kb and --eval-seconds must be at least 1"
                    + " (and --max-request-kb at most 1048576)");
        }
        if (file != null && Files.isDirectory(file)) {
            throw new UserError(file + ": it is a folder; name a program file (it may not exist yet: Save creates it)");
        }
        if (file != null && Files.exists(file) && !Files.isReadable(file)) {
            throw new UserError(file + ": cannot be read");
        }
        StudioConfig config = StudioConfig.loopback().port(port)
                .limits(new StudioLimits(maxRequestKb << 10, maxProgramChars, maxNodes, evalSeconds * 1000L))
                .file(file);
        if (host != null) {
            config = config.addresses(List.of(address(host)));
        }
        Studio studio = Studio.start(config);
        Thread stop = new Thread(studio::close, "chainrule-studio-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return serve(studio, config);
        } finally {
            // Ctrl-C runs the hook; an interrupted command (a test, an embedding) closes it here.
            studio.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }

    private int serve(Studio studio, StudioConfig config) throws InterruptedException {
        if (!config.loopbackOnly()) {
            io.err().println("warning: the studio listens on " + config.addresses().get(0).getHostAddress()
                    + ", which other machines may reach; anyone with the URL's token can use it. Leave out --host to"
                    + " keep it on this machine.");
        }
        io.out().println("Chainrule studio: open " + studio.url());
        io.out().println("(the URL carries this run's token; press Ctrl-C to stop)");
        io.out().flush();
        if (!noBrowser) {
            openBrowser(studio.url());
        }
        studio.awaitClose();
        return 0;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserError("--host " + host + ": not an address of this machine");
        }
    }

    /** Opens the URL in the user's browser where the OS has a way to; otherwise the printed URL is enough. */
    private void openBrowser(URI url) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> cmd;
        if (os.contains("mac")) {
            cmd = List.of("open", url.toString());
        } else if (os.contains("win")) {
            cmd = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
        } else if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) {
            cmd = List.of("xdg-open", url.toString());
        } else {
            io.out().println("(no display found: open the URL above in a browser)");
            return;
        }
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            io.out().println("(could not start a browser: open the URL above yourself)");
        }
    }
}
