package dev.chainrule.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code chainrule} command: {@code grad}, {@code check}, {@code gradcheck}, {@code example}
 * and the other subcommands. Run {@code chainrule --help} for the list.
 *
 * <p>Exit codes: 0 for success, 1 when a check finds a wrong answer or a gradient check fails,
 * 2 for bad input (a syntax error, a missing file, a malformed option). Mistakes in the input are
 * reported on standard error in one or a few lines, never with a stack trace.
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
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command in this JVM, for tests and embedding.
     *
     * @param out  where results go (flushed before returning)
     * @param err  where errors go
     * @param args the command line
     * @return the exit code: 0 success, 1 a wrong answer or a failed check, 2 bad input
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Io io = new Io(out, err);
        int code = commandLine(io).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new ChainruleCommand(io));
        cl.addSubcommand(new GradCommand(io));
        cl.addSubcommand(new CheckCommand(io));
        cl.addSubcommand(new RenderCommand(io));
        cl.addSubcommand(new SlidesCommand(io));
        cl.addSubcommand(new GradCheckCommand(io));
        cl.addSubcommand(new TrainCommand(io));
        cl.addSubcommand(new PlotCommand(io));
        cl.addSubcommand(new ExampleCommand(io));
        FunctionHelp.appendToFooter(cl.getSubcommands().get("grad"), FunctionHelp.functionLines());
        FunctionHelp.appendToFooter(cl.getSubcommands().get("plot"), FunctionHelp.activationLines());
        cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            io.out().flush();
            if (isUserMistake(ex)) {
                io.err().println(message(ex));
            } else {
                io.err().println("internal error in chainrule (please report it with the command you ran):");
                ex.printStackTrace(io.err());
            }
            return 2;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            io.err().println("error: " + ex.getMessage());
            io.err().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cl;
    }

    private static boolean isUserMistake(Throwable ex) {
        return ex instanceof UserError || ex instanceof IllegalArgumentException
                || ex instanceof IllegalStateException || ex instanceof ArithmeticException
                || ex instanceof UnsupportedOperationException || ex instanceof UncheckedIOException
                || ex instanceof IOException;
    }

    private static String message(Throwable ex) {
        String m = ex.getMessage();
        if (m == null) {
            m = ex.getClass().getSimpleName();
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null && u.getCause().getMessage() != null) {
            m = FileErrors.reason(u.getCause());
        } else if (ex instanceof IOException e) {
            m = FileErrors.reason(e);
        }
        return m.startsWith("parse error") || m.contains(" error at ") || m.startsWith("unknown name") ? m : "error: " + m;
    }
}
