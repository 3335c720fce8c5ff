package dev.chainrule.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CSV loading, encoding, standardisation, splitting, batching and metrics on real files. */
class DataTest {

    static Path resource(String name) {
        try {
            return Path.of(DataTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsAdmissionsByColumnName() {
        DataTable t = Csv.read(resource("binary.csv"));
        assertEquals(List.of("admit", "gre", "gpa", "rank"), t.columns());
        assertEquals(400, t.rowCount());
        assertEquals(127, Arrays.stream(t.column("admit")).sum(), 0.0);
        assertEquals(587.7, Arrays.stream(t.column("gre")).average().orElseThrow(), 1e-9);
        assertEquals(3.3899, Arrays.stream(t.column("gpa")).average().orElseThrow(), 1e-9);
    }

    @Test
    void oneHotAndDummyEncodeRank() {
        DataTable t = Csv.read(resource("binary.csv"));
        DataTable oneHot = t.oneHot("rank");
        assertEquals(List.of("admit", "gre", "gpa", "rank_1", "rank_2", "rank_3", "rank_4"), oneHot.columns());
        double[] counts = new double[4];
        for (int k = 0; k < 4; k++) {
            counts[k] = Arrays.stream(oneHot.column("rank_" + (k + 1))).sum();
        }
        assertArrayEquals(new double[] {61, 151, 121, 67}, counts, 0.0);
        assertEquals(List.of("admit", "gre", "gpa", "rank_2", "rank_3", "rank_4"), t.dummy("rank").columns());
        Dataset d = oneHot.toDataset("admit");
        assertEquals(6, d.featureCount());
        assertEquals(List.of("gre", "gpa", "rank_1", "rank_2", "rank_3", "rank_4"), d.featureNames());
    }

    @Test
    void sklearnFilesHaveACountsLineOrNoHeader() {
        DataTable cancer = Csv.read(resource("breast_cancer.csv"), Csv.Header.SKIP_FIRST_LINE);
        assertEquals(569, cancer.rowCount());
        assertEquals(31, cancer.columns().size());
        assertEquals(357, Arrays.stream(cancer.column("c31")).sum(), 0.0, "357 benign (label 1)");
        DataTable digits = Csv.read(resource("digits.csv"), Csv.Header.NONE);
        assertEquals(1797, digits.rowCount());
        assertEquals(65, digits.columns().size());
        DataTable named = Csv.read(new StringReader("1,2\n3,4\n"), "inline", Csv.Header.NONE, "a", "b");
        assertArrayEquals(new double[] {2, 4}, named.column("b"), 0.0);
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Csv.read(new StringReader("a,b\n1,2\n3\n"), "x.csv", Csv.Header.FIRST_LINE));
        assertEquals("x.csv:3: expected 2 fields, found 1", e.getMessage());
        DataTable t = Csv.read(new StringReader("a,b\n1,NA\n"), "x.csv", Csv.Header.FIRST_LINE);
        e = assertThrows(IllegalArgumentException.class, () -> t.column("b"));
        assertEquals("x.csv: data row 1, column 'b': 'NA' is not a number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.column("c"));
        assertEquals("x.csv: no column 'c'; the columns are [a, b]", e.getMessage());
    }

    @Test
    void selectDropAndStringsPickColumnsByName() {
        DataTable t = Csv.read(new StringReader("name,a,b\nann,1,2\nbob,3,4\n"), "people.csv", Csv.Header.FIRST_LINE);
        assertArrayEquals(new String[] {"ann", "bob"}, t.strings("name"));
        DataTable ba = t.select("b", "a");
        assertEquals(List.of("b", "a"), ba.columns());
        assertArrayEquals(new double[] {2, 4}, ba.column("b"), 0.0);
        assertArrayEquals(new double[][] {{2, 1}, {4, 3}}, ba.matrix(ba.columns()));
        assertArrayEquals(new String[] {"2", "4"}, ba.strings("b"));
        DataTable numbers = t.drop("name");
        assertEquals(List.of("a", "b"), numbers.columns());
        assertEquals(2, numbers.rowCount());
        assertArrayEquals(new double[] {3, 4}, numbers.matrix(numbers.columns())[1], 0.0);
        assertEquals(List.of("name", "a", "b"), t.columns(), "select and drop leave the table as it was");
        for (var call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> t.select("a", "c"), () -> t.drop("c"), () -> t.strings("c"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertEquals("people.csv: no column 'c'; the columns are [name, a, b]", e.getMessage());
        }
    }

    @Test
    void shuffledIsTheFisherYatesOrderThatCollectionsShuffleDraws() {
        // java.util.Collections.shuffle swaps i − 1 with rng.nextInt(i) for i = n down to 2: the same
        // draws as Dataset.shuffled, so it is an independent reference for the order.
        double[][] x = new double[10][];
        double[] y = new double[10];
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i, 10 * i};
            y[i] = i;
            expected.add(i);
        }
        java.util.Collections.shuffle(expected, new Random(42));
        Dataset d = new Dataset(List.of("i", "ten"), x, y);
        Dataset s = d.shuffled(new Random(42));
        assertEquals(10, s.size());
        assertEquals(List.of("i", "ten"), s.featureNames());
        for (int k = 0; k < 10; k++) {
            assertEquals(expected.get(k), (int) s.label(k), "label at " + k);
            assertArrayEquals(new double[] {expected.get(k), 10 * expected.get(k)}, s.features(k), 0.0);
        }
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), expected, "seed 42 moves something");
        assertEquals(0.0, d.label(0), 0.0, "the original keeps its order");
        assertArrayEquals(s.labels(), d.shuffled(new Random(42)).labels(), 0.0, "same seed, same order");
    }

