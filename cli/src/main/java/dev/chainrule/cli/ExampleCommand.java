package dev.chainrule.cli;

import dev.chainrule.examples.Example;
import dev.chainrule.examples.Examples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chainrule example}: runs one of the course material's worked examples. */
@Command(name = "example", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a worked example from the course material.",
            "Prints the example's numbers and writes its pictures. Without NAME (or with --list) it "
                + "lists the examples."},
        footer = {"", "Examples:",
            "  chainrule example --list",
            "  chainrule example chain-rule",
            "  chainrule example mazur-2-2-2 -o pictures/"})
final class ExampleCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the example to run")
    String name;

    @Option(names = "--list", description = "list the examples")
    boolean list;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "where pictures go (default: chainrule-out/NAME)")
    Path out;

    ExampleCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (name == null || list) {
            TextTable t = new TextTable(new boolean[] {false, false}, "example", "what it shows");
            for (Example e : Examples.all()) {
                t.add(e.name(), e.summary());
            }
            io.out().print(t);
            return 0;
        }
        Example e = Examples.find(name).orElseThrow(() -> new UserError("unknown example '" + name
                + "'; the examples are " + String.join(", ", names())));
        e.run(io.out(), out != null ? out : Path.of("chainrule-out", name));
        return 0;
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Example e : Examples.all()) {
            n.add(e.name());
        }
        return n;
    }
}
