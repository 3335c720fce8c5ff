package dev.chainrule.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of worked examples, in the order of the course material.
 *
 * <pre>{@code
 * for (Example e : Examples.all()) System.out.println(e.name() + "  " + e.summary());
 * Examples.find("module11").orElseThrow().run(System.out, Path.of("out"));
 * }</pre>
 *
 * <p>From Maven: {@code mvn -q -pl examples -am compile -Dexample=chain-rule}.
 */
public final class Examples {

    private static final List<Example> ALL = List.of(
            new ChainRuleExample(),
            new MazurExample(),
            new Module11Example(),
            new SingleHiddenUnitExample(),
            new AdmissionsExample(),
            new PerceptronExample(),
            new LogisticRegressionExample(),
            new ActivationsExample(),
            new FirstNnExample(),
            new MulticlassExample(),
            new MoonsExample());

    private Examples() {
    }

    /** Every example, in the order of the course material. The list is unmodifiable. */
    public static List<Example> all() {
        return ALL;
    }

    /**
     * The example with this exact name.
     *
     * @return the example, or empty when no example has that name
     */
    public static Optional<Example> find(String name) {
        Objects.requireNonNull(name, "name");
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Runs the examples named in {@code args} (all of them when there are none), writing
     * pictures under {@code chainrule-out/NAME}.
     *
     * @param args example names, also comma-separated ({@code all} for every one);
     *     {@code --out DIR} picks another output folder
     * @throws IOException if a picture cannot be written
     * @throws IllegalArgumentException if a name is unknown (the message lists the names)
     */
    public static void main(String... args) throws IOException {
        Path outRoot = Path.of("chainrule-out");
        List<Example> chosen = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("--out needs a folder after it");
                }
                outRoot = Path.of(args[++i]);
                continue;
            }
            for (String name : args[i].split(",")) {
                if (name.equals("all")) {
                    chosen.addAll(ALL);
                } else if (!name.isBlank()) {
                    chosen.add(find(name).orElseThrow(() -> new IllegalArgumentException(
                            "no example named '" + name + "'; the examples are: " + names())));
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(ALL);
        }
        for (Example e : chosen) {
            System.out.println("== " + e.name() + ": " + e.summary());
            e.run(System.out, outRoot.resolve(e.name()));
            System.out.println();
        }
    }

    private static String names() {
        return ALL.stream().map(Example::name).collect(Collectors.joining(", "));
    }
}
