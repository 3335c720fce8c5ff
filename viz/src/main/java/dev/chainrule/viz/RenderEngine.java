package dev.chainrule.viz;

/** Which Graphviz runs the layout. */
public enum RenderEngine {
    /**
     * The native {@code dot} when it is on the PATH, otherwise the embedded engine; the system
     * property {@code chainrule.viz.engine=embedded} (or {@code native}) overrides the choice.
     */
    AUTO,
    /** The native {@code dot} program; an error if it is not installed. */
    NATIVE,
    /**
     * Graphviz 16 compiled to WebAssembly and run in the JVM (Chicory), on every OS: needs
     * nothing installed; PDF is then drawn in Java from the SVG.
     */
    EMBEDDED
}
