package dev.chainrule.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.engine.Value;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.Neuron;
import dev.chainrule.nn.data.Dataset;
import dev.chainrule.nn.loss.Losses;
import dev.chainrule.nn.optim.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code Trainer.Builder.progressBar}: what the bar writes to standard error. Isolated because it
 * replaces {@code System.err} and the default Locale, which every other test shares.
 */
@Isolated("replaces System.err and the default Locale")
class TrainerProgressBarTest {

    /** Fits y = 2x + 1 with one linear neuron for three full-batch epochs; returns what went to stderr. */
    private static String stderrOfThreeEpochs(boolean bar) {
        Neuron n = new Neuron(1, Activation.LINEAR, new Random(1));
        Dataset d = new Dataset(new double[][] {{-1}, {0}, {1}}, new double[] {-1, 1, 3});
        Objective mse = batch -> {
            List<Value> p = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                p.add(n.forward(batch.features(i)));
            }
            return Losses.mse(p, batch.labels());
        };
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Trainer.builder(mse, new Sgd(n.parameters(), 0.1)).epochs(3).progressBar(bar).build().fit(d);
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void progressBarOnRedrawsOneLinePerEpochAndEndsItWithANewline() {
        String err = stderrOfThreeEpochs(true);
        Matcher m = Pattern.compile("\rtraining \\[([=> ]{30})\\] (\\d)/3 \\d+\\.\\ds( eta \\d+\\.\\ds)? loss (\\S+) *")
                .matcher(err);
        List<String> done = new ArrayList<>();
        List<String> bars = new ArrayList<>();
        int end = 0;
        while (m.find()) {
            assertEquals(end, m.start(), "nothing between redraws: " + err);
            bars.add(m.group(1));
            done.add(m.group(2));
            end = m.end();
        }
        assertEquals(List.of("1", "2", "3"), done, err);
        assertEquals("==========>                   ", bars.get(0));
        assertEquals("====================>         ", bars.get(1));
        assertEquals("==============================", bars.get(2));
        assertEquals(System.lineSeparator(), err.substring(end), "the bar's line is ended when training stops");
    }

    @Test
    void progressBarOffWritesNothing() {
        assertEquals("", stderrOfThreeEpochs(false));
    }

    @Test
    void progressBarUsesADecimalPointWhateverTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("training [===============>              ] 5/10 1.5s eta 1.5s loss 0.1",
                    ProgressBar.line(5, 10, 1.5, "loss 0.1"));
            assertTrue(stderrOfThreeEpochs(true).matches("(?s).* 3/3 \\d+\\.\\ds loss \\d\\.\\d{4}.*"),
                    "the loss is written with a point under de_DE");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
