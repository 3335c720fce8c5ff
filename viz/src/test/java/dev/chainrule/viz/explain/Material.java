package dev.chainrule.viz.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Helpers for comparing a derivation with the course material's printed lines. */
final class Material {
    private Material() {
    }

    /** Our number, rounded to as many decimals as the material printed, equals the material's. */
    static void agrees(String printed, double ours, String what) {
        BigDecimal material = new BigDecimal(printed);
        BigDecimal rounded = new BigDecimal(ours).setScale(material.scale(), RoundingMode.HALF_UP);
        assertEquals(0, material.compareTo(rounded), what + ": the material prints " + printed + ", ours is " + ours
                + " (" + rounded + " at the material's " + material.scale() + " decimals)");
    }

    /** The lines whose left-hand side reads {@code left} in Unicode. */
    static List<Line> lines(Derivation d, String left) {
        List<Line> out = new ArrayList<>();
        for (Line l : d.lines()) {
            if (l.left().toString().equals(left)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The one line of this kind whose left-hand side reads {@code left}. */
    static Line line(Derivation d, Line.Kind kind, String left) {
        Line found = null;
        for (Line l : lines(d, left)) {
            if (l.kind() == kind) {
                if (found != null) {
                    fail("two " + kind + " lines for " + left + ":\n" + d);
                }
                found = l;
            }
        }
        if (found == null) {
            fail("no " + kind + " line for " + left + " in\n" + d);
        }
        return found;
    }

    /** The value a line ends with. */
    static double value(Line l) {
        return l.sides().get(l.sides().size() - 1).formula().value();
    }

    /** The line as text. */
    static String text(Line l) {
        return l.toString().strip();
    }
}
