package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chainrule grad} end to end: the table, each format, and every kind of bad input. */
class GradCommandTest {
    private static final String WORKED = "q = x + y\nf = q·z";

    @Test
    void theWorkedExampleTable() {
        Cli r = Cli.run("grad", WORKED, "--at", "x=-2,y=5,z=-4");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                node  op     value  ∂f/∂node
                x     input     -2        -4
                y     input      5        -4
                q     add        3        -4
                z     input     -4         3
                f     mul      -12         1
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void jsonIsOneObjectAtFullPrecision() {
        Cli r = Cli.run("grad", "param x = 0.3; s = sigmoid(x); f = s*s", "--format", "json", "--lr", "0.1");
        assertEquals(0, r.code(), r.err());
        double s = 1 / (1 + Math.exp(-0.3));
        double g = (2 * s) * (s * (1 - s)); // the order backward multiplies in
        assertEquals("{\"output\": \"f\", \"nodes\": [\n"
                + "  {\"name\": \"x\", \"op\": \"input\", \"value\": 0.3, \"grad\": " + g + ", \"updated\": " + (0.3 - 0.1 * g) + "},\n"
                + "  {\"name\": \"s\", \"op\": \"sigmoid\", \"value\": " + s + ", \"grad\": " + 2 * s + "},\n"
                + "  {\"name\": \"f\", \"op\": \"mul\", \"value\": " + s * s + ", \"grad\": 1}\n"
                + "]}\n", r.out());
        assertEquals("0.574442516811659", Double.toString(s), "the digits the JSON must carry");
    }

    @Test
    void learningRateUpdatesTheWrtInputsOnly() {
        Cli r = Cli.run("grad", WORKED, "--at", "x=-2,y=5,z=-4", "--lr", "0.1", "--wrt", "x,z");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                node  op     value  ∂f/∂node  updated (η = 0.1)
                x     input     -2        -4               -1.6
                y     input      5        -4
                q     add        3        -4
                z     input     -4         3               -4.3
                f     mul      -12         1
                """, r.out());
    }

    @Test
    void hessianOfXSquaredTimesY() {
        Cli r = Cli.run("grad", "x = 3; y = 2; f = x^2·y", "--hessian");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().endsWith("""
                Hessian ∂²f/∂a∂b:
                   x  y
                x  4  6
                y  6  0
                """), r.out());
        Cli json = Cli.run("grad", "x = 3; y = 2; f = x^2·y", "--hessian", "--format", "json", "--wrt", "y,x");
        assertTrue(json.out().endsWith("\"hessian\": {\"wrt\": [\"y\", \"x\"], \"matrix\": [[0, 6], [6, 4]]}}\n"), json.out());
    }

    /**
     * f = x²·y at x = 3, y = 2 by hand: ∂f/∂x = 2xy = 12, ∂f/∂y = x² = 9; with η = 0.5 the updates
     * are 3 − 6 = −3 and 2 − 4.5 = −2.5; the Hessian is [[2y, 2x], [2x, 0]] = [[4, 6], [6, 0]].
     */
    private static final String X2Y = "param x = 3; param y = 2; f = x^2·y";

    @Test
    void csvCarriesTheUpdateColumnAndTheHessian() {
        Cli r = Cli.run("grad", X2Y, "--lr", "0.5", "--hessian", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                name,op,value,grad,updated
                x,input,3,12,-3
                y,input,2,9,-2.5
                f,mul,18,1,

                hessian,x,y
                x,4,6
                y,6,0
                """, r.out());
    }

