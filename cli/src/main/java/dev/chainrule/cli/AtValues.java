package dev.chainrule.cli;

import dev.chainrule.engine.expr.NumberLiteral;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --at x=-2,y=5,z=-4} (the option may also be repeated) into input values. */
final class AtValues {
    private AtValues() {
    }

    static Map<String, Double> parse(List<String> options) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (options == null) {
            return out;
        }
        for (String option : options) {
            String[] parts = option.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.isEmpty()) {
                    if (i > 0 && i == parts.length - 1) {
                        continue; // a trailing comma
                    }
                    throw new UserError("malformed --at '" + option + "': an empty entry; write NAME=VALUE pairs "
                            + "separated by commas, as in --at x=-2,y=5");
                }
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new UserError("malformed --at '" + p + "': expected NAME=VALUE, as in --at x=-2,y=5");
                }
                String name = p.substring(0, eq).trim();
                String text = p.substring(eq + 1).trim();
                double value;
                try {
                    value = NumberLiteral.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new UserError("malformed --at '" + p + "': " + e.getMessage());
                }
                if (out.put(name, value) != null) {
                    throw new UserError("--at gives '" + name + "' twice");
                }
            }
        }
        return out;
    }
}
