package dev.chainrule.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

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
        PrintStream safeOut = new PrintStream(new TerminalSafeStream(out), false, StandardCharsets.UTF_8);
        PrintStream safeErr = new PrintStream(new TerminalSafeStream(err), true, StandardCharsets.UTF_8);
        Io io = new Io(in, safeOut, safeErr);
        Limits.reset();
        int code = Failures.guarded(io, () -> commandLine(io).execute(args));
        safeOut.flush();
        safeErr.flush();
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
        cl.addSubcommand(new ExplainCommand(io));
        cl.addSubcommand(new GradCheckCommand(io));
        cl.addSubcommand(new TrainCommand(io));
        cl.addSubcommand(new PlotCommand(io));
        cl.addSubcommand(new ExampleCommand(io));
        cl.addSubcommand(new StudioCommand(io));
        cl.addSubcommand(new ShellCommand(io));
        FunctionHelp.appendToFooter(cl.getSubcommands().get("grad"), FunctionHelp.functionLines());
        FunctionHelp.appendToFooter(cl.getSubcommands().get("plot"), FunctionHelp.activationLines());
        // After every subcommand is added: a converter reaches only the commands present now.
        NumberOptions.register(cl);
        cl.setOut(new PrintWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> Failures.report(io, ex));
        cl.setParameterExceptionHandler((ex, args) -> {
            io.out().flush();
            io.err().println("error: " + ex.getMessage().strip() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        return cl;
    }
}
