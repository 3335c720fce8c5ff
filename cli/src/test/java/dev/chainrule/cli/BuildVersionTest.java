package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * {@code chainrule --version} says the pom's version. Run from the jar it reads the manifest; run
 * from the classes directory, as here, there is no manifest and it reads version.properties.
 */
class BuildVersionTest {

    @Test
    void theVersionIsThePomsFromTheClassesDirectory() {
        assertNull(BuildVersion.class.getPackage().getImplementationVersion(), "expected no manifest here");
        assertEquals(ProjectPoms.reactorVersion(), BuildVersion.version());
        assertEquals("chainrule " + ProjectPoms.reactorVersion(), new BuildVersion().getVersion()[0]);
    }
}
