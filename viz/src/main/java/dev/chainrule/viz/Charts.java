package dev.chainrule.viz;

import dev.chainrule.engine.OpInfo;
import dev.chainrule.engine.OpRegistry;
import dev.chainrule.engine.Value;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToIntBiFunction;
import java.util.function.UnaryOperator;

/**
 * Charts for teaching and training: loss and accuracy curves, activation functions with their
 * derivatives, and decision boundaries. Each returns a {@link Chart} to write as PNG, SVG or PDF.
 *
 * <pre>{@code
 * Charts.history(losses, accuracies).write(Path.of("training.png"));
 * Charts.activations().write(Path.of("activations.svg"));        // sigmoid, tanh, ReLU, Gaussian
 * Charts.decisionBoundary((a, b) -> model.score(a, b), 0.0, points, labels).write(Path.of("moons.png"));
 * }</pre>
 *
 * <p>Activation curves and their derivatives are computed by the engine: each point is a
 * {@link Value} pushed through the function and differentiated with {@code backward()}.
 */
public final class Charts {
    private static final ChartPalette P = ChartPalette.LIGHT;

    /** The course's four activations, drawn first and by {@link #activations()}. */
    private static final List<String> COURSE = List.of("sigmoid", "tanh", "relu", "gaussian");

    /** Every activation of the engine's {@link OpRegistry}, the course's four first, then in registry order. */
    private static final Map<String, OpInfo> ACTIVATIONS = activationTable();

    private static Map<String, OpInfo> activationTable() {
        Map<String, OpInfo> m = new LinkedHashMap<>();
        for (String n : COURSE) {
            m.put(n, OpRegistry.get(n));
        }
        for (OpInfo op : OpRegistry.activations()) {
            m.putIfAbsent(op.name(), op);
        }
        return m;
    }

    private Charts() {
    }

    // ------------------------------------------------------------------ training history

    /**
     * Loss per step, and accuracy per step beside it; {@code accuracy} may be {@code null}.
     *
     * @param loss the loss
     * @param accuracy the accuracy
     * @return the chart, to write or draw
     */
    public static Chart history(List<? extends Number> loss, List<? extends Number> accuracy) {
        return history(toArray(loss, "loss"), accuracy == null ? null : toArray(accuracy, "accuracy"));
    }

    /**
     * Loss per step, and accuracy per step beside it ({@code accuracy} may be {@code null}).
     * Steps are numbered from 1.
     *
     * @param loss the loss
     * @param accuracy the accuracy
     * @return the chart, to write or draw
     * @throws IllegalArgumentException if loss is empty or a value is not finite
     */
    public static Chart history(double[] loss, double[] accuracy) {
        Objects.requireNonNull(loss, "loss");
        requireSeries(loss, "loss");
        LinePlot lossPlot = new LinePlot("Training loss", "step", "loss")
                .add("loss", steps(loss.length), loss.clone(), P.line(0)).legend(false);
        if (accuracy == null) {
            return new Chart(800, 500, g -> lossPlot.paint(g, 800, 500));
        }
        requireSeries(accuracy, "accuracy");
        LinePlot accPlot = new LinePlot("Accuracy", "step", "accuracy")
                .add("accuracy", steps(accuracy.length), accuracy.clone(), P.line(2)).legend(false);
        return new Chart(1280, 500, g -> {
            lossPlot.paint(g, 640, 500);
            AffineTransform t = g.getTransform();
            g.translate(640, 0);
            accPlot.paint(g, 640, 500);
            g.setTransform(t);
        });
    }

    // ------------------------------------------------------------------ activations

    /** {@return the course's four activations and their derivatives in a 2×2 grid: sigmoid, tanh, ReLU, Gaussian} */
    public static Chart activations() {
        return activations(COURSE.toArray(new String[0]));
    }

