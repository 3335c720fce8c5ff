package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * viz is a library: it must not choose the user's logging. Its own class path (what a user's project
 * inherits from it) carries no SLF4J binding and no commons-logging bridge; only the CLI may pick one.
 */
class NoLoggingBindingTest {
    @Test
    void noSlf4jBindingOrProviderComesWithViz() throws IOException {
        // SLF4J 1.x finds its binding through this class, 2.x through a ServiceLoader provider.
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.slf4j.impl.StaticLoggerBinder"));
        List<URL> providers = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"));
        assertEquals(List.of(), providers, "SLF4J providers on viz's class path");
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.commons.logging.impl.SLF4JLogFactory"),
                "jcl-over-slf4j would redirect the user's commons-logging");
    }
}
