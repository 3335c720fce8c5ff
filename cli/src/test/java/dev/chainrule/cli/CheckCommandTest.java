package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chainrule check} on Matt Mazur's 2-2-2 network (his printed digits), with one answer
 * for each common mistake.
 */
class CheckCommandTest {
    private static final String MAZUR = Cli.resource("mazur.txt");
    private static final String WEIGHTS = "w1,w2,w3,w4,w5,w6,w7,w8";

    private static Cli check(String answers, String... more) {
        String[] args = new String[] {"check", MAZUR, "--lr", "0.5", "--wrt", WEIGHTS, "--expect", answers};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void mazursOwnNumbersAllPass() {
        Cli r = check("""
                net_h1 = 0.3775
                out_h1 = 0.593269992
                out_h2 = 0.596884378
                out_o1 = 0.75136507
                out_o2 = 0.772928465
                E = 0.298371109
                dE/dout_o1 = 0.74136507
                ∂E/∂w5 = 0.082167041
                dE/dw1 = 0.000438568
                w5' = 0.35891648
                w6' = 0.408666186
                w7' = 0.511301270
                new w8 = 0.561370121
                w1' = 0.149780716
                w2' = 0.19956143
                w3' = 0.24975114
                w4' = 0.29950229
                """);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("net_h1 = 0.3775          ok  expected 0.3775, actual 0.3775\n"), r.out());
        assertTrue(r.out().contains("∂E/∂w5 = 0.082167041     ok  expected 0.082167041, actual 0.08216704056\n"), r.out());
        assertTrue(r.out().endsWith("All 17 answers are right.\n"), r.out());
    }

    @Test
    void eachCommonMistakeIsNamed() {
        Cli r = check("""
                out_h1 = 0.5934            # off by more than 0.00005, no common mistake
                ∂E/∂w6 = -0.082667628      # sign
                dE/dw7 = -0.022740242      # swapped with w8
                dE/dw8 = -0.022602540
                dE/dw1 = 0.000877136       # twice (the ½ forgotten)
                dE/dw4 = 0.000497713       # half
                w6' = 0.45                 # before the update
                w7' = 0.522602540          # η forgotten
                w8' = 0.538629879          # added instead of subtracted
                """);
        assertEquals(1, r.code(), r.err());
        assertEquals("""
                out_h1 = 0.5934        wrong  expected 0.5934, actual 0.5932699921
                ∂E/∂w6 = -0.082667628  wrong  expected -0.082667628, actual 0.08266762785
                    → the sign is flipped
                dE/dw7 = -0.022740242  wrong  expected -0.022740242, actual -0.02260254048
                    → swapped with dE/dw8 (line 4): each is the other's value
                dE/dw8 = -0.022602540  wrong  expected -0.022602540, actual -0.02274024222
                    → swapped with dE/dw7 (line 3): each is the other's value
                dE/dw1 = 0.000877136   wrong  expected 0.000877136, actual 0.0004385677345
                    → twice the right value: off by a factor of 2 (the ½ in E = ½(target − out)²?)
                dE/dw4 = 0.000497713   wrong  expected 0.000497713, actual 0.0009954254705
                    → half the right value: off by a factor of 2 (the ½ in E = ½(target − out)²?)
                w6' = 0.45             wrong  expected 0.45, actual 0.4086661861
                    → this is w6 before the update; after it, w6' = w6 − η·∂E/∂w6
                w7' = 0.522602540      wrong  expected 0.522602540, actual 0.5113012702
                    → the learning rate is missing: this is w7 − ∂E/∂w7, not w7 − η·∂E/∂w7
                w8' = 0.538629879      wrong  expected 0.538629879, actual 0.5613701211
                    → the update went the wrong way: this is w8 + η·∂E/∂w8; subtract it
                9 of 9 answers are wrong.
                """, r.out());
    }

    @Test
    void offByTheLearningRateAndTakenAfterTheUpdate() {
        // f = w·x, one step with η = 0.1: ∂f/∂w = x = 3, w' = 2 − 0.3 = 1.7, f after = 1.7·3 = 5.1.
        Cli r = Cli.run("check", "w = 2; x = 3; f = w*x", "--lr", "0.1", "--wrt", "w",
                "--expect", "df/dw = 0.3; f = 5.1");
        assertEquals(1, r.code());
        assertEquals("""
                df/dw = 0.3  wrong  expected 0.3, actual 3
                    → off by a factor of the learning rate: this is η·(the right value), with η = 0.1
                f = 5.1      wrong  expected 5.1, actual 6
                    → this is the value after the update; use the values from before it
                2 of 2 answers are wrong.
                """, r.out());
    }

