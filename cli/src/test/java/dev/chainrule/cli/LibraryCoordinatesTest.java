package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a user copies into a pom must match the build: BOM, module names, README snippets. */
class LibraryCoordinatesTest {
    /** Modules that are applications or tools, not libraries a user depends on. */
    private static final Set<String> NOT_LIBRARIES = Set.of("bom", "cli", "examples", "bench", "studio");

    private static List<String> libraryModules() {
        return ProjectPoms.all(ProjectPoms.read("pom.xml"), "<module>([^<]+)</module>").stream()
                .filter(m -> !NOT_LIBRARIES.contains(m)).toList();
    }

    @Test
    void theBomListsEveryLibraryAtTheReactorVersionAndNothingElse() {
        String bom = ProjectPoms.read("bom/pom.xml");
        assertEquals(ProjectPoms.reactorVersion(), ProjectPoms.versionAfter(bom, "<artifactId>chainrule-bom</artifactId>"));
        assertFalse(bom.contains("<parent>"), "the BOM must not inherit the parent's JUnit pin");
        List<String> listed = ProjectPoms.all(bom.substring(bom.indexOf("<dependencyManagement>")), "<artifactId>(chainrule-[a-z]+)</artifactId>").stream()
                .filter(a -> !a.equals("chainrule-bom")).toList();
        List<String> expected = libraryModules().stream().map(m -> "chainrule-" + m).toList();
        assertEquals(Set.copyOf(expected), Set.copyOf(listed), "BOM entries against the reactor's library modules");
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"), bom.indexOf("</dependencyManagement>"));
        assertTrue(ProjectPoms.all(managed, "<groupId>([^<]+)</groupId>").stream().allMatch("dev.chainrule"::equals),
                "the BOM manages only Chainrule's own artifacts");
    }

    @Test
    void theStarterUsesTheBomAtTheReactorVersion() {
        String starter = ProjectPoms.read("starter/pom.xml");
        assertTrue(starter.contains("<chainrule.version>" + ProjectPoms.reactorVersion() + "</chainrule.version>"),
                "starter/pom.xml must build against this reactor's version");
        assertTrue(starter.contains("<artifactId>chainrule-bom</artifactId>") && !starter.contains("<parent>"));
    }

    @Test
    void theModularStarterRequiresEveryLibraryByItsModuleName() {
        String pom = ProjectPoms.read("starter-modular/pom.xml");
        assertTrue(pom.contains("<chainrule.version>" + ProjectPoms.reactorVersion() + "</chainrule.version>"),
                "starter-modular/pom.xml must build against this reactor's version");
        String moduleInfo = ProjectPoms.read("starter-modular/src/main/java/module-info.java");
        for (String module : libraryModules()) {
            assertTrue(pom.contains("<artifactId>chainrule-" + module + "</artifactId>"),
                    "starter-modular/pom.xml must depend on chainrule-" + module);
            assertTrue(moduleInfo.contains("requires dev.chainrule." + module + ";"),
                    "starter-modular's module-info.java must require dev.chainrule." + module);
        }
    }

    @Test
    void everyModuleNamesItsJarsModule() {
        for (String module : ProjectPoms.all(ProjectPoms.read("pom.xml"), "<module>([^<]+)</module>")) {
            if (module.equals("bom")) {
                continue;
            }
            String pom = ProjectPoms.read(module + "/pom.xml");
            assertTrue(pom.contains("<chainrule.module.name>dev.chainrule." + module + "</chainrule.module.name>"),
                    module + "/pom.xml must set chainrule.module.name to dev.chainrule." + module);
        }
    }

    @Test
    void theReadmeGivesADependencySnippetForEveryLibrary() {
        String readme = ProjectPoms.read("README.md");
        String version = ProjectPoms.reactorVersion();
        assertTrue(readme.contains("<artifactId>chainrule-bom</artifactId>"), "README: the BOM import");
        for (String module : libraryModules()) {
            assertTrue(readme.contains("<artifactId>chainrule-" + module + "</artifactId>"),
                    "README: a dependency snippet for chainrule-" + module);
        }
        assertTrue(readme.contains("<version>" + version + "</version>"),
                "README: the snippet's version is the build's, " + version);
    }
}
