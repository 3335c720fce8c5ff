package dev.chainrule.examples;

import static dev.chainrule.examples.Printed.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.nn.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient descent on the admissions data: the loss falls and the accuracy is sane. */
class AdmissionsExampleTest {

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
                assertTrue(Math.abs(d.feature(i, 0)) < 4 && Math.abs(d.feature(i, 1)) < 4,
                        "gre and gpa are standardised");
            }
        }
    }

    @Test
    void bothNetworksLearnAndReportTheirAccuracy() {
        AdmissionsExample.Result r = AdmissionsExample.compute();
        for (AdmissionsExample.Run run : new AdmissionsExample.Run[] {r.singleUnit(),
                r.hiddenLayer()}) {
            double[] l = run.trainLosses();
            assertEquals(11, l.length);
            for (int k = 1; k < l.length; k++) {
                assertTrue(l[k] < l[k - 1], run.title() + ": loss rose at report " + k);
            }
            // 40 test records; always predicting "not admitted" would score about 0.7.
            assertTrue(run.testAccuracy() >= 0.65 && run.testAccuracy() <= 0.9,
                    run.title() + ": test accuracy " + run.testAccuracy());
        }
        assertEquals(0, r.singleUnit().epochs()[0]);
        assertEquals(900, r.singleUnit().epochs()[9]);
        assertEquals(1000, r.singleUnit().epochs()[10]);
        assertEquals(810, r.hiddenLayer().epochs()[9]);
        assertEquals(900, r.hiddenLayer().epochs()[10]);
        assertTrue(r.singleUnit().trainLosses()[10] < 0.21, "the single unit's MSE ends near 0.198");

        String text = Printed.capture(out -> AdmissionsExample.print(r, out));
        assertContains(text, "test accuracy " + Format.fixed(r.singleUnit().testAccuracy(), 3));
        assertContains(text, "test accuracy " + Format.fixed(r.hiddenLayer().testAccuracy(), 3));
        assertContains(text, "epoch  500  train loss (MSE) "
                + Format.fixed(r.singleUnit().trainLosses()[5], 6));
    }
}
