package dev.chainrule.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One workload's figures: timing quantiles, its correctness check and any extra fields, printed
 * as one JSON object or as a readable line.
 */
final class Result {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final String unit;
    private String checkName = "check";
    private boolean ok = true;
    private String failure;

    Result(String workload, String unit) {
        fields.put("workload", workload);
        this.unit = unit;
    }

    Result timing(Samples s) {
        fields.put("median_ms", round(s.medianMs()));
        fields.put("p10_ms", round(s.p10Ms()));
        fields.put("p90_ms", round(s.p90Ms()));
        fields.put("samples", s.count());
        return this;
    }

    /** Records the workload's check figure and what it means. */
    Result check(double value, String meaning) {
        fields.put("check", value);
        fields.put("check_is", meaning);
        checkName = meaning;
        return this;
    }

    /**
     * Records issue 9's target for this workload and whether this run met it. A miss is not a
     * failed check: timings on a loaded machine can miss while the result is right.
     */
    Result target(String target, boolean met) {
        fields.put("target", target);
        fields.put("target_met", met);
        return this;
    }

    /** Marks the check failed, with the reason; the runner then exits non-zero. */
    Result fail(String why) {
        ok = false;
        failure = why;
        return this;
    }

    Result put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** A figure in milliseconds or another unit where four significant digits suffice. */
    Result approx(String key, double value) {
        fields.put(key, round(value));
        return this;
    }

    /** A field recorded so far, or null. */
    Object get(String key) {
        return fields.get(key);
    }

    boolean ok() {
        return ok;
    }

    String toJson() {
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("ok", ok);
        if (failure != null) {
            all.put("failure", failure);
        }
        for (Map.Entry<String, Object> e : all.entrySet()) {
            if (!first) {
                s.append(", ");
            }
            first = false;
            s.append('"').append(e.getKey()).append("\": ").append(jsonValue(e.getValue()));
        }
        return s.append('}').toString();
    }

    String toText() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-5s", fields.get("workload")));
        if (fields.containsKey("median_ms")) {
            s.append(String.format(Locale.ROOT, " median %s ms%s (p10 %s, p90 %s, %s samples)",
                    fields.get("median_ms"), unit, fields.get("p10_ms"), fields.get("p90_ms"),
                    fields.get("samples")));
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String k = e.getKey();
            if (k.equals("workload") || k.equals("median_ms") || k.equals("p10_ms") || k.equals("p90_ms") || k.equals("samples")
                    || k.equals("check_is")) {
                continue;
            }
            String name = k.equals("check") ? checkName : k;
            s.append("\n      ").append(name).append(": ").append(e.getValue());
        }
        s.append("\n      ").append(ok ? "check OK" : "CHECK FAILED: " + failure);
        return s.toString();
    }

    private static Object round(double ms) {
        // Four significant digits are more than the noise allows; keep the JSON readable.
        if (ms == 0 || Double.isNaN(ms) || Double.isInfinite(ms)) {
            return ms;
        }
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", ms));
    }

    private static String jsonValue(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String t = v.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return '"' + t + '"';
    }
}
