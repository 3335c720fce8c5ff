package dev.chainrule.cli;

import java.util.List;

/**
 * The command lines typed most, run without building picocli's command-line model:
 * {@code grad PROGRAM [--at VALUES] [--of NAME]} (the options in any order, each at most once)
 * and {@code --version} or {@code -V} alone. Building the model and parsing with it is most of
 * what such a short command costs after the JVM has started: on this project's 2-vCPU machine the
 * README's {@code grad}, run with {@code java} directly and its class-data archive, took 179 ms
 * with the model and 141 ms without (p10 of 20 interleaved runs; a Java "Hello" took 140 ms in the
 * same runs), and through {@code ./chainrule} 207 ms before and 172 ms after (medians, quiet).
 *
 * <p>Only lines whose meaning cannot be in doubt are taken: every word but the option names is
 * a value that does not start with {@code -} or {@code @} (which picocli would read as an option
 * or an argument file). Everything else, every help and every command-line mistake among them,
 * is left to picocli, so that its messages stay the only ones. The work itself is the same code
 * both ways ({@link GradJob}, {@link BuildVersion}); ShortcutsTest runs a corpus of command lines
 * both ways and compares every byte of output and the exit codes.
 */
final class Shortcuts {
    private Shortcuts() {
    }

    /**
     * Runs {@code args} if it is one of the shortcut's command lines.
     *
     * @return the exit code, or null when {@code args} is not one of them (nothing was run or printed)
     */
    static Integer run(Io io, String... args) {
        if (args.length == 1 && (args[0].equals(HelpOptions.VERSION) || args[0].equals(HelpOptions.VERSION_SHORT))) {
            io.out().println(new BuildVersion().getVersion()[0]);
            return 0;
        }
        GradJob job = plainGrad(args);
        return job == null ? null : job.run(io);
    }

    /** {@code args} as a grad with only PROGRAM, {@code --at} and {@code --of}, or null when it is not one. */
    static GradJob plainGrad(String... args) {
        if (args.length < 2 || !args[0].equals(GradCommand.NAME)) {
            return null;
        }
        String program = null;
        String at = null;
        String of = null;
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            if (word.equals(ProgramOptions.AT) || word.equals(ProgramOptions.OF)) {
                if (i + 1 == args.length || !plainValue(args[i + 1])) {
                    return null;
                }
                String value = args[++i];
                if (word.equals(ProgramOptions.AT)) {
                    if (at != null) {
                        return null;
                    }
                    at = value;
                } else {
                    if (of != null) {
                        return null;
                    }
                    of = value;
                }
            } else if (plainValue(word) && program == null) {
                program = word;
            } else {
                return null;
            }
        }
        return program == null ? null : GradJob.plain(program, at == null ? null : List.of(at), of);
    }

    /** A word picocli can only read as a value: not an option, an option's end marker or an argument file. */
    private static boolean plainValue(String word) {
        return !word.startsWith("-") && !word.startsWith("@");
    }
}
