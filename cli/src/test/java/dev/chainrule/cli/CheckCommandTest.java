package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainrule check} as a front end of the checker library: what it prints, its exit codes
 * and its errors. The verdicts themselves are tested in the checker module.
 */
class CheckCommandTest {
    private static final String MAZUR = Cli.resource("mazur.txt");

    private static Cli check(String answers, String... more) {
        String[] args = new String[] {"check", MAZUR, "--lr", "0.5", "--expect", answers};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void mazursOwnNumbersAllPass() {
        Cli r = check("""
                net_h1 = 0.3775
                out_o1 = 0.75136507
                E = 0.298371109
                ∂E/∂w5 = 0.082167041
                w5' = 0.35891648
                new w8 = 0.561370121
                w1+ = 0.149780716
                """);
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("""
                net_h1 = 0.3775       ok  true value 0.3775
                out_o1 = 0.75136507   ok  true value 0.7513650696
                E = 0.298371109       ok  true value 0.2983711088
                ∂E/∂w5 = 0.082167041  ok  true value 0.08216704056
                w5' = 0.35891648      ok  true value 0.3589164797
                new w8 = 0.561370121  ok  true value 0.5613701211
                w1+ = 0.149780716     ok  true value 0.1497807161
                All 7 answers are right.
                """, r.out());
    }

    @Test
    void anUnclearAndAWrongAnswerAreExitCode1WithTheirReasons() {
        Cli r = check("w5' = 0.4\ndE/dw1 = 0.000877136\n");
        assertEquals(1, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("w5' = 0.4             unclear  true value 0.3589164797", lines[0]);
        assertTrue(lines[1].startsWith("    → 0.4 also matches w5 before the update = 0.4; "), lines[1]);
        assertTrue(lines[1].endsWith("5 significant digits decide: 0.35892"), lines[1]);
        assertEquals("dE/dw1 = 0.000877136  wrong    true value 0.0004385677345", lines[2]);
        assertEquals("    → matches dE/dw1 computed with the ½ of ½(target − output)² dropped: twice the true value "
                + "(the 2 of the square's derivative cancels the ½: ∂E/∂out = −(target − out))", lines[3]);
        assertEquals("1 of 2 answers is wrong, 1 is unclear.", lines[4]);
    }

    @Test
    void anUnreadableLineIsReportedWithLineAndColumnAndTheOthersAreJudged() {
        Cli r = check("E = 0.298371109\nE = 1e99999999999\nnet_h1 = 0.3775");
        assertEquals(2, r.code());
        assertEquals("error: answers line 2:5: 1e99999999999 is too large for a double (the largest is about 1.8e308)\n",
                r.err());
        assertTrue(r.out().contains("net_h1 = 0.3775    ok          true value 0.3775\n"), r.out());
        assertTrue(r.out().endsWith("1 of 3 answers is unreadable.\n"), r.out());
        assertTrue(r.noStackTrace());
    }

    @Test
    void inputsAndTargetsAreNeverUpdated() {
        Cli r = check("i1' = 0.05");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: answers line 1:1: 'i1' is not updated: only parameters are (now w1, w2,"),
                r.err());
    }

    @Test
    void precisionIsAsWrittenUnlessToleranceIsGiven() {
        assertEquals(0, Cli.run("check", "x = 0.56954; f = x", "--expect", "f = 0.5695").code());
        assertEquals(1, Cli.run("check", "x = 0.56966; f = x", "--expect", "f = 0.5695").code());
        assertEquals(0, Cli.run("check", "x = 0.56966; f = x", "--expect", "f = 0.5695", "--tol", "0.001").code());
        assertEquals(0, Cli.run("check", "x = 123; f = x", "--expect", "f = 1.2e2", "--tol", "5").code());
        assertEquals(0, Cli.run("check", "x = 123; f = x", "--expect", "f = 1.23e2").code());
        assertEquals(1, Cli.run("check", "x = 123.6; f = x", "--expect", "f = 1.23e2").code());
    }

    @Test
    void answersCanBeAFile(@TempDir Path dir) throws Exception {
        Path answers = dir.resolve("answers.txt");
        Files.writeString(answers, "# my homework\nq = 3\ndf/dz = 3   # from q\n");
        Cli r = Cli.run("check", "q = x + y; f = q·z", "--at", "x=-2,y=5,z=-4", "--expect", answers.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                q = 3      ok  true value 3
                df/dz = 3  ok  true value 3
                All 2 answers are right.
                """, r.out());
    }

    @Test
    void badInputIsExitCode2() {
        Cli unknown = check("dE/dw9 = 0.1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: answers line 1:5: the program has no node named 'w9'"), unknown.err());
        Cli noLr = Cli.run("check", MAZUR, "--expect", "w5' = 0.35891648");
        assertEquals(2, noLr.code());
        assertEquals("error: answers line 1:1: this is a value after the update; give the learning rate (--lr)\n",
                noLr.err());
        Cli noFile = check("answers.txt");
        assertEquals(2, noFile.code());
        assertEquals("error: cannot read answers file 'answers.txt': no such file (give a file, '-' for standard input, "
                + "or the text itself, such as \"q = 3; dE/dw5 = 0.0822\")\n", noFile.err());
        Cli stepsWithoutLr = Cli.run("check", MAZUR, "--steps", "3", "--expect", "E = 0.3");
        assertEquals(2, stepsWithoutLr.code());
        assertEquals("error: --steps: 3 gradient-descent steps need a learning rate\n", stepsWithoutLr.err());
        Cli missingExpect = Cli.run("check", MAZUR);
        assertEquals(2, missingExpect.code());
        assertTrue(missingExpect.err().contains("Missing required option: '--expect=FILE_OR_TEXT'"), missingExpect.err());
        assertTrue(unknown.noStackTrace() && noLr.noStackTrace() && stepsWithoutLr.noStackTrace());
    }
}
