package dev.chainrule.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build stamped into {@code version.properties} (Maven resource filtering), so that
 * {@code chainrule --version} can never disagree with the pom.
 */
final class BuildVersion implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The project version, for example {@code 0.2.0}. */
    static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("chainrule was built without " + RESOURCE
                        + "; rebuild it with Maven (mvn package -pl cli -am)");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException(RESOURCE + " was not filtered by Maven (version=" + v + ")");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"chainrule " + version()};
    }
}
