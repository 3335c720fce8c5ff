package dev.chainrule.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code --at x=-2,y=5,z=-4} (the option may also be repeated) into input values. */
final class AtValues {
    /** A decimal number as people write it; Java's own parser also takes "NaN", hex and "1d". */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

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
                Double value = number(text);
                if (value == null) {
                    throw new UserError("malformed --at '" + p + "': '" + text + "' is not a number");
                }
                if (out.put(name, value) != null) {
                    throw new UserError("--at gives '" + name + "' twice");
                }
            }
        }
        return out;
    }

    /** The number {@code text} spells (a Unicode minus allowed), or null. */
    static Double number(String text) {
        String t = text.replace('\u2212', '-');
        if (!NUMBER.matcher(t).matches()) {
            return null;
        }
        double v = Double.parseDouble(t);
        return Double.isFinite(v) ? v : null;
    }
}
