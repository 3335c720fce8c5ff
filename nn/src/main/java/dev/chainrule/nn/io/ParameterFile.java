package dev.chainrule.nn.io;

import dev.chainrule.engine.Tensor;
import dev.chainrule.engine.Value;
import dev.chainrule.nn.Module;
import dev.chainrule.nn.tensor.TensorModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Saves a model's parameters (names, shapes, values) as JSON, and loads them back.
 *
 * <pre>{@code
 * ParameterFile.save(model, Path.of("model.json"));
 * ParameterFile.load(model, Path.of("model.json"));  // same names and shapes, or an error
 * }</pre>
 *
 * <p>The file looks like
 * <pre>
 * {"format": "chainrule-parameters", "version": 1,
 *  "sha256": "5f0c…",
 *  "parameters": [
 *   {"name": "w1", "shape": [], "values": [0.15]},
 *   ...
 * ]}
 * </pre>
 * Values are written in Java's round-trip form, so loading restores every bit. Saving writes a
 * temporary file in the same folder and then moves it over the target, so a crash never leaves a
 * half-written file. Loading reads and checks the whole file first (JSON syntax, names, shapes,
 * value counts) and changes the model only if everything matches, so it never half-loads.
 *
 * <p><b>Checksum.</b> A saved file's second line is {@code "sha256": "…"}, the SHA-256 of the names,
 * shapes and exact values. Loading checks it when it is there, so a number changed after saving
 * (a flipped bit, a damaged copy, an edit by hand) is an error naming the file instead of a
 * silently different model; without the checksum no such change could be told from a real value.
 * It is optional: a file without it (older files, or one whose checksum line was deleted after an
 * edit on purpose: deleting the whole line leaves valid JSON) loads as before. Whitespace and layout are not covered, only what they mean.
 *
 * <p><b>Files.</b> Saving keeps an existing file's permissions (a new file gets the usual ones,
 * not the owner-only ones of a temporary file), writes through a symbolic link to its target
 * (the temporary file goes in the target's folder, and the link stays a link), and deletes
 * temporary files of its own naming ({@code .NAME.PID.RANDOM.tmp}) left by a save that was killed,
 * once the process that made them is gone. Loading refuses bytes that are not UTF-8 (naming line
 * and byte offset), JSON nested more than 256 levels deep, and numbers that
 * overflow or underflow a double.
 */
public final class ParameterFile {
    static final String FORMAT = "chainrule-parameters";
    static final int VERSION = 1;

    private ParameterFile() {
    }

    /** One named parameter: its shape and its values, row-major. */
    record Entry(String name, int[] shape, double[] values) {
    }

    /** A parameter of the model being loaded: its expected name and shape, and how to set it. */
    record Target(String name, int[] shape, Consumer<double[]> setter) {
    }

    /**
     * Saves the named parameters of {@code model} to {@code file}, atomically.
     *
     * @param model the model
     * @param file the file
     * @throws IllegalStateException if a parameter is not finite (JSON cannot hold it) or unnamed
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(Module model, Path file) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Value> e : model.namedParameters().entrySet()) {
            entries.add(new Entry(e.getKey(), new int[0], new double[] {e.getValue().data()}));
        }
        write(entries, file);
    }

    /**
     * Loads {@code file} into {@code model}. The file must hold exactly the model's parameters,
     * in the model's order, with the same shapes.
     *
     * @param model the model
     * @param file the file
     * @throws IllegalArgumentException if the file is not valid JSON, is truncated, is not a
     *     parameter file, or does not match the model; the message names the first mismatch.
     *     The model is then unchanged.
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void load(Module model, Path file) {
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, Value> e : model.namedParameters().entrySet()) {
            Value v = e.getValue();
            targets.add(new Target(e.getKey(), new int[0], values -> v.setData(values[0])));
        }
        load(targets, file);
    }

    /**
     * Saves the named parameters of a tensor model (names, shapes, values) to {@code file},
     * atomically.
     *
     * @param model the model
     * @param file the file
     * @throws IllegalStateException if a parameter holds a non-finite number or is unnamed
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(TensorModule model, Path file) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            entries.add(new Entry(e.getKey(), e.getValue().shape(), e.getValue().toArray()));
        }
        write(entries, file);
    }

    /**
     * Loads {@code file} into a tensor model: same names in the same order, same shapes.
     *
     * @param model the model
     * @param file the file
     * @throws IllegalArgumentException as for {@link #load(Module, Path)}; the model is then unchanged
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void load(TensorModule model, Path file) {
        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            Tensor t = e.getValue();
            targets.add(new Target(e.getKey(), t.shape(), values -> t.setData(values)));
        }
        load(targets, file);
    }

    static void write(List<Entry> entries, Path file) {
        Objects.requireNonNull(file, "file");
        StringBuilder json = new StringBuilder();
        json.append("{\"format\": \"").append(FORMAT).append("\", \"version\": ").append(VERSION).append(",\n")
                .append(" \"sha256\": \"").append(checksum(entries)).append("\",\n")
                .append(" \"parameters\": [\n");
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            json.append("  {\"name\": ");
            Json.quote(json, e.name());
            json.append(", \"shape\": ").append(Arrays.toString(e.shape())).append(", \"values\": [");
            for (int i = 0; i < e.values().length; i++) {
                double x = e.values()[i];
                if (!Double.isFinite(x)) {
                    throw new IllegalStateException("save: parameter '" + e.name() + "' holds " + x
                            + " at index " + i + "; JSON cannot store it");
                }
                json.append(i == 0 ? "" : ", ").append(x);
            }
            json.append("]}").append(k + 1 < entries.size() ? ",\n" : "\n");
        }
        json.append("]}\n");
        writeAtomically(json.toString(), file);
    }

    private static void writeAtomically(String text, Path file) {
        Path target = throughLinks(file);
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            TempFiles.deleteStale(dir, name);
            Set<PosixFilePermission> permissions = permissionsOf(target);
            tmp = TempFiles.create(dir, name);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    ch.write(bytes);
                }
                ch.force(true);
            }
            if (permissions != null) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write " + file + ": " + IoMessages.reason(e), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }

    /**
     * The file a save to {@code file} must replace: {@code file} itself, or, if it is a symbolic
     * link (to a link ...), the file it finally points to, existing or not. Replacing the link
     * itself would turn it into a plain file and leave its target stale.
     */
    static Path throughLinks(Path file) throws UncheckedIOException {
        Path p = file;
        try {
            for (int hops = 0; Files.isSymbolicLink(p); hops++) {
                if (hops == 40) {
                    throw new UncheckedIOException("save: cannot write " + file + ": too many levels of symbolic links",
                            new IOException("symbolic link loop"));
                }
                Path link = Files.readSymbolicLink(p);
                Path parent = p.toAbsolutePath().getParent();
                p = parent == null ? link : parent.resolve(link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write " + file + ": " + IoMessages.reason(e), e);
        }
        return p;
    }

    /** The permissions of an existing {@code file}, or null if it does not exist or the file system has none. */
    private static Set<PosixFilePermission> permissionsOf(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    /** SHA-256 over every name, shape and value's bits, as lowercase hex. */
    static String checksum(List<Entry> entries) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        ByteBuffer b = ByteBuffer.allocate(8);
        for (Entry e : entries) {
            md.update(e.name().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            for (int d : e.shape()) {
                md.update(b.clear().putLong(d).array());
            }
            md.update((byte) 1);
            for (double v : e.values()) {
                md.update(b.clear().putLong(Double.doubleToLongBits(v)).array());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void load(List<Target> targets, Path file) {
        Objects.requireNonNull(file, "file");
        String source = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("load: cannot read " + IoMessages.reason(e), e);
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException(source + ": too large to be a parameter file of this model", e);
        }
        String text = Utf8Text.decode(bytes, source);
        List<Entry> entries = read(text, source);
        match(targets, entries, source);
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).setter().accept(entries.get(i).values());
        }
    }

    static List<Entry> read(String text, String source) {
        Object root = Json.parse(text, source);
        if (!(root instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException(source + ": not a parameter file: the top level is not a JSON object");
        }
        if (!FORMAT.equals(top.get("format"))) {
            throw new IllegalArgumentException(source + ": not a parameter file: \"format\" is "
                    + top.get("format") + ", expected \"" + FORMAT + "\"");
        }
        if (!Double.valueOf(VERSION).equals(top.get("version"))) {
            throw new IllegalArgumentException(source + ": unsupported version " + top.get("version")
                    + "; this build reads version " + VERSION);
        }
        if (!(top.get("parameters") instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": \"parameters\" is missing or not an array");
        }
        List<Entry> out = new ArrayList<>(list.size());
        for (int k = 0; k < list.size(); k++) {
            out.add(entry(list.get(k), k, source));
        }
        Object sum = top.get("sha256");
        if (sum != null && !checksum(out).equals(sum)) {
            throw new IllegalArgumentException(source + ": the checksum does not match the numbers: the file was "
                    + "changed after it was saved (a damaged copy, or an edit by hand); if you edited it on purpose, "
                    + "delete its \"sha256\" line and load it again");
        }
        return out;
    }

    private static Entry entry(Object o, int k, String source) {
        String where = source + ": parameter " + k;
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        if (!(m.get("name") instanceof String name)) {
            throw new IllegalArgumentException(where + " has no \"name\" string");
        }
        where = source + ": parameter " + k + " ('" + name + "')";
        if (!(m.get("shape") instanceof List<?> shapeList)) {
            throw new IllegalArgumentException(where + " has no \"shape\" array");
        }
        int[] shape = new int[shapeList.size()];
        long count = 1;
        for (int d = 0; d < shape.length; d++) {
            if (!(shapeList.get(d) instanceof Double x) || x != Math.rint(x) || x < 0 || x > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(where + ": shape entry " + d + " is not a size: " + shapeList.get(d));
            }
            shape[d] = x.intValue();
            count *= shape[d];
        }
        if (!(m.get("values") instanceof List<?> valueList)) {
            throw new IllegalArgumentException(where + " has no \"values\" array");
        }
        if (valueList.size() != count) {
            throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " needs " + count
                    + " values, the file has " + valueList.size());
        }
        double[] values = new double[valueList.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(valueList.get(i) instanceof Double x) || !Double.isFinite(x)) {
                throw new IllegalArgumentException(where + ": value " + i + " is not a finite number: " + valueList.get(i));
            }
            values[i] = (Double) valueList.get(i);
        }
        return new Entry(name, shape, values);
    }

    private static void match(List<Target> targets, List<Entry> entries, String source) {
        int n = Math.min(targets.size(), entries.size());
        for (int i = 0; i < n; i++) {
            Target t = targets.get(i);
            Entry e = entries.get(i);
            if (!t.name().equals(e.name())) {
                throw new IllegalArgumentException(source + ": parameter " + i + " is '" + e.name()
                        + "' in the file but '" + t.name() + "' in the model");
            }
            if (!Arrays.equals(t.shape(), e.shape())) {
                throw new IllegalArgumentException(source + ": parameter '" + t.name() + "' has shape "
                        + Arrays.toString(e.shape()) + " in the file but " + Arrays.toString(t.shape()) + " in the model");
            }
        }
        if (entries.size() < targets.size()) {
            throw new IllegalArgumentException(source + ": the file has " + entries.size() + " parameters, the model "
                    + targets.size() + "; the first missing is '" + targets.get(n).name() + "'");
        }
        if (entries.size() > targets.size()) {
            throw new IllegalArgumentException(source + ": the file has " + entries.size() + " parameters, the model "
                    + targets.size() + "; the first extra is '" + entries.get(n).name() + "'");
        }
    }
}
