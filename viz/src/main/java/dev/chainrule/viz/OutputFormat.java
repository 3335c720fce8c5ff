package dev.chainrule.viz;

import java.nio.file.Path;
import java.util.Locale;

/** What a rendered graph or slide is written as. */
public enum OutputFormat {
    /** Graphviz source text. */
    DOT("dot"),
    /** Scalable vector graphics. */
    SVG("svg"),
    /** A bitmap, scaled by {@link GraphStyle#scale()}. */
    PNG("png"),
    /** A vector PDF page. */
    PDF("pdf");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** {@return the file extension without the dot, such as {@code "svg"}} */
    public String extension() {
        return extension;
    }

    /**
     * The format a file name asks for, from its extension (case-insensitive; {@code .gv} is DOT).
     *
     * @param file the file
     * @return the format a file name asks for, from its extension (case-insensitive; {@code .gv} is DOT)
     * @throws IllegalArgumentException if the extension is none of dot, gv, svg, png, pdf
     */
    public static OutputFormat forPath(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("gv")) {
            return DOT;
        }
        for (OutputFormat f : values()) {
            if (f.extension.equals(ext)) {
                return f;
            }
        }
        throw new IllegalArgumentException("output file '" + file + "': unknown extension '" + ext
                + "'; use .dot, .gv, .svg, .png or .pdf");
    }
}
