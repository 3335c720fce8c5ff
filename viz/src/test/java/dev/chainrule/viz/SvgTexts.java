package dev.chainrule.viz;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads the text a Graphviz SVG shows, per node, without any network access. */
final class SvgTexts {
    private SvgTexts() {
    }

    static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(new InputSource(new StringReader(svg)));
        } catch (Exception e) {
            throw new AssertionError("SVG does not parse: " + e.getMessage(), e);
        }
    }

    /** Every text element's content, in document order. */
    static List<String> all(String svg) {
        NodeList list = parse(svg).getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    /** For each node group, keyed by its title (the DOT node id, such as v0), its texts in order. */
    static Map<String, List<String>> byNode(String svg) {
        NodeList groups = parse(svg).getElementsByTagName("g");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!"node".equals(g.getAttribute("class"))) {
                continue;
            }
            String title = g.getElementsByTagName("title").item(0).getTextContent();
            NodeList texts = g.getElementsByTagName("text");
            List<String> l = new ArrayList<>();
            for (int k = 0; k < texts.getLength(); k++) {
                l.add(texts.item(k).getTextContent());
            }
            out.put(title, l);
        }
        return out;
    }
}
