package dev.chainrule.checker;

import java.util.List;

/** How lists of names read in messages. */
final class Names {
    private Names() {
    }

    /** a, b and c; at most 20 names, then how many in all. */
    static String list(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        if (names.size() > 20) {
            return String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
