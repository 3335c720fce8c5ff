package dev.chainrule.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build stamped into the jar's manifest ({@code Implementation-Version}) and into
 * {@code version.properties} (Maven resource filtering), both from the pom's, so that
 * {@code chainrule --version} can never disagree with the pom.
 */
final class BuildVersion implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The project version, for example {@code 0.2.0}. */
    static String version() {
        // Run from the jar, the manifest is already in memory (the class-data archive keeps it), while
        // reading version.properties opens the 5,000-entry jar, which nothing else on --version does.
        String fromManifest = BuildVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        // From the classes directory (tests, an IDE): no manifest.
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
