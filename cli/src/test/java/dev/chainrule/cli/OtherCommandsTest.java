package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** render, gradcheck, example and the top-level command, end to end. */
class OtherCommandsTest {

    @Test
    void renderWritesTheGraphInTheFormatOfTheExtension(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("f.dot");
        Cli r = Cli.run("render", "q = x + y; f = q·z", "--at", "x=-2,y=5,z=-4", "-o", dot.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + dot + "\n", r.out());
        String text = Files.readString(dot);
        assertTrue(text.startsWith("digraph"), text);
        assertTrue(text.contains("-12") && text.contains("-4"), text);
    }

    @Test
    void gradWithOutputPrintsTheTableAndWritesTheGraph(@TempDir Path dir) throws Exception {
        Path dot = dir.resolve("sub/f.dot");
        Cli r = Cli.run("grad", "f = (x + y)·z", "--at", "x=-2,y=5,z=-4", "-o", dot.toString(), "--no-grads");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("f     mul      -12         1"), r.out());
        assertEquals("wrote " + dot + "\n", r.err());
        assertTrue(Files.readString(dot).startsWith("digraph"));
    }

    @Test
    void renderBadInput(@TempDir Path dir) {
        Cli ext = Cli.run("render", "f = 1", "-o", dir.resolve("f.gif").toString());
        assertEquals(2, ext.code());
        assertTrue(ext.err().contains("unknown extension 'gif'"), ext.err());
        Cli theme = Cli.run("render", "f = 1", "-o", dir.resolve("f.dot").toString(), "--theme", "pink");
        assertEquals("error: --theme pink: use one of light, dark, print, cs231n\n", theme.err());
        Cli highlight = Cli.run("render", "x = 1; f = x", "-o", dir.resolve("f.dot").toString(), "--highlight", "nope");
        assertEquals(2, highlight.code());
        assertTrue(highlight.err().contains("nope") && highlight.noStackTrace(), highlight.err());
        Cli noOutput = Cli.run("render", "f = 1");
        assertEquals(2, noOutput.code());
    }

    @Test
    void aFileInTheWayOfTheOutputFolderIsNamedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes"), "not a folder");
        Path svg = file.resolve("f.svg");
        Cli r = Cli.run("render", "x = 1; f = x", "-o", svg.toString());
        assertEquals(2, r.code());
        assertEquals("error: cannot write '" + svg + "': " + file + ": is in the way (it exists, but is not a folder)\n",
                r.err());
    }

    @Test
    void gradcheckPassesForTheEngineAndPrintsTheWorstPoint() {
        Cli r = Cli.run("gradcheck", "f = sigmoid(x·y) + log(x) + x^y", "--at", "x=1,y=2", "--trials", "5", "--seed", "3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("gradcheck of f: 5 random points, seed 3, 2 inputs\nlargest absolute error: "), r.out());
        assertTrue(r.out().contains("\nworst point ("), r.out());
        assertTrue(r.out().endsWith("passed: all 10 derivatives agree (atol 0.00001, rtol 0.001)\n"), r.out());
        assertEquals(r.out(), Cli.run("gradcheck", "f = sigmoid(x·y) + log(x) + x^y", "--at", "x=1,y=2", "--trials", "5",
                "--seed", "3").out(), "the same seed gives the same points");
    }

    @Test
    void gradcheckFailsWhenTheDerivativesDisagree() {
        // sin(10⁶·x) turns a whole radian within one finite-difference step (10⁻⁶), so the central
        // difference is off by sin(1)/1 ≈ 0.84 and the check must report it.
        Cli r = Cli.run("gradcheck", "f = sin(1000000·x)", "--trials", "3");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().endsWith("FAILED: 3 of 3 derivatives disagree (atol 0.00001, rtol 0.001)\n"), r.out());
        assertTrue(r.out().contains("worst point (2): x=-0.179838377\n"), r.out());
    }

    @Test
    void gradcheckDrawsAgainOutsideTheDomain() {
        // Half of [-1, 1] is outside log's domain; every point checked must be inside it.
        Cli r = Cli.run("gradcheck", "f = log(x)", "--at", "x=0", "--trials", "10");
        assertEquals(0, r.code(), r.out());
        Cli never = Cli.run("gradcheck", "f = log(x - 100)", "--at", "x=0");
        assertEquals(2, never.code());
        assertEquals("error: gradcheck: found no point where the program and its gradient are finite in 1000 tries; "
                + "give a centre inside its domain with --at\n", never.err());
    }

    @Test
    void exampleListsAndRuns(@TempDir Path dir) {
        Cli list = Cli.run("example");
        assertEquals(0, list.code());
        assertTrue(list.out().startsWith("example     "), list.out());
        assertTrue(list.out().contains("\nchain-rule  "), list.out());
        Cli run = Cli.run("example", "chain-rule", "-o", dir.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("f         -12        1"), run.out());
        Cli unknown = Cli.run("example", "nope");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown example 'nope'; the examples are chain-rule, "), unknown.err());
    }

    @Test
    void slidesWriteAPageAndOneFramePerStep(@TempDir Path dir) throws Exception {
        Path deck = dir.resolve("deck");
        Cli r = Cli.run("slides", "q = x + y; f = q·z", "--at", "x=-2,y=5,z=-4", "-o", deck.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 8 slides: " + deck.resolve("slides.html") + " and 8 SVG frames in " + deck + "\n", r.out());
        assertTrue(Files.readString(deck.resolve("slides.html")).contains("∂f/∂x"));
        assertTrue(Files.exists(deck.resolve("frame-08.svg")));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertEquals("error: -o " + file + ": it is a file, not a folder\n",
                Cli.run("slides", "f = 1", "-o", file.toString()).err());
    }

    @Test
    void trainClassifiesIris(@TempDir Path dir) throws Exception {
        Path iris = dir.resolve("iris.csv");
        try (var in = OtherCommandsTest.class.getResourceAsStream("/dev/chainrule/examples/data/iris.csv")) {
            Files.copy(in, iris);
        }
        Path model = dir.resolve("model.json");
        Path curve = dir.resolve("loss.svg");
        Cli r = Cli.run("train", iris.toString(), "--header", "skip", "--label", "c5", "--hidden", "8", "--lr", "0.05",
                "--epochs", "100", "--save", model.toString(), "--plot", curve.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("data: " + iris + ", 150 examples, 4 features; classification into 3 classes "
                + "[0, 1, 2]; 120 to train, 30 to test (seed 1)\nmodel: MLP 4-8-3, tanh hidden, 67 parameters; adam, "
                + "η = 0.05, full batch\n"), r.out());
        assertTrue(r.out().contains("\ntest accuracy: 0.9333 (28 of 30)\n"), r.out());
        assertTrue(r.out().endsWith("wrote " + curve + "\nsaved 67 parameters to " + model + "\n"), r.out());
        assertTrue(Files.readString(curve).contains("<svg"));
        assertTrue(Files.readString(model).contains("chainrule-parameters"));
        assertEquals(r.out(), Cli.run("train", iris.toString(), "--header", "skip", "--label", "c5", "--hidden", "8",
                "--lr", "0.05", "--epochs", "100", "--save", model.toString(), "--plot", curve.toString()).out(),
                "seeded, so repeatable");
    }

    @Test
    void trainRegressesALinearTarget(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 50; i++) {
            double a = (i % 7) - 3;
            double b = (i % 5) * 0.5;
            csv.append(a).append(',').append(b).append(',').append(2 * a - b + 1).append('\n');
        }
        Path data = Files.writeString(dir.resolve("linear.csv"), csv);
        Cli r = Cli.run("train", data.toString(), "--label", "y", "--hidden", "0", "--lr", "0.1", "--epochs", "300",
                "--every", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("; regression; 40 to train, 10 to test (seed 1)\nmodel: MLP 2-1, tanh hidden, "
                + "3 parameters; adam, η = 0.1, full batch\n"), r.out());
        String last = r.out().lines().filter(l -> l.startsWith("test loss (MSE): ")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(last.substring("test loss (MSE): ".length())) < 1e-6, r.out());
    }

    @Test
    void trainBadInput(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n");
        assertEquals("error: --label z: " + csv + " has no column 'z'; its columns are a, b, y\n",
                Cli.run("train", csv.toString(), "--label", "z").err());
        assertEquals("error: cannot read data file '" + dir.resolve("none.csv") + "': no such file\n",
                Cli.run("train", dir.resolve("none.csv").toString(), "--label", "y").err());
        assertEquals("error: --header top: use first, none or skip\n",
                Cli.run("train", csv.toString(), "--label", "y", "--header", "top").err());
        assertEquals("error: --activation swish: use one of linear, relu, tanh, sigmoid, step, bipolar_step, leaky_relu, softplus, "
                + "elu, gelu, silu\n", Cli.run("train", csv.toString(), "--label", "y", "--activation", "swish").err());
        Path ragged = Files.writeString(dir.resolve("r.csv"), "a,y\n1,0\n2\n");
        Cli r = Cli.run("train", ragged.toString(), "--label", "y");
        assertEquals(2, r.code());
        assertEquals("error: r.csv:3: expected 2 fields, found 1\n", r.err());
    }

    @Test
    void plotActivationsANamedOneOrAProgram(@TempDir Path dir) throws Exception {
        Path all = dir.resolve("a.svg");
        Cli r = Cli.run("plot", "activations", "-o", all.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + all + "\n", r.out());
        assertTrue(Files.readString(all).contains("<svg"));
        Path swish = dir.resolve("s.svg");
        assertEquals(0, Cli.run("plot", "y = x·sigmoid(x)", "-o", swish.toString()).code());
        assertTrue(Files.readString(swish).contains("y = x·sigmoid(x)"));
        assertEquals("error: plot: the program must have exactly one input to plot against, but it has 2 (x, w)\n",
                Cli.run("plot", "y = x·w", "-o", swish.toString()).err());
        Cli unknown = Cli.run("plot", "activations", "--names", "sigmoid,nope", "-o", swish.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("error: unknown activation 'nope'"), unknown.err());
        assertEquals(2, Cli.run("plot", "activations", "-o", dir.resolve("a.dot").toString()).code());
    }

    /**
     * {@code plot gelu} draws GELU and its derivative: the two curves of the SVG, read back as
     * numbers, match reference values of the tanh form (mpmath, 40 digits: gelu(1) =
     * 0.84119199060827670, gelu(−1.5) = −0.10042842301976708, gelu′(1) = 1.0829640838457826,
     * gelu′(−0.5) = 0.13263009646535769). The curves are sampled at x = −5, −4.975, …, 5, so point
     * i is x = (i − 200)/40; the y axis is an affine map of the value, fixed here by two points.
     */
    @Test
    void plotGeluDrawsTheGeluCurveAndItsDerivative(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("g.svg");
        Cli r = Cli.run("plot", "gelu", "-o", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + svg + "\n", r.out());
        String text = Files.readString(svg);
        assertTrue(text.contains(">GELU (tanh form)</text>"), "title");
        assertTrue(text.contains(">f(x)</text>") && text.contains(">f′(x)</text>"), "legend");
        List<double[][]> curves = new ArrayList<>();
        Matcher path = Pattern.compile("<path d=\"([^\"]+)\"").matcher(text);
        while (path.find()) {
            String[] points = path.group(1).replaceAll("[ML]", " ").trim().split("\\s+");
            double[][] xy = new double[points.length][];
            for (int i = 0; i < points.length; i++) {
                String[] c = points[i].split(",");
                xy[i] = new double[] {Double.parseDouble(c[0]), Double.parseDouble(c[1])};
            }
            curves.add(xy);
        }
        assertEquals(2, curves.size(), "GELU and its derivative");
        double[][] f = curves.get(0);
        double[][] df = curves.get(1);
        assertEquals(401, f.length);
        assertEquals(401, df.length);
        // Pixels per unit of value, and where value 0 is: from gelu(0) = 0 and gelu′(0) = 0.5.
        double zero = f[200][1];
        double perUnit = (df[200][1] - zero) / 0.5;
        double[][] expected = {
            {240, 0.84119199060827670, 1.0829640838457826},      // x = 1
            {140, -0.10042842301976708, -0.12771079315143308},   // x = −1.5
            {180, -0.15428599017485608, 0.13263009646535769},    // x = −0.5
            {320, 2.9963626079182270, 1.0115841666309697},       // x = 3
        };
        for (double[] e : expected) {
            int i = (int) e[0];
            assertEquals(f[i][0], df[i][0], 1e-9, "both curves share x");
            assertEquals(e[1], (f[i][1] - zero) / perUnit, 1e-6, "gelu at point " + i);
            assertEquals(e[2], (df[i][1] - zero) / perUnit, 1e-6, "gelu′ at point " + i);
        }
        double step = f[201][0] - f[200][0];
        assertEquals(40 * step, f[240][0] - f[200][0], 1e-6, "x is evenly spaced");
        assertTrue(perUnit < 0, "larger values are drawn higher (SVG y grows downwards)");
    }

    @Test
    void theTopLevelCommand() {
        Cli none = Cli.run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: say which command to run\nUsage: chainrule"), none.err());
        Cli version = Cli.run("--version");
        assertEquals(0, version.code());
        assertEquals("chainrule " + ProjectPoms.reactorVersion() + "\n", version.out());
        Cli unknown = Cli.run("frobnicate");
        assertEquals(2, unknown.code());
        for (String command : new String[] {"grad", "check", "render", "slides", "gradcheck", "train", "plot", "example"}) {
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().contains("Examples:\n  chainrule " + command), command + ":\n" + help.out());
        }
    }
}
