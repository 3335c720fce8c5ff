package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradient descent on the admissions data: the material's ten standardised rows to every printed
 * digit, and the printed losses and accuracies as literal lines.
 */
class AdmissionsExampleTest {

    /**
     * The material's table ("Ten rows of the data after transformations"), pandas' index and
     * all six digits of gre and gpa, as printed in 002_ac568885729be89a.txt (whose last row reads
     * "b" for a 0 in rank_1, an artefact of the text extraction).
     */
    private static final String[] MATERIAL_TABLE = {
        "   15     0 -0.932334  0.131646      0      0      1      0",
        "  115     0  0.279614  1.576859      0      0      1      0",
        "   55     1  1.318426  1.603135      0      0      1      0",
        "  175     1  0.279614 -0.052290      0      1      0      0",
        "   63     1  0.799020  1.208986      0      0      1      0",
        "   67     0  0.279614 -0.236227      1      0      0      0",
        "  216     0 -2.144282 -1.287291      1      0      0      0",
        "  145     0 -1.798011  0.105369      0      0      1      0",
        "  286     1  1.837832 -0.446439      1      0      0      0",
        "  339     1  0.625884  0.210476      0      0      1      0",
    };

    @Test
    void dataIsPreparedAsTheMaterialDoes() {
        Dataset.Split s = AdmissionsExample.data();
        assertEquals(360, s.train().size());
        assertEquals(40, s.test().size());
        assertEquals(List.of("gre", "gpa", "rank_1", "rank_2", "rank_3", "rank_4"),
                s.train().featureNames());
        for (Dataset d : new Dataset[] {s.train(), s.test()}) {
            for (int i = 0; i < d.size(); i++) {
                double ranks = 0;
                for (int j = 2; j < 6; j++) {
                    ranks += d.feature(i, j);
                }
                assertEquals(1.0, ranks, "exactly one rank column is set in row " + i);
            }
        }
    }

    /** Row 15 to the material's six digits: the sample std, not the population one. */
    @Test
    void standardisesWithTheSampleStandardDeviationAsPandasDoes() {
        Dataset all = AdmissionsExample.prepared();
        Printed.assertDigits(-0.932334, all.feature(15, 0), 6, "row 15 gre");
        Printed.assertDigits(0.131646, all.feature(15, 1), 6, "row 15 gpa");
        // With the population std (n) row 15 would read -0.933502 / 0.131811.
        assertTrue(Math.abs(all.feature(15, 0) - -0.933502) > 1e-3, "not the population std");
    }

    @Test
    void printsTheMaterialsRowsTheLossesAndTheAccuracies(@TempDir Path dir) throws IOException {
        String text = Printed.run(new AdmissionsExample(), dir);
        for (String row : MATERIAL_TABLE) {
            assertContains(text, "\n" + row + "\n");
        }
        assertContains(text, "  epoch    0  train loss (MSE) 0.342748\n");
        assertContains(text, "  epoch 1000  train loss (MSE) 0.197948\n  test accuracy 0.775\n");
        assertContains(text, "  epoch  900  train loss (MSE) 0.242567\n  test accuracy 0.725\n");
        Printed.assertTranscript("admissions", text);
    }
}
