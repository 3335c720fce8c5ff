package dev.chainrule.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The machine probe reads /proc/cpuinfo's text and judges the measured FMA rates. */
class CpuProbeTest {

    @Test
    void modelAndVectorFlagsComeFromTheFirstProcessor() {
        String text = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\n"
                + "flags\t\t: fpu sse2 avx fma avx2 avx512f avx512vl bmi2\n\nprocessor\t: 1\nmodel name\t: other\n";
        Result r = new Result("CPU", "");
        CpuProbe.describe(text, r);
        assertEquals("AMD EPYC", r.get("cpu_model"));
        assertEquals("sse2 avx avx2 fma avx512f avx512vl", r.get("vector_flags"));
        assertEquals(512, r.get("fma_width_bits_reported"));
    }

    @Test
    void withoutAvx512TheWidthIs256AndUnknownTextIsUnknown() {
        Result r = new Result("CPU", "");
        CpuProbe.describe("model name : Some CPU\nflags : sse2 avx fma avx2\n", r);
        assertEquals(256, r.get("fma_width_bits_reported"));
        Result none = new Result("CPU", "");
        CpuProbe.describe("", none);
        assertEquals("unknown", none.get("cpu_model"));
        assertEquals(0, none.get("fma_width_bits_reported"));
    }

    @Test
    void avx512CountsAsFullWidthOnlyWhenItIsMeasurablyFaster() {
        assertTrue(CpuProbe.effectiveWidth(57, 112).startsWith("full width (512-bit FMA 1.96x"),
                CpuProbe.effectiveWidth(57, 112));
        assertTrue(CpuProbe.effectiveWidth(57, 58).startsWith("no faster than 256-bit (1.02x)"),
                CpuProbe.effectiveWidth(57, 58));
    }
}
