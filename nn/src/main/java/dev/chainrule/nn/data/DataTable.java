package dev.chainrule.nn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A table read from a CSV file: named columns of text cells, read as numbers on request.
 * Immutable; every transformation returns a new table.
 *
 * <pre>{@code
 * DataTable t = Csv.read(Path.of("binary.csv")).oneHot("rank");   // rank_1 .. rank_4
 * Dataset d = t.toDataset("admit");                             // features: every other column
 * }</pre>
 */
public final class DataTable {
    private final String source;
    private final List<String> columns;
    private final List<String[]> rows;

    DataTable(String source, List<String> columns, List<String[]> rows) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = 0; i < this.columns.size(); i++) {
            if (this.columns.indexOf(this.columns.get(i)) != i) {
                throw new IllegalArgumentException(source + ": column '" + this.columns.get(i) + "' appears twice");
            }
        }
    }

    /** {@return the column names, in order} */
    public List<String> columns() {
        return columns;
    }

    /** {@return the number of data rows} */
    public int rowCount() {
        return rows.size();
    }

    /**
     * The position of column {@code name}.
     *
     * @param name the name
     * @return the position of column {@code name}
     * @throws IllegalArgumentException if there is no such column; the message lists them
     */
    public int columnIndex(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "'; the columns are " + columns);
        }
        return i;
    }

    /**
     * {@return the text of column {@code name}, row by row}
     *
     * @param name the name
     */
    public String[] strings(String name) {
        int c = columnIndex(name);
        String[] out = new String[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[c];
        }
        return out;
    }

    /**
     * Column {@code name} as numbers.
     *
     * @param name the name
     * @return column {@code name} as numbers
     * @throws IllegalArgumentException if a cell is not a number; the message names the row
     *     (1-based, data rows only), column and text
     */
    public double[] column(String name) {
        int c = columnIndex(name);
        double[] out = new double[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = number(r, c);
        }
        return out;
    }

    /**
     * The given columns as a matrix, one row per data row.
     *
     * @param names the names
     * @return the given columns as a matrix, one row per data row
     * @throws IllegalArgumentException if a column is missing or a cell is not a number
     */
    public double[][] matrix(List<String> names) {
        int[] cs = names.stream().mapToInt(this::columnIndex).toArray();
        double[][] out = new double[rows.size()][cs.length];
        for (int r = 0; r < out.length; r++) {
            for (int j = 0; j < cs.length; j++) {
                out[r][j] = number(r, cs[j]);
            }
        }
        return out;
    }

    private double number(int r, int c) {
        String s = rows.get(r)[c];
        try {
            double x = Double.parseDouble(s);
            if (Double.isNaN(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": data row " + (r + 1) + ", column '" + columns.get(c)
                    + "': '" + s + "' is not a number");
        }
    }

    /**
     * A table of only the given columns, in the given order.
     *
     * @param names the names
     * @return A table of only the given columns, in the given order
     * @throws IllegalArgumentException if a column is missing
     */
    public DataTable select(String... names) {
        int[] cs = Arrays.stream(names).mapToInt(this::columnIndex).toArray();
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] r = new String[cs.length];
            for (int j = 0; j < cs.length; j++) {
                r[j] = row[cs[j]];
            }
            out.add(r);
        }
        return new DataTable(source, List.of(names), out);
    }

    /**
     * A table without the given columns.
     *
     * @param names the names
     * @return A table without the given columns
     * @throws IllegalArgumentException if a column is missing
     */
    public DataTable drop(String... names) {
        List<String> keep = new ArrayList<>(columns);
        for (String n : names) {
            columnIndex(n);
            keep.remove(n);
        }
        return select(keep.toArray(new String[0]));
    }

    /**
     * Replaces column {@code name} by one 0/1 column per distinct value, named
     * {@code name_value} and placed where the column was: {@code rank} with values 1..4 becomes
     * {@code rank_1, rank_2, rank_3, rank_4}. Values are ordered numerically when they are all
     * numbers, otherwise alphabetically.
     *
     * @param name the name
     * @return the resulting data table
     * @throws IllegalArgumentException if the column is missing
     */
    public DataTable oneHot(String name) {
        return encode(name, false);
    }

    /**
     * Dummy encoding: like {@link #oneHot(String)} but without the first value's column, which
     * becomes the reference level ({@code rank} → {@code rank_2, rank_3, rank_4}).
     *
     * @param name the name
     * @return dummy encoding: like {@link #oneHot(String)} but without the first value's column, which
     *     becomes the reference level ({@code rank} → {@code rank_2, rank_3, rank_4})
     * @throws IllegalArgumentException if the column is missing or has only one value
     */
    public DataTable dummy(String name) {
        return encode(name, true);
    }

    private DataTable encode(String name, boolean dropFirst) {
        int c = columnIndex(name);
        List<String> levels = levels(c);
        if (dropFirst && levels.size() < 2) {
            throw new IllegalArgumentException(source + ": column '" + name + "' has only one value, "
                    + levels + "; dummy encoding needs two");
        }
        List<String> kept = dropFirst ? levels.subList(1, levels.size()) : levels;
        List<String> newColumns = new ArrayList<>(columns.subList(0, c));
        for (String level : kept) {
            newColumns.add(name + "_" + level);
        }
        newColumns.addAll(columns.subList(c + 1, columns.size()));
        List<String[]> out = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] r = new String[newColumns.size()];
            System.arraycopy(row, 0, r, 0, c);
            for (int k = 0; k < kept.size(); k++) {
                r[c + k] = row[c].equals(kept.get(k)) ? "1" : "0";
            }
            System.arraycopy(row, c + 1, r, c + kept.size(), row.length - c - 1);
            out.add(r);
        }
        return new DataTable(source, newColumns, out);
    }

    private List<String> levels(int c) {
        boolean numeric = true;
        for (String[] row : rows) {
            try {
                Double.parseDouble(row[c]);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        Comparator<String> order = numeric
                ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> set = new TreeSet<>(order);
        for (String[] row : rows) {
            set.add(row[c]);
        }
        return new ArrayList<>(set);
    }

    /**
     * A data set with {@code label} as the target and every other column as a feature.
     *
     * @param label the label shown in tables and graphs
     * @return A data set with {@code label} as the target and every other column as a feature
     * @throws IllegalArgumentException if a column is missing or a cell is not a number
     */
    public Dataset toDataset(String label) {
        List<String> features = new ArrayList<>(columns);
        features.remove(columnIndex(label));
        return toDataset(label, features);
    }

    /**
     * A data set with the given target and feature columns.
     *
     * @param label the label shown in tables and graphs
     * @param features the features
     * @return A data set with the given target and feature columns
     * @throws IllegalArgumentException if a column is missing or a cell is not a number
     */
    public Dataset toDataset(String label, List<String> features) {
        return new Dataset(features, matrix(features), column(label));
    }

    /** For example {@code DataTable(binary.csv: 400 rows, [admit, gre, gpa, rank])}. */
    @Override
    public String toString() {
        return "DataTable(" + source + ": " + rows.size() + " rows, " + columns + ")";
    }
}
