package dev.chainrule.cli;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.viz.Charts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help sections that list the expression language's functions and the plottable activations.
 * Both are derived from the engine's op registry, so a new op shows in {@code --help} by itself.
 */
final class FunctionHelp {
    private FunctionHelp() {
    }

    /** One line per function of the language: its usage, aliases, formula and domain. */
    static List<String> functionLines() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Functions (+ − · / ^ and −x are also add, sub, mul, div, pow and neg):");
        for (OpInfo op : OpRegistry.all()) {
            if (op.kind() == OpInfo.Kind.ARITHMETIC) {
                continue;
            }
            StringBuilder s = new StringBuilder("  ").append(op.usage());
            if (!op.aliases().isEmpty()) {
                s.append(" (also ").append(String.join(", ", op.aliases())).append(')');
            }
            pad(s, 36);
            s.append(op.formula());
            if (!op.definedEverywhere()) {
                s.append("; for ").append(op.domain());
            }
            lines.add(s.toString());
        }
        return lines;
    }

    /** The activations {@code plot} knows, on one line. */
    static List<String> activationLines() {
        return List.of("", "Activations: " + String.join(", ", Charts.activationNames()) + ".");
    }

    private static void pad(StringBuilder s, int width) {
        s.append(' ');
        while (s.length() < width) {
            s.append(' ');
        }
    }

    /**
     * Appends {@code lines()} to the footer of {@code command}'s help the first time that help is
     * shown, not before: listing the registry loads every op, which a command that only runs does
     * not need. The help printed is the same as with {@link #appendToFooter}.
     */
    static void appendToFooterWhenShown(CommandLine command, Supplier<List<String>> lines) {
        Map<String, IHelpSectionRenderer> sections = command.getHelpSectionMap();
        IHelpSectionRenderer footer = sections.get(UsageMessageSpec.SECTION_KEY_FOOTER);
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, new IHelpSectionRenderer() {
            private boolean appended;

            @Override
            public String render(Help help) {
                if (!appended) {
                    appended = true;
                    appendToFooter(command, lines.get());
                }
                return footer.render(help);
            }
        });
    }

    /** Appends {@code lines} to the footer of {@code command}'s help (escaping picocli's % format). */
    static void appendToFooter(CommandLine command, List<String> lines) {
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        List<String> footer = new ArrayList<>(Arrays.asList(usage.footer()));
        for (String line : lines) {
            footer.add(line.replace("%", "%%"));
        }
        usage.footer(footer.toArray(new String[0]));
    }
}
