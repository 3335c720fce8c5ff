package dev.chainrule.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Messages from the rendering library speak the command line's options, not Java's names. */
class CliTermsTest {
    @Test
    void renderEngineConstantsBecomeTheEngineOption() {
        assertEquals("dot failed: syntax error; the native dot is installed: use --engine auto or --engine native",
                StyleOptions.inCliTerms("dot failed: syntax error; the native dot is installed: use RenderEngine.AUTO or NATIVE"));
        assertEquals("no dot on the PATH, or use the embedded engine (--engine auto or --engine embedded)",
                StyleOptions.inCliTerms("no dot on the PATH, or use the embedded engine (RenderEngine.AUTO or EMBEDDED)"));
        assertEquals("use --engine embedded", StyleOptions.inCliTerms("use RenderEngine.EMBEDDED"));
        assertEquals("nothing to change", StyleOptions.inCliTerms("nothing to change"));
    }

    @Test
    void builderNamesBecomeOptions() {
        Cli r = Cli.run("render", Cli.resource("mazur.txt"), "-o", "never-written.svg", "--highlight-path", "w5,net_h1");
        assertEquals(2, r.code());
        assertEquals("error: --highlight-path: step 1: no node labelled 'net_h1' is computed from 'w5'\n", r.err());
        assertEquals("--precision must be between 0 and 12 digits, got 13",
                StyleOptions.inCliTerms("precision must be between 0 and 12 digits, got 13"));
    }
}
