package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Main tells picocli not to look for Groovy's closures (start-up time: the failed lookup opens
 * the fat jar). That changes nothing only while Groovy is not on the class path, so that
 * picocli's lookup would fail anyway.
 */
class GroovyTest {

    @Test
    void groovyIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("groovy.lang.Closure"));
    }
}
