package dev.chainrule.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one request from the page, read with the checks a hostile client needs: each
 * field has the type the page sends, and program text is within {@link StudioLimits#maxProgramChars()}.
 */
final class StudioRequest {
    private final Map<String, Object> fields;
    private final StudioLimits limits;

    private StudioRequest(Map<String, Object> fields, StudioLimits limits) {
        this.fields = fields;
        this.limits = limits;
    }

    /** Reads a request body. */
    @SuppressWarnings("unchecked")
    static StudioRequest parse(String body, StudioLimits limits) {
        Object v;
        try {
            v = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw StudioException.request(e.getMessage());
        }
        if (!(v instanceof Map)) {
            throw StudioException.request("the request must be a JSON object");
        }
        return new StudioRequest((Map<String, Object>) v, limits);
    }

    /** A text field of at most {@link StudioLimits#maxProgramChars()} characters; {@code ""} when absent. */
    String text(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return "";
        }
        if (!(v instanceof String s)) {
            throw StudioException.request("'" + name + "' must be text");
        }
        if (s.length() > limits.maxProgramChars()) {
            throw StudioException.limit(413, "the " + name + " has " + s.length() + " characters, more than the studio's limit of "
                    + limits.maxProgramChars() + "; split it, or start the studio with --max-program-chars "
                    + s.length());
        }
        return s;
    }

    /** A short name field (an output, a theme), or null when absent. */
    String name(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s) || s.length() > 200) {
            throw StudioException.request("'" + name + "' must be a name of at most 200 characters");
        }
        return s.isBlank() ? null : s.strip();
    }

    /** A number field, or null when absent or null. */
    Double number(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Double d)) {
            throw StudioException.request("'" + name + "' must be a number");
        }
        return d;
    }

    /** A whole number field, or {@code otherwise} when absent. */
    int integer(String name, int otherwise) {
        Double d = number(name);
        if (d == null) {
            return otherwise;
        }
        if (d != Math.rint(d) || Math.abs(d) > 1_000_000) {
            throw StudioException.request("'" + name + "' must be a whole number, not " + d);
        }
        return d.intValue();
    }

    /** An object of numbers by name (the input fields), empty when absent. */
    Map<String, Double> numbers(String name) {
        Object v = fields.get(name);
        Map<String, Double> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw StudioException.request("'" + name + "' must be an object of numbers by name");
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof Double d)) {
                throw StudioException.request("'" + name + "." + e.getKey() + "' must be a number");
            }
            out.put((String) e.getKey(), d);
        }
        return out;
    }

    /** A list of names, empty when absent. */
    List<String> names(String name) {
        Object v = fields.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String s && s.length() <= 200)) {
            throw StudioException.request("'" + name + "' must be a list of names");
        }
        return l.stream().map(x -> (String) x).toList();
    }
}
