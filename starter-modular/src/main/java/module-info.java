/**
 * A user's own named module that requires every Chainrule library by its module name. CI compiles it
 * with javac on the module path and runs it with {@code java --module-path} (see {@code .ci/starter}),
 * so a split package or a lost module name in any library fails the build.
 */
module com.example.modular {
    requires dev.chainrule.engine;
    requires dev.chainrule.checker;
    requires dev.chainrule.nn;
    requires dev.chainrule.viz;
    requires dev.chainrule.testkit;

    // Automatic modules (every Chainrule jar, Batik, PDFBox) cannot require anything, so a modular
    // application names what they need itself:
    // - testkit's failures are JUnit's (opentest4j) assertion errors; any JUnit 5 test module has this line.
    requires org.junit.jupiter.api;
    // - viz's PNG and PDF: Batik's SVG DOM implements org.w3c.dom.css (jdk.xml.dom), and PDFBox uses
    //   sun.misc.Unsafe (jdk.unsupported). Without them viz says so: "... add 'requires jdk.xml.dom;' ...".
    requires jdk.xml.dom;
    requires jdk.unsupported;
}