    @Test
    void anotherNodesValueOrGradient() {
        Cli r = check("out_h1 = 0.3775\ndE/dw5 = 0.7413650696\nnet_o2 = 0.38\n");
        assertEquals(1, r.code());
        assertEquals("""
                out_h1 = 0.3775        wrong  expected 0.3775, actual 0.5932699921
                    → this is the value of net_h1, not of out_h1
                dE/dw5 = 0.7413650696  wrong  expected 0.7413650696, actual 0.08216704056
                    → this is ∂E/∂out_o1, not ∂E/∂w5
                net_o2 = 0.38          wrong  expected 0.38, actual 1.224921404
                3 of 3 answers are wrong.
                """, r.out(), "0.38 is net_h1 = 0.3775 to two digits, too few to say whose value it is");
    }

    @Test
    void aCoarseAnswerIsNotGivenAMistakeItCannotTellApartFromTheTruth() {
        // ∂E/∂w7 = −0.0226: "0.1" is within 2 × 0.05 of +0.0226, but at one digit −0.0226 and
        // +0.0226 cannot be told apart, so calling it a flipped sign would be a guess.
        Cli r = check("dE/dw7 = 0.1\ndE/dw7 = 0.0226\n");
        assertEquals(1, r.code());
        assertEquals("""
                dE/dw7 = 0.1     wrong  expected 0.1, actual -0.02260254048
                dE/dw7 = 0.0226  wrong  expected 0.0226, actual -0.02260254048
                    → the sign is flipped
                2 of 2 answers are wrong.
                """, r.out());
    }

    @Test
    void precisionIsAsWrittenUnlessToleranceIsGiven() {
        assertEquals(0, Cli.run("check", "x = 0.56954; f = x", "--expect", "f = 0.5695").code());
        assertEquals(1, Cli.run("check", "x = 0.56956; f = x", "--expect", "f = 0.5695").code());
        assertEquals(0, Cli.run("check", "x = 0.56956; f = x", "--expect", "f = 0.5695", "--tol", "0.001").code());
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
                q = 3      ok  expected 3, actual 3
                df/dz = 3  ok  expected 3, actual 3
                All 2 answers are right.
                """, r.out());
    }

    @Test
    void badAnswersAreExitCode2() {
        Cli unknown = check("dE/dw9 = 0.1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: answer on line 1 'dE/dw9 = 0.1': the program has no node named 'w9'"),
                unknown.err());
        Cli notANumber = check("E = about 0.3");
        assertEquals(2, notANumber.code());
        assertEquals("error: answer on line 1 'E = about 0.3': 'about 0.3' is not a number\n", notANumber.err());
        Cli noLr = Cli.run("check", MAZUR, "--expect", "w5' = 0.35891648");
        assertEquals(2, noLr.code());
        assertEquals("error: answer on line 1 'w5' = 0.35891648': this is a value after the update; give the learning "
                + "rate with --lr\n", noLr.err());
        Cli noEquals = check("= 0.3");
        assertEquals(2, noEquals.code());
        assertEquals("error: answer on line 1 '= 0.3': expected NAME = NUMBER, as in q = 3, dE/dw5 = 0.0822 or "
                + "w5' = 0.3589\n", noEquals.err());
        Cli noFile = check("answers.txt");
        assertEquals(2, noFile.code());
        assertEquals("error: cannot read answers file 'answers.txt': no such file (give a file, '-' for standard input, "
                + "or the text itself, such as \"q = 3; dE/dw5 = 0.0822\")\n", noFile.err());
        Cli missingExpect = Cli.run("check", MAZUR);
        assertEquals(2, missingExpect.code());
        assertTrue(missingExpect.err().contains("Missing required option: '--expect=FILE_OR_TEXT'"), missingExpect.err());
        assertTrue(unknown.noStackTrace() && notANumber.noStackTrace() && noLr.noStackTrace());
    }
}
