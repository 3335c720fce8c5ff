package dev.chainrule.viz;

import java.awt.geom.Dimension2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

/** Turns SVG text into PNG (with Batik) or PDF (Batik drawing onto PDFBox), all in Java. */
final class SvgConverter {
    private static final String DOC_URI = "file:/chainrule.svg";

    private SvgConverter() {
    }

    /** The size of the SVG in points (CSS pixels at 72 per inch as Graphviz writes them). */
    static double[] size(String svg) {
        LabelFont.registerForJava2D();
        BridgeContext ctx = context();
        try {
            new GVTBuilder().build(ctx, parse(svg));
            Dimension2D d = ctx.getDocumentSize();
            return new double[] {d.getWidth(), d.getHeight()};
        } finally {
            ctx.dispose();
        }
    }

    /** A PNG of {@code scale} pixels per SVG unit, rounded up to whole pixels. */
    static byte[] png(String svg, double scale) {
        LabelFont.registerForJava2D();
        double[] size = size(svg);
        PNGTranscoder t = new PNGTranscoder();
        t.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) Math.ceil(size[0] * scale));
        t.addTranscodingHint(PNGTranscoder.KEY_HEIGHT, (float) Math.ceil(size[1] * scale));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            t.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new IllegalStateException("could not turn the SVG into a PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A one-page vector PDF the size of the SVG. */
    static byte[] pdf(String svg) {
        LabelFont.registerForJava2D();
        BridgeContext ctx = context();
        try {
            GraphicsNode node = new GVTBuilder().build(ctx, parse(svg));
            Dimension2D d = ctx.getDocumentSize();
            return Chart.pdfPage(d.getWidth(), d.getHeight(), node::paint);
        } finally {
            ctx.dispose();
        }
    }

    private static BridgeContext context() {
        PlatformModules.requireForSvgDom();
        UserAgentAdapter ua = new UserAgentAdapter();
        BridgeContext ctx = new BridgeContext(ua, new DocumentLoader(ua));
        ctx.setDynamicState(BridgeContext.STATIC);
        return ctx;
    }

    private static SVGDocument parse(String svg) {
        SAXSVGDocumentFactory f = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName());
        try {
            return f.createSVGDocument(DOC_URI, new StringReader(svg));
        } catch (IOException e) {
            throw new IllegalStateException("the SVG could not be parsed: " + e.getMessage(), e);
        }
    }
}
