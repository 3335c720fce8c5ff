package dev.chainrule.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A finished chart from {@link Charts}, ready to write as PNG, SVG or PDF. Its size is in
 * pixels at scale 1; {@link #png(double)} draws it larger for crisp slides.
 */
public final class Chart {
    private final int width;
    private final int height;
    private final Consumer<Graphics2D> painter;

    Chart(int width, int height, Consumer<Graphics2D> painter) {
        this.width = width;
        this.height = height;
        this.painter = painter;
    }

    /** {@return width in pixels at scale 1} */
    public int width() {
        return width;
    }

    /** {@return height in pixels at scale 1} */
    public int height() {
        return height;
    }

    /** {@return PNG bytes, {@link #width()} × {@link #height()} pixels} */
    public byte[] png() {
        return png(1);
    }

    /**
     * PNG bytes of {@code round(width × scale)} × {@code round(height × scale)} pixels.
     *
     * @param scale the scale
     * @return PNG bytes of {@code round(width × scale)} × {@code round(height × scale)} pixels
     * @throws IllegalArgumentException unless 0 &lt; scale ≤ 8
     */
    public byte[] png(double scale) {
        if (!(scale > 0 && scale <= 8)) {
            throw new IllegalArgumentException("chart scale must be above 0 and at most 8, got " + scale);
        }
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            painter.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the chart as PNG", e);
        }
        return out.toByteArray();
    }

    /** {@return SVG text} */
    public String svg() {
        VectorGraphics2D g = new VectorGraphics2D();
        painter.accept(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the chart as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@return a one-page vector PDF} */
    public byte[] pdf() {
        return pdfPage(width, height, painter);
    }

    /** A one-page vector PDF of {@code width} × {@code height} points, drawn by {@code painter}. */
    static byte[] pdfPage(double width, double height, Consumer<Graphics2D> painter) {
        PlatformModules.requireForPdf();
        try (PDDocument doc = new PDDocument()) {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) width, (float) height);
            painter.accept(g);
            g.dispose();
            PDPage page = new PDPage(new PDRectangle((float) width, (float) height));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }

    /**
     * Writes the chart in the format its extension names (.png at scale 2, .svg, .pdf),
     * creating missing parent directories.
     *
     * @param file the file
     * @return {@code file}
     * @throws IllegalArgumentException for any other extension
     */
    public Path write(Path file) {
        OutputFormat f = OutputFormat.forPath(file);
        byte[] bytes = switch (f) {
            case PNG -> png(2);
            case SVG -> svg().getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf();
            case DOT -> throw new IllegalArgumentException("chart '" + file + "': charts are written as .png, .svg or .pdf");
        };
        GraphRenderer.write(file, bytes);
        return file;
    }
}
