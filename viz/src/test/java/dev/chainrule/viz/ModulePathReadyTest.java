package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On the module path a package may live in one module only. viz's class path (what a user's project
 * inherits from it) must therefore hold no package twice and none that a JDK module already holds,
 * as batik's xml-apis did ({@code javax.xml.parsers}, {@code org.w3c.dom}). The real module-path run
 * is {@code starter-modular/} in {@code .ci/starter}; this test finds a regression in seconds.
 */
class ModulePathReadyTest {
    @Test
    void noPackageIsSplitBetweenJarsOrWithTheJdk() throws IOException {
        Set<String> jdkPackages = new LinkedHashSet<>();
        ModuleLayer.boot().modules().forEach(m -> jdkPackages.addAll(m.getPackages()));
        Map<String, List<String>> owners = new TreeMap<>();
        List<Path> jars = classPathJars();
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("batik-transcoder")),
                "batik should be on viz's class path: " + jars);
        for (Path jar : jars) {
            for (String pkg : packagesOf(jar)) {
                owners.computeIfAbsent(pkg, p -> new ArrayList<>()).add(jar.getFileName().toString());
            }
        }
        Map<String, List<String>> split = new TreeMap<>();
        Map<String, List<String>> shadowingTheJdk = new TreeMap<>();
        owners.forEach((pkg, holders) -> {
            if (holders.size() > 1) {
                split.put(pkg, holders);
            }
            if (jdkPackages.contains(pkg)) {
                shadowingTheJdk.put(pkg, holders);
            }
        });
        assertEquals(Map.of(), split, "packages held by two jars");
        assertEquals(Map.of(), shadowingTheJdk, "packages a JDK module already holds");
    }

    /** The class path's jars; surefire's manifest-only booter jar is read through its Class-Path. */
    private static List<Path> classPathJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            Manifest manifest;
            try (JarFile jar = new JarFile(path.toFile())) {
                manifest = jar.getManifest();
            }
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (path.getFileName().toString().startsWith("surefirebooter") && classPath != null) {
                for (String url : classPath.trim().split("\\s+")) {
                    Path p = Path.of(java.net.URI.create(url.startsWith("file:") ? url : "file:" + url));
                    if (p.toString().endsWith(".jar") && Files.isRegularFile(p) && !isTestRunner(p)) {
                        jars.add(p);
                    }
                }
            } else if (!isTestRunner(path)) {
                jars.add(path);
            }
        }
        return jars;
    }

    /** Surefire's and JaCoCo's own jars are not part of what a user gets from viz. */
    private static boolean isTestRunner(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("surefire") || name.startsWith("common-") || name.startsWith("org.jacoco");
    }

    private static Set<String> packagesOf(Path jar) {
        Set<String> packages = new LinkedHashSet<>();
        try (JarFile file = new JarFile(jar.toFile());
                Stream<String> names = file.stream().map(e -> e.getName())) {
            names.filter(n -> n.endsWith(".class") && n.contains("/") && !n.startsWith("META-INF/"))
                    .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }
}
