package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ./chainrule (bash) and chainrule.cmd (Windows) must build and run the same way. Windows itself is
 * not available here, so this pins what can be read: the same Maven build, the same jar, the same exit
 * code for a missing tool.
 */
class LaunchersTest {
    private static final String BUILD = "mvn -B -DskipTests package -pl cli -am";

    @Test
    void bothLaunchersRunTheSameBuildAndTheSameJar() {
        String bash = ProjectPoms.read("chainrule");
        String cmd = ProjectPoms.read("chainrule.cmd");
        assertTrue(bash.contains(BUILD), "./chainrule builds with " + BUILD);
        assertTrue(cmd.contains("call " + BUILD), "chainrule.cmd builds with " + BUILD);
        assertTrue(bash.contains("cli/target/chainrule.jar") && cmd.contains("cli\\target\\chainrule.jar"));
        assertTrue(bash.contains("-jar \"$jar\" \"$@\""), "bash passes every argument on");
        assertTrue(cmd.contains("-jar \"%JAR%\" %*"), "cmd passes every argument on");
        // Both look at every module's pom and main sources, not a hard-coded module list.
        assertTrue(bash.contains("\"$root\"/*/pom.xml \"$root\"/*/src/main"));
        assertTrue(cmd.contains("'pom.xml'") && cmd.contains("'src\\main'"));
    }

    @Test
    void bothRefuseAMissingJavaOrMavenWithExitTwo() {
        String bash = ProjectPoms.read("chainrule");
        String cmd = ProjectPoms.read("chainrule.cmd");
        for (String tool : List.of("needs Java 17 or newer (java is not on the PATH)",
                "needs Maven to build itself on first use (mvn is not on the PATH)")) {
            assertTrue(bash.contains(tool), bash);
            assertTrue(cmd.contains(tool), tool);
        }
        assertEquals(3, cmd.split("exit /b 2", -1).length - 1, "every failure path of chainrule.cmd exits 2");
    }

    @Test
    void bothChooseTheSameJvmOptionsByCommand() {
        String bash = ProjectPoms.read("chainrule");
        String cmd = ProjectPoms.read("chainrule.cmd");
        assertTrue(bash.contains("train|example) jvm+=(--add-modules jdk.incubator.vector -XX:+UseSerialGC)"),
                "bash: vector and the serial collector for train, example");
        assertTrue(cmd.contains("java --add-modules jdk.incubator.vector -XX:+UseSerialGC "), "cmd: the same");
        assertTrue(bash.contains("gradcheck) ;;"), "bash: full JIT for gradcheck");
        assertTrue(bash.contains("studio) jvm+=(-XX:-DontCompileHugeMethods) ;;"), "bash: full JIT and huge methods for studio");
        assertTrue(bash.contains("*) jvm+=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) ;;"));
        for (String c : List.of("train", "example")) {
            assertTrue(cmd.contains("if /i \"%~1\"==\"" + c + "\" set \"CR_VECTOR=1\""), "cmd: vector for " + c);
        }
        assertTrue(cmd.contains("if /i \"%~1\"==\"gradcheck\" set \"CR_OPTS=\""), "cmd: full JIT for gradcheck");
        assertTrue(cmd.contains("if /i \"%~1\"==\"studio\" set \"CR_OPTS=-XX:-DontCompileHugeMethods\""),
                "cmd: full JIT and huge methods for studio");
        assertTrue(cmd.contains("set \"CR_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC\""));
        String notice = "WARNING: Using incubator modules: jdk.incubator.vector";
        assertTrue(bash.contains(notice) && cmd.contains("findstr /V /B /C:\"" + notice + "\""), "both drop the notice");
    }

    @Test
    void theWindowsLauncherHasWindowsLineEndings() {
        String cmd = ProjectPoms.read("chainrule.cmd");
        long lines = cmd.lines().count();
        assertEquals(lines, cmd.split("\r\n", -1).length - 1, "every line of chainrule.cmd ends in CRLF");
    }
}
