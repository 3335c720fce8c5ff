package dev.chainrule.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opens the HTML deck in headless Chromium and steps through it with real key presses and clicks. */
class BrowserDeckTest {
    private static final String VISIBLE = "document.querySelector('.slide:not([hidden])')";

    @Test
    void theDeckStepsWithArrowKeysAndButtons(@TempDir Path dir) throws Exception {
        Installed.require(Chromium.binary() != null, "Chromium");
        Path page = SlideDeck.of(Examples.chainRule(), GraphStyle.defaults()).writeHtml(dir.resolve("deck.html"));
        try (Chromium browser = new Chromium(page)) {
            browser.awaitLoaded();
            assertEquals("1 / 8", browser.eval("document.getElementById('counter').textContent"));
            assertEquals("slide-1", browser.eval(VISIBLE + ".id"));
            assertEquals("1", browser.eval("String(document.querySelectorAll('.slide:not([hidden])').length)"));
            assertTrue(browser.eval(VISIBLE + ".textContent").contains("x = -2"));

            browser.press("ArrowRight", 39);
            assertEquals("2 / 8", browser.eval("document.getElementById('counter').textContent"));
            assertEquals("Forward step 1 of 2: q", browser.eval(VISIBLE + ".querySelector('h2').textContent"));
            assertTrue(browser.eval(VISIBLE + ".querySelector('.explain').textContent").contains("= (-2) + 5 = 3"));

            browser.click("next");
            assertEquals("3 / 8", browser.eval("document.getElementById('counter').textContent"));
            assertEquals("slide-3", browser.eval(VISIBLE + ".id"));

            browser.press("ArrowLeft", 37);
            assertEquals("2 / 8", browser.eval("document.getElementById('counter').textContent"));

            browser.press("End", 35);
            assertEquals("8 / 8", browser.eval("document.getElementById('counter').textContent"));
            String text = browser.eval(VISIBLE + ".textContent");
            assertTrue(text.contains("Backward step 4 of 4: ∂f/∂y"), text);
            assertTrue(text.contains("= (-4) × 1 = -4"), text);
            // The graph drawn on the last frame shows every grad; the first backward frame did not.
            assertTrue(text.contains("∂ -4") && !text.contains("∂ ?"), text);
            assertEquals("true", String.valueOf(browser.eval("String(document.getElementById('next').disabled)")));

            browser.click("first");
            assertEquals("1 / 8", browser.eval("document.getElementById('counter').textContent"));
            browser.press("End", 35);
            byte[] png = browser.screenshot();
            Files.write(dir.resolve("deck.png"), png);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(1280, shot.getWidth());
            if (System.getProperty("chainrule.screenshot") != null) {
                Files.write(Path.of(System.getProperty("chainrule.screenshot")), png);
            }
        }
    }
}