    @Test
    void markdownCarriesTheUpdateColumnAndTheHessian() {
        Cli r = Cli.run("grad", X2Y, "--lr", "0.5", "--hessian", "--format", "markdown");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                | node | op | value | ∂f/∂node | updated (η = 0.5) |
                |---|---|---:|---:|---:|
                | x | input | 3 | 12 | -3 |
                | y | input | 2 | 9 | -2.5 |
                | f | mul | 18 | 1 |  |

                | ∂²f/∂a∂b | x | y |
                |---|---:|---:|
                | x | 4 | 6 |
                | y | 6 | 0 |
                """, r.out());
    }

    @Test
    void latexCarriesTheUpdateColumnAndTheHessian() {
        Cli r = Cli.run("grad", X2Y, "--lr", "0.5", "--hessian", "--format", "latex");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                \\begin{tabular}{llrrr}
                \\hline
                node & op & value & $\\partial f / \\partial\\,\\mathrm{node}$ & updated ($\\eta = 0.5$) \\\\
                \\hline
                $x$ & input & $3$ & $12$ & $-3$ \\\\
                $y$ & input & $2$ & $9$ & $-2.5$ \\\\
                $f$ & mul & $18$ & $1$ &  \\\\
                \\hline
                \\end{tabular}

                $$\\frac{\\partial^2 f}{\\partial a\\,\\partial b} = \\begin{pmatrix}
                  4 & 6 \\\\
                  6 & 0
                \\end{pmatrix}$$
                """, r.out());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() {
        assertEquals("\"w1\"", GradReport.quote("w1"));
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f∂é\"", GradReport.quote("a\"b\\c\nd\re\tf\u0001g\u001f∂é"));
    }

    @Test
    void theOutputCanBeChosen() {
        Cli r = Cli.run("grad", "x = 3; q = x*x; f = q + x", "--of", "q", "--format", "csv");
        assertEquals("""
                name,op,value,grad
                x,input,3,6
                q,mul,9,1
                f,add,12,0
                """, r.out());
    }

    @Test
    void markdownAndLatex() {
        Cli md = Cli.run("grad", "out_h1 = 2; f = out_h1 * 3", "--format", "markdown");
        assertEquals("""
                | node | op | value | ∂f/∂node |
                |---|---|---:|---:|
                | out\\_h1 | input | 2 | 3 |
                | f | mul | 6 | 1 |
                """, md.out());
        Cli tex = Cli.run("grad", "out_h1 = 2; f = out_h1 * 3", "--format", "LaTeX");
        assertTrue(tex.out().contains("$\\mathrm{out}_{\\mathrm{h1}}$ & input & $2$ & $3$ \\\\\n"), tex.out());
        assertTrue(tex.out().startsWith("\\begin{tabular}{llrr}"), tex.out());
    }

    @Test
    void theProgramCanBeAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("chain.txt");
        Files.writeString(file, "# f = (x + y)z\nx = -2\ny = 5\nz = -4\nq = x + y\nf = q × z\n");
        Cli r = Cli.run("grad", file.toString(), "--at", "z=1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("z     input      1         3\nq     add        3         1\nf     mul        3         1\n"), r.out());
    }

    @Test
    void digitsControlsRounding() {
        Cli r = Cli.run("grad", "x = 1; f = sigmoid(x)", "--digits", "4");
        assertTrue(r.out().contains("x     input         1    0.1966\nf     sigmoid  0.7311         1\n"), r.out());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void anUnknownFunction() {
        Cli r = Cli.run("grad", "x = 1; f = sigmod(x)");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertEquals("parse error at 1:12: unknown function 'sigmod' (did you mean 'sigmoid'?)\n"
                + "  x = 1; f = sigmod(x)\n             ^\n", r.err());
    }

    @Test
    void anUnboundVariable() {
        Cli r = Cli.run("grad", "f = (x + y)·z", "--at", "x=-2,y=5");
        assertEquals(2, r.code());
        assertEquals("unknown name 'z' at 1:13: it is used here but never assigned, and no value was given for it\n"
                + "  f = (x + y)·z\n              ^\n"
                + "Give it a value in the program or with --at NAME=VALUE.\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aSyntaxError() {
        Cli r = Cli.run("grad", "f = (x");
        assertEquals(2, r.code());
        assertEquals("parse error at 1:7: expected ')' but found end of input\n  f = (x\n        ^\n", r.err());
    }

    @Test
    void aSyntaxErrorInAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "x = 1\nf = x +* 2\n");
        Cli r = Cli.run("grad", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(file + ": parse error at 2:8: expected a number, a name or '(' but found '*'"), r.err());
    }

    @Test
    void divisionByZeroPrintsInfAndTheAnomaly() {
        Cli r = Cli.run("grad", "f = x / y", "--at", "x=1,y=0");
        assertEquals(2, r.code());
        assertEquals("""
                node  op     value  ∂f/∂node
                x     input      1       inf
                y     input      0      -inf
                f     div      inf         1
                """, r.out());
        assertEquals("error: anomaly in forward: div produced Infinity from inputs [x=1.0, y=0.0]\n"
                + "  at 1:7 (computing 'f')\n  f = x / y\n        ^\n", r.err());
        Cli json = Cli.run("grad", "f = x / y", "--at", "x=1,y=0", "--format", "json");
        assertEquals(2, json.code());
        assertTrue(json.out().contains("{\"name\": \"f\", \"op\": \"div\", \"value\": null, \"grad\": 1}"),
                "JSON has no infinity: " + json.out());
    }

    @Test
    void malformedAt() {
        assertEquals("error: malformed --at 'x': expected NAME=VALUE, as in --at x=-2,y=5\n",
                Cli.run("grad", "f = x", "--at", "x").err());
        assertEquals("error: malformed --at 'x=abc': 'abc' is not a number; write a decimal number such as 2, -0.5 or 1e-3\n",
                Cli.run("grad", "f = x", "--at", "x=abc").err());
        assertEquals("error: malformed --at 'x=1,,y=2': an empty entry; write NAME=VALUE pairs separated by commas, "
                + "as in --at x=-2,y=5\n", Cli.run("grad", "f = x + y", "--at", "x=1,,y=2").err());
        assertEquals("error: --at gives 'x' twice\n", Cli.run("grad", "f = x", "--at", "x=1,x=2").err());
        assertEquals("error: malformed --at 'x=NaN': 'NaN' is not a number; write a decimal number such as 2, -0.5 "
                + "or 1e-3\n", Cli.run("grad", "f = x", "--at", "x=NaN").err());
        assertEquals("error: --at: the program has no input named 'w'; its inputs are x\n",
                Cli.run("grad", "f = x", "--at", "x=1,w=2").err());
        Cli r = Cli.run("grad", "f = x", "--at", "x=1,w=2");
        assertEquals(2, r.code());
        assertTrue(r.noStackTrace());
        assertEquals(0, Cli.run("grad", "f = x", "--at", "x=−2,").code(), "a Unicode minus and a trailing comma are fine");
    }

    @Test
    void unreadableFiles(@TempDir Path dir) {
        Cli missing = Cli.run("grad", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        assertEquals("error: cannot read program file '" + dir.resolve("nope.txt") + "': no such file (give a file, "
                + "'-' for standard input, or the text itself, such as \"f = (x + y)*z\")\n", missing.err());
        Cli directory = Cli.run("grad", dir.toString());
        assertEquals(2, directory.code());
        assertEquals("error: cannot read program file '" + dir + "': it is a directory\n", directory.err());
        Cli empty = Cli.run("grad", "");
        assertEquals(2, empty.code());
        assertEquals("error: no program given: the argument is empty (give a file, '-' for standard input, or the "
                + "text itself, such as \"f = (x + y)*z\")\n", empty.err());
    }

    @Test
    void anExpressionWithoutAName() {
        Cli r = Cli.run("grad", "(x + y) * z");
        assertEquals(2, r.code());
        assertEquals("error: '(x + y) * z' is neither a file nor program text: write statements 'name = expression', "
                + "such as \"f = (x + y)*z\"\n", r.err());
    }

    @Test
    void badOptions() {
        Cli format = Cli.run("grad", "f = 1", "--format", "xml");
        assertEquals(2, format.code());
        assertEquals("error: --format xml: unknown format; use one of table, json, csv, markdown, latex\n", format.err());
        Cli wrt = Cli.run("grad", "x = 1; q = x*2; f = q", "--wrt", "q", "--lr", "0.1");
        assertEquals("error: --wrt q: 'q' is computed (q = x*2), not an input; its inputs are x\n", wrt.err());
        Cli of = Cli.run("grad", "x = 1; f = x", "--of", "g");
        assertEquals("error: --of g: the program has no node named 'g'; its nodes are x, f\n", of.err());
        Cli unknown = Cli.run("grad", "f = 1", "--bogus");
        assertEquals(2, unknown.code());
        assertEquals("error: Unknown option: '--bogus' (see 'chainrule grad --help')\n", unknown.err());
        Cli none = Cli.run("grad");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing required parameter: 'PROGRAM'"), none.err());
    }

    @Test
    void helpHasAnExample() {
        Cli r = Cli.run("grad", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("chainrule grad \"f = (x + y)·z\" --at x=-2,y=5,z=-4"), r.out());
    }

    @Test
    void tenThousandStepsReproduceTheMaterialsLossAndOutputs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // The material: "after 10,000 rounds the error is about 4e-5, outputs 0.016 and 0.984";
        // the examples module's SigmoidNet222 gives E = 3.5102e-5, 0.0159136, 0.9840643 (weights only).
        java.nio.file.Path png = dir.resolve("loss.png");
        Cli r = Cli.run("grad", Cli.resource("mazur.txt"), "--lr", "0.5", "--steps", "10000", "--plot", png.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("Gradient descent: 10000 steps with η = 0.5 on w1, w2, w3, w4, w5, w6, w7, w8", lines[0]);
        assertEquals(" step                 E", lines[1]);
        assertEquals("    0      0.2983711088", lines[2]);
        assertEquals("    1      0.2910277737", lines[3], "the examples module: E 0.298371109 → 0.291027774");
        assertEquals("10000  0.00003510187783", lines[7], "the examples module: E ≈ 3.5102e−5");
        assertEquals("Values after step 10000:", lines[8]);
        assertTrue(r.out().contains("\nout_o1  sigmoid     0.01591362044 "), "the examples module: 0.0159136\n" + r.out());
        assertTrue(r.out().contains("\nout_o2  sigmoid      0.9840642735 "), "the examples module: 0.9840643\n" + r.out());
        assertTrue(r.err().startsWith("wrote " + png), r.err());
        assertTrue(java.nio.file.Files.exists(png));
    }

    @Test
    void stepsNeedALearningRateAndThePlotNeedsSteps() {
        Cli noLr = Cli.run("grad", Cli.resource("mazur.txt"), "--steps", "3");
        assertEquals(2, noLr.code());
        assertEquals("error: --steps 3: gradient descent needs a learning rate; give --lr\n", noLr.err());
        Cli noSteps = Cli.run("grad", Cli.resource("mazur.txt"), "--lr", "0.5", "--plot", "loss.png");
        assertEquals(2, noSteps.code());
        assertEquals("error: --plot draws the loss over gradient-descent steps; give --steps N (and --lr)\n", noSteps.err());
        Cli diverges = Cli.run("grad", "param w = 1; f = w^2", "--lr", "1000", "--steps", "200");
        assertEquals(2, diverges.code());
        assertTrue(diverges.err().startsWith("error: --steps 200: f is Infinity after "), diverges.err());
        assertTrue(diverges.err().contains("the learning rate 1000.0 is too large for this problem"), diverges.err());
    }

    @Test
    void learningRateWithoutWrtUpdatesParametersNotInputsOrTargets() {
        Cli r = Cli.run("grad", Cli.resource("mazur.txt"), "--lr", "0.5", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        // ∂E/∂w5 = 0.0821670405642308 to a unit in the last place (the engine's σ′ may move that bit).
        assertTrue(r.out().matches("(?s).*\nw5,input,0\\.4,0\\.082167040564230\\d*,0\\.358916479717884\\d*\n.*"), r.out());
        assertTrue(r.out().contains("\ni1,input,0.05,"), r.out());
        assertTrue(r.out().matches("(?s).*\ni1,input,0\\.05,[^,\n]*,\n.*"), "i1 gets no updated value: " + r.out());
        Cli none = Cli.run("grad", "x = 1; y = 2; f = x*y", "--lr", "0.1");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: --lr: the program has no parameters to update"), none.err());
    }
}
