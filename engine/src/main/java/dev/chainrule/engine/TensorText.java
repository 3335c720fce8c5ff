package dev.chainrule.engine;

/**
 * Writes a tensor's numbers as nested rows, as NumPy and PyTorch print them, so that a tensor read in
 * jshell or a debugger shows its shape at a glance. Large tensors show their first and last
 * {@value #EDGE} entries along each axis, with {@code ...} between.
 */
final class TensorText {
    /** Above this many elements, each axis is summarised. */
    static final int SUMMARY_THRESHOLD = 1000;
    static final int EDGE = 3;

    private TensorText() {}

    /** The nested-row text of {@code data} (row-major) with {@code shape}; continuation lines start at {@code indent}. */
    static String rows(double[] data, int[] shape, int indent) {
        if (shape.length == 0) {
            return NumberText.compact(data[0]);
        }
        boolean summarise = data.length > SUMMARY_THRESHOLD;
        int width = 0;
        for (double d : data) {
            width = Math.max(width, NumberText.compact(d).length());
        }
        StringBuilder out = new StringBuilder();
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        append(out, data, shape, strides, 0, 0, indent, width, summarise);
        return out.toString();
    }

    private static void append(StringBuilder out, double[] data, int[] shape, int[] strides, int axis, int offset,
            int indent, int width, boolean summarise) {
        out.append('[');
        int n = shape[axis];
        boolean cut = summarise && n > 2 * EDGE;
        boolean last = axis == shape.length - 1;
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                out.append(last ? "..., " : "...,\n" + " ".repeat(indent + axis + 1));
                i = n - EDGE;
            }
            if (last) {
                String s = NumberText.compact(data[offset + i * strides[axis]]);
                out.append(" ".repeat(width - s.length())).append(s);
            } else {
                append(out, data, shape, strides, axis + 1, offset + i * strides[axis], indent, width, summarise);
            }
            if (i < n - 1) {
                out.append(',');
                if (last) {
                    out.append(' ');
                } else {
                    // One blank line between blocks of rank ≥ 3, as NumPy does.
                    out.append("\n".repeat(shape.length - axis - 1)).append(" ".repeat(indent + axis + 1));
                }
            }
        }
        out.append(']');
    }
}
