package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Asserts that an answer is wrong and recognised as a given catalogue entry. */
final class Named {
    private Named() {
    }

    /** The verdict on {@code answer}: wrong, with {@code mistake} among the catalogue entries it matches. */
    static LineResult wrongAs(Problem p, String answer, Class<? extends Mistake> mistake) {
        LineResult r = Worked.only(p, answer);
        assertEquals(Verdict.WRONG, r.verdict(), answer + ": " + r.message());
        assertTrue(r.catalogue().contains(nameOf(mistake)), answer + " should be recognised as '" + nameOf(mistake)
                + "', matched " + r.catalogue() + ": " + r.matches());
        return r;
    }

    static String nameOf(Class<? extends Mistake> mistake) {
        for (Mistake m : Catalogue.MISTAKES) {
            if (m.getClass() == mistake) {
                return m.name();
            }
        }
        throw new AssertionError(mistake + " is not in the catalogue");
    }
}
