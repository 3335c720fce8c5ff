package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's op table is the registry's, row for row. When an op is added or its metadata
 * changes, this test fails and writes the table to paste to {@code engine/target/op-table.md}.
 */
class OpTableTest {
    private static final String BEGIN = "<!-- ops: generated from OpRegistry; OpTableTest checks it -->";
    private static final String END = "<!-- /ops -->";

    /** The table as the README shows it. */
    static String table() {
        StringBuilder s = new StringBuilder();
        s.append("| op | call | symbol | formula | local derivative | domain | kinks and conventions |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (OpInfo op : OpRegistry.all()) {
            List<String> d = new ArrayList<>();
            int n = op.arity() == -1 ? 1 : op.arity();
            for (int i = 0; i < n; i++) {
                String t = op.derivativeTemplate(i).replace("{", "").replace("}", "");
                d.add(op.arity() == 2 ? "∂/∂" + (i == 0 ? "a" : "b") + ": " + t : t);
            }
            String kinks = op.kinks().isEmpty() ? "" : "kink at " + op.kinks();
            if (!op.conventions().isEmpty()) {
                kinks += (kinks.isEmpty() ? "" : "; ") + op.conventions();
            }
            s.append("| ").append(op.name())
                    .append(op.aliases().isEmpty() ? "" : " (" + String.join(", ", op.aliases()) + ")")
                    .append(" | `").append(op.usage()).append("` | ").append(op.symbol())
                    .append(" | ").append(op.formula())
                    .append(" | ").append(String.join("; ", d).replace("|", "\\|"))
                    .append(" | ").append(op.definedEverywhere() ? "" : op.domain())
                    .append(" | ").append(kinks.replace("|", "\\|")).append(" |\n");
        }
        return s.toString().replace("|x|", "\\|x\\|");
    }

    @Test
    void theReadmeListsEveryOpOfTheRegistry() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String expected = table();
        Path out = Path.of("target", "op-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, BEGIN + "\n" + expected + END + "\n", StandardCharsets.UTF_8);
        assertTrue(begin >= 0 && end > begin, "README.md has the op table between " + BEGIN + " and " + END
                + "; the table is in " + out.toAbsolutePath());
        assertEquals(expected, text.substring(begin + BEGIN.length() + 1, end),
                "README.md's op table differs from the registry; paste " + out.toAbsolutePath());
    }
}
