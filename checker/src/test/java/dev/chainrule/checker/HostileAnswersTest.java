package dev.chainrule.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers text a user might send by mistake or on purpose: every line gets a verdict, none a crash. */
class HostileAnswersTest {

    @Test
    void oddLinesAreUnreadableWithAReasonAndNeverThrow() {
        List<String> odd = List.of("=", "= = =", "E =", "E = =", "dE/d = 1", "d/dw5 = 1", "dE/dw5/dw6 = 1",
                "E = 1 2", "E = 0x1p3", "E = +-1", "E = 1e", "E = ١٢", "E\u0000 = 1", "\u202Eout_h1 = 0.5",
                "new = 1", "' = 1", "Δ = 1", "E = 1" + "0".repeat(5000), "x".repeat(10_000) + " = 1",
                "E = 0." + "0".repeat(400) + "1", "E = 1e-400", "w5'' = 0.3");
        for (String line : odd) {
            CheckReport r = Checker.check(Worked.mazur(), line);
            assertEquals(1, r.results().size(), line);
            LineResult l = r.results().get(0);
            assertTrue(l.verdict() == Verdict.UNREADABLE || l.verdict() == Verdict.WRONG, shown(line) + ": " + l);
            assertFalse(l.message().contains("\n"), "one line: " + l.message());
            assertTrue(l.message().length() < 12_000, "bounded: " + shown(line));
        }
    }

    @Test
    void crlfTabsCommentsAndBlankLinesAreFine() {
        CheckReport r = Checker.check(Worked.mazur(), "\r\n# only a comment\r\n\tE = 0.298371109\t# tab\r\n;;\r\n  ;  E=0.298371109;\r\n");
        assertEquals(2, r.count(Verdict.OK), Worked.render(r));
        assertEquals(3, r.results().get(0).line());
        assertEquals(List.of(), Checker.check(Worked.mazur(), "# nothing\n\n;").results());
    }

    @Test
    void tenThousandAnswersAreJudgedOneByOne() {
        String many = "E = 0.298371109\n".repeat(10_000);
        CheckReport r = Checker.check(Worked.mazur(), many);
        assertEquals(10_000, r.count(Verdict.OK));
    }

    @Test
    void thousandsOfWrongAnswersAreEachJudged() {
        // Beyond CarriedForward.MAX_SOURCES answers no line is explained by the others, so this
        // stays linear (it took 3 s at load 20, where the quadratic search would take hours).
        StringBuilder sheet = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sheet.append("out_h1 = 0.").append(7000 + i).append('\n');
        }
        CheckReport r = Checker.check(Worked.mazur(), sheet.toString());
        assertEquals(3000, r.count(Verdict.WRONG));
        assertEquals("3000:1", r.results().get(2999).line() + ":" + r.results().get(2999).column());
    }

    private static String shown(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
