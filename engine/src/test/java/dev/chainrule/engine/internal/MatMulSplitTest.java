package dev.chainrule.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.engine.internal.MatMulKernel.Split;
import org.junit.jupiter.api.Test;

/**
 * Which threads take a product, for the thresholds production uses (the tests' JVM sets others):
 * the pool from 2²⁵ multiply-adds whether the helper is on or off, the helper only where it is on.
 */
class MatMulSplitTest {
    private static final long POOL_FROM = 1L << 25;
    private static final long OFF = Long.MAX_VALUE;

    @Test
    void largeProductsGoToThePoolWithTheHelperOff() {
        assertEquals(Split.POOL, MatMulKernel.split(1024L * 1024 * 1024, 1024, 2, OFF, POOL_FROM), "W5, n = 1024");
        assertEquals(Split.POOL, MatMulKernel.split(POOL_FROM, 512, 2, OFF, POOL_FROM));
        assertEquals(Split.NONE, MatMulKernel.split(POOL_FROM - 1, 512, 2, OFF, POOL_FROM));
        assertEquals(Split.NONE, MatMulKernel.split(128L * 784 * 256, 128, 2, OFF, POOL_FROM), "W4's largest");
    }

    @Test
    void midSizedProductsGoToTheHelperOnlyWhenItIsOn() {
        long helperFrom = 1L << 20;
        assertEquals(Split.HELPER, MatMulKernel.split(128L * 784 * 256, 128, 2, helperFrom, POOL_FROM));
        assertEquals(Split.HELPER, MatMulKernel.split(helperFrom, 128, 2, helperFrom, POOL_FROM));
        assertEquals(Split.NONE, MatMulKernel.split(helperFrom - 1, 128, 2, helperFrom, POOL_FROM));
        assertEquals(Split.POOL, MatMulKernel.split(POOL_FROM, 512, 2, helperFrom, POOL_FROM));
    }

    @Test
    void oneThreadOrFewerThanEightRowsNeverSplit() {
        assertEquals(Split.NONE, MatMulKernel.split(1L << 30, 1024, 1, 1L << 20, POOL_FROM));
        assertEquals(Split.NONE, MatMulKernel.split(1L << 30, 7, 2, 1L << 20, POOL_FROM));
        assertEquals(Split.NONE, MatMulKernel.split(1L << 22, 7, 2, 1L << 20, POOL_FROM));
    }
}
