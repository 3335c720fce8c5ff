package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chainrule.engine.Value;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.XMLResourceDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.svg.SVGDocument;

/**
 * Every label stays inside its cell, whatever its width: checked in headless Chromium offered
 * only the DejaVu fonts (getBBox of each text against its cell) and in Batik, which draws the PNG.
 */
class TextFitsTest {
    /** Labels of many widths: digits, minus signs, long names, Greek and math symbols. */
    static Value manyWidths() {
        List<Value> terms = new ArrayList<>();
        String[] names = {"w", "x²", "σ", "∂E/∂w5", "a·b", "−3", "W", "mmmmmmmmmmmm", "iiiiiiiiiiii",
            "learning_rate_of_the_second_layer", "Δw₁₂", "ŷ", "ΣΠ∂∇", "0"};
        double[] values = {-0.000438568, 123456789.123, -1e-12, 3.14159265358979, -2, 0.5, 1e300, -7.25,
            42, -0.1, 99999.99999, 1.0 / 3, -123.456, 0};
        for (int i = 0; i < names.length; i++) {
            terms.add(Value.of(values[i], names[i]));
        }
        Value sum = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            sum = sum.add(terms.get(i).mul(terms.get(i - 1))).label(i % 3 == 0 ? "t" + i : "−σ·∂ " + i);
        }
        sum.backward();
        return sum;
    }

    private static List<GraphStyle> styles() {
        List<GraphStyle> styles = new ArrayList<>();
        GraphStyle embedded = GraphStyle.builder().engine(RenderEngine.EMBEDDED).precision(8).build();
        styles.add(embedded);
        styles.add(embedded.toBuilder().precision(2).topToBottom().build());   // cells side by side
        if (GraphRenderer.nativeDotAvailable()) {
            styles.add(embedded.toBuilder().engine(RenderEngine.NATIVE).build());
        }
        return styles;
    }

    @Test
    void inChromiumWithOnlyDejaVuEveryTextStaysInItsCell(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.binary() != null, "Chromium is not installed (.ci/run installs it)");
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        for (String f : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
            try (InputStream in = LabelFont.class.getResourceAsStream("fonts/" + f)) {
                Files.copy(in, fonts.resolve(f));
            }
        }
        Path conf = dir.resolve("fonts.conf");
        Files.writeString(conf, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>"
                + "<dir>" + fonts + "</dir><cachedir>" + dir.resolve("fc-cache") + "</cachedir></fontconfig>\n");
        int page = 0;
        for (GraphStyle style : styles()) {
            Path svg = GraphRenderer.render(manyWidths(), style, dir.resolve("g" + page++ + ".svg"));
            try (Chromium browser = new Chromium(svg, Map.of("FONTCONFIG_FILE", conf.toString()))) {
                browser.awaitLoaded();
                String texts = browser.eval("String(document.querySelectorAll('g.node text').length)");
                assertTrue(Integer.parseInt(texts) > 40, texts + " texts");
                assertEquals("", browser.eval(CHECK_JS), style.engine() + ": texts outside their cells");
                // The browser really drew DejaVu: a text's length is the one the shipped font gives.
                double drawn = Double.parseDouble(browser.eval(
                        "[...document.querySelectorAll('g.node text')].find(t => t.textContent === 'mmmmmmmmmmmm')"
                                + ".getComputedTextLength()"));
                // (within 0.05 pt: Chromium's fractional advances may exceed whole pixels by a hair)
                assertTrue(drawn <= LabelFont.width("mmmmmmmmmmmm", true, 12) + 0.05, drawn + " pt");
                assertTrue(drawn >= 140, drawn + " pt: not DejaVu Sans Bold");
            }
        }
    }

    @Test
    void inBatikWhichDrawsThePngEveryTextStaysInItsCell() throws IOException {
        for (GraphStyle style : styles()) {
            String svg = GraphRenderer.svg(manyWidths(), style);
            LabelFont.registerForJava2D();
            UserAgentAdapter ua = new UserAgentAdapter();
            BridgeContext ctx = new BridgeContext(ua, new DocumentLoader(ua));
            ctx.setDynamicState(BridgeContext.DYNAMIC);   // keeps the element -> drawn node map
            try {
                SVGDocument doc = new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                        .createSVGDocument("file:/g.svg", new StringReader(svg));
                new GVTBuilder().build(ctx, doc);
                List<String> outside = new ArrayList<>();
                int checked = 0;
                NodeList groups = doc.getElementsByTagName("g");
                for (int i = 0; i < groups.getLength(); i++) {
                    Element g = (Element) groups.item(i);
                    if (!"node".equals(g.getAttribute("class"))) {
                        continue;
                    }
                    double[] bounds = cellBounds(g);
                    if (bounds.length < 2) {
                        continue;   // an op's circle: no cells
                    }
                    NodeList texts = g.getElementsByTagName("text");
                    for (int k = 0; k < texts.getLength(); k++) {
                        Element t = (Element) texts.item(k);
                        GraphicsNode n = ctx.getGraphicsNode(t);
                        Rectangle2D box = n.getGeometryBounds();
                        checked++;
                        if (!insideOneCell(bounds, box.getMinX(), box.getMaxX())) {
                            outside.add(t.getTextContent() + " [" + box.getMinX() + ", " + box.getMaxX() + "]");
                        }
                    }
                }
                assertTrue(checked > 40, checked + " texts");
                assertEquals(List.of(), outside, style.engine() + ": texts outside their cells");
            } finally {
                ctx.dispose();
            }
        }
    }

    /**
     * The x of a record's left and right edges and of its cell dividers, sorted; empty for a node
     * that is not a record (no divider between cells side by side, nor between rows).
     */
    private static double[] cellBounds(Element node) {
        List<Double> xs = new ArrayList<>();
        boolean rows = false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        NodeList polys = node.getElementsByTagName("polygon");
        for (int i = 0; i < polys.getLength(); i++) {
            String[] pts = ((Element) polys.item(i)).getAttribute("points").trim().split("\\s+");
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double top = Double.POSITIVE_INFINITY;
            double bottom = Double.NEGATIVE_INFINITY;
            for (String p : pts) {
                double x = Double.parseDouble(p.substring(0, p.indexOf(',')));
                double y = Double.parseDouble(p.substring(p.indexOf(',') + 1));
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
            if (hi - lo < 0.01) {
                xs.add(lo);   // a divider between cells side by side
            } else if (bottom - top < 0.01) {
                rows = true;  // a divider between rows, which span the record
            } else {
                min = Math.min(min, lo);
                max = Math.max(max, hi);
            }
        }
        NodeList paths = node.getElementsByTagName("path");
        List<String> d = new ArrayList<>();
        for (int i = 0; i < paths.getLength(); i++) {
            d.add(((Element) paths.item(i)).getAttribute("d"));
        }
        for (String path : d) {
            String[] nums = path.replaceAll("[A-Za-z]", " ").trim().split("[ ,]+");
            for (int k = 0; k + 1 < nums.length; k += 2) {
                double x = Double.parseDouble(nums[k]);
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (xs.isEmpty() && !rows) {
            return new double[0];
        }
        xs.add(min);
        xs.add(max);
        return xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static boolean insideOneCell(double[] bounds, double left, double right) {
        for (int i = 0; i + 1 < bounds.length; i++) {
            if (left >= bounds[i] - 0.01 && right <= bounds[i + 1] + 0.01) {
                return true;
            }
        }
        return false;
    }

    /** The same check in the browser: "" when every text lies between two of its record's edges. */
    private static final String CHECK_JS = """
            (() => {
              const bad = [];
              for (const g of document.querySelectorAll('g.node')) {
                const xs = [];
                let rows = false;
                let min = Infinity, max = -Infinity;
                for (const p of g.querySelectorAll('polygon')) {
                  const pts = p.getAttribute('points').trim().split(/\\s+/);
                  const px = pts.map(s => parseFloat(s.split(',')[0]));
                  const py = pts.map(s => parseFloat(s.split(',')[1]));
                  const lo = Math.min(...px), hi = Math.max(...px);
                  if (hi - lo < 0.01) xs.push(lo);
                  else if (Math.max(...py) - Math.min(...py) < 0.01) rows = true;
                  else { min = Math.min(min, lo); max = Math.max(max, hi); }
                }
                for (const p of g.querySelectorAll('path')) {
                  const b = p.getBBox();
                  min = Math.min(min, b.x); max = Math.max(max, b.x + b.width);
                }
                if (xs.length === 0 && !rows) continue;
                xs.push(min, max);
                xs.sort((a, b) => a - b);
                for (const t of g.querySelectorAll('text')) {
                  const b = t.getBBox();
                  let ok = false;
                  for (let i = 0; i + 1 < xs.length; i++) {
                    if (b.x >= xs[i] - 0.01 && b.x + b.width <= xs[i + 1] + 0.01) ok = true;
                  }
                  if (!ok) bad.push(t.textContent + ' [' + b.x.toFixed(2) + ', ' + (b.x + b.width).toFixed(2) + '] in ' + xs.map(x => x.toFixed(2)).join('|'));
                }
              }
              return bad.join('; ');
            })()""";
}
