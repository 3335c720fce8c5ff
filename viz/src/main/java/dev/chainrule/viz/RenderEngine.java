package dev.chainrule.viz;

/** Which Graphviz runs the layout. */
public enum RenderEngine {
    /** The native {@code dot} when it is on the PATH, otherwise the embedded engine. */
    AUTO,
    /** The native {@code dot} program; an error if it is not installed. */
    NATIVE,
    /**
     * Graphviz compiled to JavaScript, run in the V8 engine that ships in a Maven artifact
     * (graphviz-java with J2V8): needs nothing installed, cannot make PDF by itself.
     */
    EMBEDDED
}