    @Test
    void standardizerFitsOnTrainAndAppliesToTest() {
        double[][] train = {{1, 10}, {3, 10}};
        Standardizer z = Standardizer.fit(train, Standardizer.Deviation.POPULATION);
        assertArrayEquals(new double[] {2, 10}, z.means(), 0.0);
        assertArrayEquals(new double[] {1, 0}, z.stds(), 0.0);
        assertArrayEquals(new double[] {-1, 0}, z.transform(train)[0], 0.0);
        assertArrayEquals(new double[] {3, 5}, z.transform(new double[][] {{5, 15}})[0], 0.0,
                "test data uses train's mean and std; a constant column is only centred");
    }

    /** pandas' {@code df.std()} and R's {@code sd()} divide by n − 1: that is the default. */
    @Test
    void standardizerUsesTheSampleStandardDeviationByDefault() {
        double[][] x = {{2}, {4}, {4}, {4}, {5}, {5}, {7}, {9}};   // mean 5, Σ(x − 5)² = 32
        assertArrayEquals(new double[] {Math.sqrt(32.0 / 7)}, Standardizer.fit(x).stds(), 0.0);
        assertArrayEquals(new double[] {2.0},
                Standardizer.fit(x, Standardizer.Deviation.POPULATION).stds(), 0.0);
        assertArrayEquals(new double[] {Math.sqrt(32.0 / 7)},
                Standardizer.fit(x, Standardizer.Deviation.SAMPLE).stds(), 0.0);
        assertEquals((9 - 5) / Math.sqrt(32.0 / 7), Standardizer.fit(x).transform(x)[7][0], 0.0);
    }

    @Test
    void standardizerNamesWhatItCannotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(new double[][] {{1, 2}}));
        assertEquals("Standardizer.fit: the sample standard deviation (n − 1) needs at least 2"
                + " rows, got 1; use Deviation.POPULATION for one row", e.getMessage());
        assertArrayEquals(new double[] {0, 0}, Standardizer.fit(new double[][] {{1, 2}},
                Standardizer.Deviation.POPULATION).stds(), 0.0);
        e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(new double[][] {{1, 2}, {3}}));
        assertEquals("Standardizer.fit: row 1 has 1 features, row 0 has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertEquals("Standardizer.fit: row 1, feature 1 is NaN; every value must be a finite"
                + " number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Standardizer.fit(new double[0][]));
        assertEquals("Standardizer.fit: no rows", e.getMessage());
    }

    @Test
    void seededSplitAndShuffledBatches() {
        double[][] x = new double[10][1];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i][0] = i;
            y[i] = i;
        }
        Dataset d = new Dataset(x, y);
        Dataset.Split a = d.split(0.3, 42);
        Dataset.Split b = d.split(0.3, 42);
        assertEquals(3, a.test().size());
        assertEquals(7, a.train().size());
        assertArrayEquals(a.test().labels(), b.test().labels(), 0.0, "same seed, same split");
        assertNotEquals(Arrays.toString(a.test().labels()), Arrays.toString(d.split(0.3, 43).test().labels()));
        Set<Double> seen = new HashSet<>();
        for (double v : a.train().labels()) {
            seen.add(v);
        }
        for (double v : a.test().labels()) {
            seen.add(v);
        }
        assertEquals(10, seen.size(), "train and test partition the examples");
        List<Dataset> batches = d.batches(4, new Random(1));
        assertEquals(List.of(4, 4, 2), batches.stream().map(Dataset::size).toList());
        double sum = batches.stream().flatMapToDouble(bt -> Arrays.stream(bt.labels())).sum();
        assertEquals(45, sum, 0.0);
        assertNotEquals(List.of(0.0, 1.0, 2.0, 3.0), Arrays.stream(batches.get(0).labels()).boxed().toList());
    }

    @Test
    void confusionMatrixPrecisionRecall() {
        int[] actual = {1, 1, 1, 0, 0, 0, 0, 1};
        int[] predicted = {1, 1, 0, 0, 0, 1, 0, 1};
        ConfusionMatrix cm = ConfusionMatrix.of(actual, predicted, 2);
        assertEquals(3, cm.count(1, 1));
        assertEquals(1, cm.count(1, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(0.75, cm.accuracy(), 0.0);
        assertEquals(0.75, Metrics.precision(actual, predicted), 0.0);
        assertEquals(0.75, Metrics.recall(actual, predicted), 0.0);
        assertEquals(2.0 / 3, ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2).accuracy(), 1e-15);
        assertEquals(0.0, ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2).precision(1), 0.0);
    }
}
