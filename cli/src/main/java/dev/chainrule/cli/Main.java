package dev.chainrule.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The {@code chainrule} command: {@code grad}, {@code check}, {@code gradcheck}, {@code example}
 * and the other subcommands. Run {@code chainrule --help} for the list.
 *
 * <p>Exit codes: 0 for success, 1 when a check finds a wrong answer or a gradient check fails,
 * 2 for bad input (a syntax error, a missing file, a malformed option) or exhausted resources
 * (an input over {@code --max-input-mb}, out of memory, over {@code --time-limit}). Failures are
 * reported on standard error in one line (a parse error adds the line and a caret), never with a
 * stack trace.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits the JVM with its exit code. Output is UTF-8 whatever the locale,
     * so that ∂, · and σ print as themselves.
     *
     * @param args the command line, such as {@code grad "f = (x + y)·z" --at x=-2,y=5,z=-4}
     */
    public static void main(String[] args) {
        skipUnusedConverters();
        skipGroovyLookup();
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The option types no command has: picocli's converters for them are not made.
     * ConverterTypesTest checks that no option has such a type.
     */
    static final String UNUSED_CONVERTER_TYPES = "java\\.(sql|time)\\..*";

    /**
     * Tells picocli not to make its converters for {@code java.sql} and {@code java.time} types,
     * which no option of ours has: it makes them with {@code Class.forName}, which loads and
     * initialises about seventy JDK classes (a date-time formatter's tables among them) on every
     * run. Measured (bench/startup's commands, 30 interleaved runs under load): CPU per run of
     * {@code grad} 326 → 302 ms, of {@code --version} 288 → 257 ms. Only {@link #main} sets it,
     * since a system property is the whole JVM's; a value the user set with {@code -D} is kept.
     */
    static void skipUnusedConverters() {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTER_TYPES);
        }
    }

    /**
     * Tells picocli not to look for Groovy, which is not on our class path: its default factory
     * asks the class loader for {@code groovy.lang.Closure} on every run, and that failed lookup
     * is what opens the 5,000-entry fat jar (the class-data archive serves every class we load,
     * so nothing else needs it on an ordinary run). Measured (40 interleaved runs of {@code grad},
     * load 6): 330 → 314 ms CPU per run. GroovyTest checks that there is no Groovy to miss. Only
     * {@link #main} sets it; a value the user set with {@code -D} is kept.
     */
    static void skipGroovyLookup() {
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    /**
     * Runs the command in this JVM, for tests and embedding.
     *
     * <p>Every way out maps to one exit code and, on failure, a message on {@code err} that says
     * what was wrong and what to do, never a stack trace: 0 success, 1 an answer is wrong or a
     * check fails, 2 a usage, input or resource error (a bad option, a file that cannot be read,
     * an input over a cap, out of memory, over the time limit). Everything printed has its control
     * characters escaped ({@link TerminalSafeStream}).
     *
     * @param out  where results go (flushed before returning)
     * @param err  where errors go
     * @param args the command line
     * @return the exit code: 0 success, 1 a wrong answer or a failed check, 2 bad input or no resources
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(System.in, out, err, args);
    }

    /**
     * Runs the command in this JVM with the given standard input, as {@link #run(PrintStream, PrintStream, String...)}
     * does with the JVM's. {@code chainrule shell} reads its snippets from {@code in} when there is no terminal.
     *
     * @param in   what the command reads as standard input
     * @param out  where results go (flushed before returning)
     * @param err  where errors go
     * @param args the command line
     * @return the exit code: 0 success, 1 a wrong answer or a failed check, 2 bad input or no resources
     */
    public static int run(InputStream in, PrintStream out, PrintStream err, String... args) {
        return run(in, out, err, true, args);
    }

    /**
     * Runs the command as {@link #run(InputStream, PrintStream, PrintStream, String...)} does; with
     * {@code shortcuts} false, every command line goes through picocli, even those {@link Shortcuts}
     * takes (for the test that compares the two).
     */
    static int run(InputStream in, PrintStream out, PrintStream err, boolean shortcuts, String... args) {
        PrintStream safeOut = new PrintStream(new TerminalSafeStream(out), false, StandardCharsets.UTF_8);
        PrintStream safeErr = new PrintStream(new TerminalSafeStream(err), true, StandardCharsets.UTF_8);
        Io io = new Io(in, safeOut, safeErr);
        Limits.reset();
        int code = Failures.guarded(io, () -> {
            Integer shortcut = shortcuts ? Shortcuts.run(io, args) : null;
            return shortcut != null ? shortcut : commandLine(io, args).execute(args);
        });
        safeOut.flush();
        safeErr.flush();
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The subcommands' names, in the order {@code chainrule --help} lists them. A test checks that
     * this list and {@link #subcommand} name the same commands as their {@code @Command} names.
     */
    static final List<String> SUBCOMMANDS = List.of(
            "grad", "check", "render", "slides", "explain", "gradcheck", "train", "plot", "example", "studio", "shell");

    /**
     * A new instance of the subcommand named {@code name} (one of {@link #SUBCOMMANDS}): its
     * annotated object, or for {@code grad} the model built in code.
     */
    static Object subcommand(String name, Io io) {
        switch (name) {
            case "grad": return new GradCommand(io).spec();
            case "check": return new CheckCommand(io);
            case "render": return new RenderCommand(io);
            case "slides": return new SlidesCommand(io);
            case "explain": return new ExplainCommand(io);
            case "gradcheck": return new GradCheckCommand(io);
            case "train": return new TrainCommand(io);
            case "plot": return new PlotCommand(io);
            case "example": return new ExampleCommand(io);
            case "studio": return new StudioCommand(io);
            case "shell": return new ShellCommand(io);
            default: throw new IllegalArgumentException("no subcommand " + name);
        }
    }

    /** The command line with every subcommand: what {@code chainrule --help} lists. */
    static CommandLine commandLine(Io io) {
        return commandLine(io, SUBCOMMANDS);
    }

    /**
     * The command line for {@code args}. picocli builds a command's model by reflection over its
     * annotations, which costs a short command like {@code grad} most of its start-up; so when
     * the first word names a subcommand, only that one is built, since nothing else can run or
     * be shown; {@code --version} alone needs none. Anything else ({@code --help}, no words, a
     * misspelt name, an option before the name) gets every subcommand, so the list and the errors
     * are unchanged.
     *
     * <p>The root command, {@code grad} and the option groups {@code grad} shares with other
     * commands ({@link ProgramOptions}, {@link StyleOptions}, {@link HelpOptions}) are built in
     * code instead, so that {@code grad} and {@code --version} read no annotation at all: the
     * first annotation read makes the JDK generate a proxy class per annotation type, which the
     * class-data archive cannot keep, and picocli scans every method of every annotated class.
     */
    static CommandLine commandLine(Io io, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(io, List.of());
        }
        boolean one = args.length > 0 && SUBCOMMANDS.contains(args[0]);
        return commandLine(io, one ? List.of(args[0]) : SUBCOMMANDS);
    }

    private static CommandLine commandLine(Io io, List<String> names) {
        CommandLine cl = new CommandLine(new ChainruleCommand(io).spec());
        for (String name : names) {
            cl.addSubcommand(subcommand(name, io));
        }
        // Built only when that help is shown: the registry's text is not needed to run a command.
        CommandLine grad = cl.getSubcommands().get("grad");
        if (grad != null) {
            FunctionHelp.appendToFooterWhenShown(grad, FunctionHelp::functionLines);
        }
        CommandLine plot = cl.getSubcommands().get("plot");
        if (plot != null) {
            FunctionHelp.appendToFooterWhenShown(plot, FunctionHelp::activationLines);
        }
        // After every subcommand is added: a converter reaches only the commands present now.
        NumberOptions.register(cl);
        cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        // Classes, not lambdas: see NumberOptions.register.
        cl.setExecutionExceptionHandler(new IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
                return Failures.report(io, ex);
            }
        });
        cl.setParameterExceptionHandler(new IParameterExceptionHandler() {
            @Override
            public int handleParseException(ParameterException ex, String[] args) {
                io.out().flush();
                io.err().println("error: " + ex.getMessage().strip() + " (see '"
                        + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
                return 2;
            }
        });
        return cl;
    }
}
