package dev.chainrule.viz;

/**
 * JDK modules that Batik and PDFBox use without being able to say so. On the class path every JDK
 * module is there; an application on the module path resolves only what some module requires, and
 * viz, like Batik and PDFBox, is an automatic module, which cannot require anything. Without this
 * check the user would get a bare {@code NoClassDefFoundError} (Batik) or an
 * {@code ExceptionInInitializerError} (PDFBox's IOUtils) deep inside a third-party library.
 */
final class PlatformModules {
    private PlatformModules() {
    }

    /** Batik's SVG document implements {@code org.w3c.dom.css}, which lives in {@code jdk.xml.dom}. */
    static void requireForSvgDom() {
        require("jdk.xml.dom", "PNG and PDF pictures of a graph", "Batik's SVG DOM uses its org.w3c.dom.css");
    }

    /** PDFBox's IOUtils reaches {@code sun.misc.Unsafe}, which lives in {@code jdk.unsupported}. */
    static void requireForPdf() {
        require("jdk.unsupported", "PDF output", "PDFBox uses its sun.misc.Unsafe");
    }

    private static void require(String module, String what, String why) {
        Module viz = PlatformModules.class.getModule();
        if (viz.isNamed() && viz.getLayer() != null && viz.getLayer().findModule(module).isEmpty()) {
            throw new IllegalStateException(what + " need the JDK module " + module + " (" + why
                    + "), which the module path does not load by itself: add 'requires " + module
                    + ";' to your module-info.java, or run java with --add-modules " + module);
        }
    }
}
