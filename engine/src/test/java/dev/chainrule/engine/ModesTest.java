package dev.chainrule.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** No-grad scopes, anomaly detection and numerically stable forms. */
class ModesTest {

    @Test
    void noGradRecordsNoGraphAndRestoresOnClose() {
        Value x = Value.of(2, "x");
        Value y;
        try (Autograd.Scope s = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            y = x.mul(3);
        }
        assertTrue(Autograd.isGradEnabled());
        assertEquals(6.0, y.data());
        assertTrue(y.isLeaf());
        assertEquals(0, y.inputCount());
        assertFalse(x.mul(3).isLeaf());
    }

    @Test
    void aNoGradScopeOnOneThreadLeavesOtherThreadsRecording() throws Exception {
        Value x = Value.of(2, "x");
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch checked = new java.util.concurrent.CountDownLatch(1);
        boolean[] otherSaw = new boolean[2];
        Thread other = new Thread(() -> {
            try (Autograd.Scope s = Autograd.noGrad()) {
                otherSaw[0] = Autograd.isGradEnabled();
                otherSaw[1] = x.mul(3).isLeaf();
                opened.countDown();
                checked.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        opened.await();
        try {
            // The other thread's scope is open: this thread still records, and its own scopes still work.
            assertTrue(Autograd.isGradEnabled());
            Value y = x.mul(3);
            assertFalse(y.isLeaf());
            assertEquals(2, y.inputCount());
            try (Autograd.Scope s = Autograd.noGrad()) {
                assertFalse(Autograd.isGradEnabled());
                assertTrue(x.mul(3).isLeaf());
            }
            assertTrue(Autograd.isGradEnabled());
        } finally {
            checked.countDown();
            other.join();
        }
        assertFalse(otherSaw[0], "the other thread's scope was in force on that thread");
        assertTrue(otherSaw[1], "inside its scope the other thread recorded no graph");
        assertTrue(Autograd.isGradEnabled());
        assertFalse(x.mul(3).isLeaf());
    }

    @Test
    void nestedNoGradScopesAndRecordingRestoreEachOther() {
        Value x = Value.of(2, "x");
        try (Autograd.Scope outer = Autograd.noGrad()) {
            try (Autograd.Scope inner = Autograd.noGrad()) {
                assertFalse(Autograd.isGradEnabled());
                try (Autograd.Scope r = Autograd.recording()) {
                    assertTrue(Autograd.isGradEnabled());
                    assertFalse(x.mul(3).isLeaf());
                }
                assertFalse(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled(), "the outer scope is still open");
            assertTrue(x.mul(3).isLeaf());
            outer.close();
            outer.close(); // a second close changes nothing
            assertTrue(Autograd.isGradEnabled());
        }
        assertTrue(Autograd.isGradEnabled());
        assertFalse(x.mul(3).isLeaf());
    }

    @Test
    void anomalyModeNamesTheOpAndInputsInForward() {
        Value x = Value.of(0, "x");
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, () -> Value.of(1).div(x));
            assertTrue(e.getMessage().contains("div"), e.getMessage());
            assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
            assertTrue(e.getMessage().contains("x=0.0"), e.getMessage());
        }
        // Off again: the same division gives +Inf quietly, as IEEE says.
        assertEquals(Double.POSITIVE_INFINITY, Value.of(1).div(x).data());
    }

    @Test
    void anomalyModeCatchesTheFirstBadGradientInBackward() {
        Value x = Value.of(0, "x");
        Value r = x.sqrt().label("r");
        try (Autograd.Scope s = Autograd.detectAnomaly()) {
            AnomalyException e = assertThrows(AnomalyException.class, r::backward);
            assertTrue(e.getMessage().contains("sqrt"), e.getMessage());
            assertTrue(e.getMessage().contains("'r'"), e.getMessage());
        }
    }

    @Test
    void sigmoidIsFiniteAndExactAtPlusMinusAThousand() {
        Value a = Value.of(1000);
        Value sa = a.sigmoid();
        sa.backward();
        assertEquals(1.0, sa.data());
        assertEquals(0.0, a.grad());
        Value b = Value.of(-1000);
        Value sb = b.sigmoid();
        sb.backward();
        assertEquals(0.0, sb.data());
        assertEquals(0.0, b.grad());
        assertEquals(1000.0, Value.of(1000).softplus().data());
        assertEquals(0.0, Value.of(-1000).softplus().data());
    }

    @Test
    void nanLeavesAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Value.of(Double.NaN));
        assertTrue(e.getMessage().contains("NaN"));
    }
}
