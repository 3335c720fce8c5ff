package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * For tests that need a program on the machine (native Graphviz, Chromium): on a developer's
 * machine without it they are skipped, but in CI (the {@code CI} environment variable is set, as
 * {@code .ci/run} runs there) they fail, because .ci/run installs both and a skip would hide a
 * path that never ran.
 */
final class Installed {
    private Installed() {
    }

    /** Skips the test, or fails it in CI, unless {@code present}. */
    static void require(boolean present, String program) {
        if (System.getenv("CI") != null) {
            assertTrue(present, program + " is not installed, and in CI this test must run: .ci/run installs it");
        } else {
            assumeTrue(present, program + " is not installed (.ci/run installs it; CI runs this test)");
        }
    }
}