    /**
     * Named activations with their derivatives, two per row.
     *
     * @param names the names
     * @return named activations with their derivatives, two per row
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
     */
    public static Chart activations(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("activations: give at least one name; known: " + activationNames());
        }
        List<LinePlot> charts = new ArrayList<>();
        for (String n : names) {
            OpInfo op = ACTIVATIONS.get(known(n));
            charts.add(activationChart(op.title(), op::apply));
        }
        int cols = charts.size() == 1 ? 1 : 2;
        int rows = (charts.size() + cols - 1) / cols;
        return new Chart(600 * cols, 420 * rows, g -> {
            AffineTransform t = g.getTransform();
            for (int i = 0; i < charts.size(); i++) {
                g.setTransform(t);
                g.translate(600 * (i % cols), 420 * (i / cols));
                charts.get(i).paint(g, 600, 420);
            }
            g.setTransform(t);
        });
    }

    /**
     * {@return one named activation (see {@link #activationNames()}) and its derivative}
     *
     * @param name the name
     */
    public static Chart activation(String name) {
        String n = known(name);
        OpInfo op = ACTIVATIONS.get(n);
        LinePlot c = activationChart(op.title(), op::apply);
        return new Chart(800, 500, g -> c.paint(g, 800, 500));
    }

    /**
     * Any activation built from engine ops, and its derivative found by the engine.
     *
     * <pre>{@code Charts.activation("swish-ish", v -> v.mul(v.sigmoid())); }</pre>
     *
     * @param title the title
     * @param f the function
     * @return any activation built from engine ops, and its derivative found by the engine
     */
    public static Chart activation(String title, UnaryOperator<Value> f) {
        Objects.requireNonNull(f, "f");
        LinePlot c = activationChart(Objects.requireNonNull(title, "title"), f);
        return new Chart(800, 500, g -> c.paint(g, 800, 500));
    }

    /** {@return the names {@link #activation(String)} knows} */
    public static List<String> activationNames() {
        return List.copyOf(ACTIVATIONS.keySet());
    }

    private static String known(String name) {
        if (name == null || !ACTIVATIONS.containsKey(name)) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; known: "
                    + String.join(", ", ACTIVATIONS.keySet()));
        }
        return name;
    }

    /** x from −5 to 5 in steps of 1/40 (0 is hit exactly), f(x) and f′(x) from the engine. */
    static double[][] activationCurve(UnaryOperator<Value> f) {
        int n = 401;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] dy = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i - 200) / 40.0;
            Value in = Value.of(x[i], "x");
            Value out = f.apply(in);
            out.backward();
            y[i] = out.data();
            dy[i] = in.grad();
            if (!Double.isFinite(y[i]) || !Double.isFinite(dy[i])) {
                throw new IllegalArgumentException("activation chart: f(" + x[i] + ") = " + y[i] + ", f'(" + x[i]
                        + ") = " + dy[i] + "; a chart needs finite values on [-5, 5]");
            }
        }
        return new double[][] {x, y, dy};
    }

    private static LinePlot activationChart(String title, UnaryOperator<Value> f) {
        double[][] c = activationCurve(f);
        return new LinePlot(title, "x", "").add("f(x)", c[0], c[1], P.line(0)).add("f′(x)", c[0], c[2], P.line(1));
    }

    // ------------------------------------------------------------------ decision boundaries

    /**
     * The decision boundary of a 2-input binary classifier over its data: the plane is shaded
     * by which side of {@code threshold} the score falls, and the points are drawn by label.
     *
     * @param score     the model's score for (x1, x2), such as a probability or a margin
     * @param threshold the score at the boundary: 0.5 for a probability, 0 for a margin
     * @param points    n rows of (x1, x2); not modified
     * @param labels    n labels with at most two distinct values; the larger is the class of
     *                  scores above the threshold; not modified
     * @return the decision boundary of a 2-input binary classifier over its data: the plane is shaded by
     *     which side of {@code threshold} the score falls, and the points are drawn by label
     * @throws IllegalArgumentException for mismatched or malformed data, or more than two labels
     */
    public static Chart decisionBoundary(ToDoubleBiFunction<Double, Double> score, double threshold,
            double[][] points, int[] labels) {
        Objects.requireNonNull(score, "score");
        DecisionPlot.check(points, labels);
        int[] distinct = DecisionPlot.distinct(labels);
        if (distinct.length > 2) {
            throw new IllegalArgumentException("decisionBoundary: a binary classifier needs at most 2 labels, got "
                    + distinct.length + "; use decisionRegions for more classes");
        }
        int lo = distinct[0];
        int hi = distinct.length == 2 ? distinct[1] : lo + 1;
        return new DecisionPlot(points, labels, (a, b) -> {
            double s = score.applyAsDouble(a, b);
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException("decisionBoundary: the score at (" + a + ", " + b + ") is NaN");
            }
            return s > threshold ? hi : lo;
        }).chart();
    }

    /**
     * The decision regions of a 2-input classifier with any number of classes: the plane is
     * shaded by the predicted class and the points drawn by label.
     *
     * @param classify the predicted class of (x1, x2)
     * @param points   n rows of (x1, x2); not modified
     * @param labels   n class labels; not modified
     * @return the decision regions of a 2-input classifier with any number of classes: the plane is shaded
     *     by the predicted class and the points drawn by label
     */
    public static Chart decisionRegions(ToIntBiFunction<Double, Double> classify, double[][] points, int[] labels) {
        Objects.requireNonNull(classify, "classify");
        DecisionPlot.check(points, labels);
        return new DecisionPlot(points, labels, classify).chart();
    }

    // ------------------------------------------------------------------ helpers

    private static double[] steps(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static double[] toArray(List<? extends Number> values, String what) {
        Objects.requireNonNull(values, what);
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            Number n = values.get(i);
            if (n == null) {
                throw new IllegalArgumentException("history: " + what + "[" + i + "] is null");
            }
            a[i] = n.doubleValue();
        }
        return a;
    }

    private static void requireSeries(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("history: " + what + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("history: " + what + "[" + i + "] is " + values[i]
                        + "; a chart cannot show it (did training diverge?)");
            }
        }
    }

    static void drawTitle(Graphics2D g, String title, int width) {
        LinePlot.drawCentered(g, title, LinePlot.TITLE, LinePlot.TEXT, width / 2.0, 30);
    }
}
