package dev.chainrule.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry the CLI's {@code chainrule example NAME} relies on. */
class ExamplesTest {

    @Test
    void namesAreUniqueAndFindable() {
        Set<String> seen = new HashSet<>();
        for (Example e : Examples.all()) {
            assertTrue(seen.add(e.name()), "duplicate name " + e.name());
            assertEquals(e, Examples.find(e.name()).orElseThrow());
            assertFalse(e.summary().isBlank(), e.name() + " has no summary");
        }
        assertTrue(Examples.find("no-such-example").isEmpty());
    }

    @Test
    void everyExampleOfTheMaterialIsThereInItsOrder() {
        assertEquals(List.of("chain-rule", "mazur-2-2-2", "module11",
                "single-hidden-unit", "admissions", "perceptron", "logistic-regression",
                "activations", "first-nn", "multiclass", "moons"),
                Examples.all().stream().map(Example::name).toList());
    }

    @Test
    void mainRejectsAnUnknownNameAndListsTheKnownOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Examples.main("mazur"));
        assertTrue(e.getMessage().contains("no example named 'mazur'"), e.getMessage());
        assertTrue(e.getMessage().contains("mazur-2-2-2"), e.getMessage());
    }
}
