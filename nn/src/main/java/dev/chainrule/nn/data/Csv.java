package dev.chainrule.nn.data;

import dev.chainrule.nn.io.Utf8Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads comma-separated files into a {@link DataTable}, with or without a header line.
 *
 * <pre>{@code
 * DataTable admissions = Csv.read(Path.of("binary.csv"));               // header admit,gre,gpa,rank
 * DataTable digits = Csv.read(Path.of("digits.csv"), Csv.Header.NONE);  // columns c1..c65
 * // scikit-learn's CSVs start with "569,30,malignant,benign", which is not a header:
 * DataTable cancer = Csv.read(Path.of("breast_cancer.csv"), Csv.Header.SKIP_FIRST_LINE);
 * }</pre>
 *
 * <p>Fields are split on commas; a field in double quotes may hold commas and doubled quotes.
 * Surrounding spaces are trimmed, blank lines are skipped, and CR, LF and CRLF line ends all work.
 */
public final class Csv {

    /** What the first line of the file is. */
    public enum Header {
        /** The first line names the columns. */
        FIRST_LINE,
        /** There is no header: every line is data. */
        NONE,
        /** The first line is something else (scikit-learn's counts line) and is skipped. */
        SKIP_FIRST_LINE
    }

    private Csv() {
    }

    /**
     * Reads a file whose first line names the columns.
     *
     * @param file the file
     * @return the resulting data table
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if a line has the wrong number of fields
     */
    public static DataTable read(Path file) {
        return read(file, Header.FIRST_LINE);
    }

    /**
     * Reads a file. Without a header line, columns are named {@code names} if given, else
     * {@code c1, c2, …}.
     *
     * @param names column names for {@link Header#NONE} and {@link Header#SKIP_FIRST_LINE};
     *     must be empty for {@link Header#FIRST_LINE}
     * @param file the file
     * @param header how the first line is read
     * @return the resulting data table
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if a line has the wrong number of fields, or names are
     *     given for a file with a header
     */
    public static DataTable read(Path file, Header header, String... names) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        // Decoded whole, so that bytes that are not UTF-8 are named by line and byte offset.
        String source = file.getFileName().toString();
        return read(new java.io.StringReader(Utf8Text.decode(bytes, source)), source, header, names);
    }

    /**
     * Reads CSV text from {@code reader} (not closed).
     *
     * @param source the name used in error messages, such as the file name
     * @param reader the reader
     * @param header how the first line is read
     * @param names the names
     * @return the resulting data table
     * @throws UncheckedIOException if reading fails
     * @throws IllegalArgumentException as for {@link #read(Path, Header, String...)}
     */
    public static DataTable read(Reader reader, String source, Header header, String... names) {
        Objects.requireNonNull(header, "header");
        if (header == Header.FIRST_LINE && names.length > 0) {
            throw new IllegalArgumentException(source + ": column names come from the header line;"
                    + " use Header.NONE or Header.SKIP_FIRST_LINE to give names");
        }
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<String[]> rows = new ArrayList<>();
        List<String> columns = null;
        try {
            String line;
            int lineNo = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (header == Header.FIRST_LINE) {
                        columns = List.of(split(line, source, lineNo));
                        continue;
                    }
                    if (header == Header.SKIP_FIRST_LINE) {
                        continue;
                    }
                }
                String[] fields = split(line, source, lineNo);
                if (columns == null) {
                    columns = names.length > 0 ? List.of(names) : defaultNames(fields.length);
                }
                if (fields.length != columns.size()) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": expected " + columns.size()
                            + " fields, found " + fields.length);
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (columns == null) {
            throw new IllegalArgumentException(source + ": no data");
        }
        return new DataTable(source, columns, rows);
    }

    private static List<String> defaultNames(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add("c" + i);
        }
        return out;
    }

    private static String[] split(String line, String source, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + ":" + lineNo + ": unclosed quote");
        }
        out.add(field.toString().trim());
        return out.toArray(new String[0]);
    }
}
