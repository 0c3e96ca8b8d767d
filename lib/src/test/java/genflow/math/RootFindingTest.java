package genflow.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RootFindingTest {
    @Test
    void publishedRoots() {
        // Dottie number cos x = x and Wallis' cubic x^3 - 2x - 5 = 0
        assertEquals(0.7390851332151607, RootFinding.brent(x -> Math.cos(x) - x, 0, 1, 1e-15), 2e-16);
        assertEquals(2.0945514815423265, RootFinding.brent(x -> x * x * x - 2 * x - 5, 2, 3, 1e-15), 5e-16);
        assertEquals(0.7390851332151607, RootFinding.bisection(x -> Math.cos(x) - x, 0, 1, 1e-15), 2e-15);
        assertEquals(2.0945514815423265, RootFinding.bisection(x -> x * x * x - 2 * x - 5, 2, 3, 1e-15), 2e-15);
    }

    @Test
    void brentIsFasterThanBisection() {
        AtomicInteger nb = new AtomicInteger(), ns = new AtomicInteger();
        RootFinding.brent(x -> { nb.incrementAndGet(); return Math.exp(x) - 5; }, 0, 10, 1e-14);
        RootFinding.bisection(x -> { ns.incrementAndGet(); return Math.exp(x) - 5; }, 0, 10, 1e-14);
        assertTrue(nb.get() < 20, "Brent used " + nb.get() + " evaluations");
        assertTrue(ns.get() > 40);
        assertEquals(Math.log(5), RootFinding.brent(x -> Math.exp(x) - 5, 0, 10, 1e-14), 1e-14);
    }

    @Test
    void hardCases() {
        // flat near the root, and a discontinuous sign change
        assertEquals(1.0, RootFinding.brent(x -> Math.pow(x - 1, 5), 0, 3, 1e-12), 1e-3);
        assertEquals(0.3, RootFinding.brent(x -> x < 0.3 ? -1 : 1, 0, 1, 1e-12), 1e-11);
        assertEquals(0.3, RootFinding.bisection(x -> x < 0.3 ? -1 : 1, 0, 1, 1e-12), 1e-11);
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> RootFinding.brent(x -> x * x + 1, -1, 1, 1e-9));
        assertTrue(e.getMessage().contains("bracket"));
        assertThrows(IllegalArgumentException.class, () -> RootFinding.brent(x -> x, 1, -1, 1e-9));
        var t = assertThrows(IllegalArgumentException.class, () -> RootFinding.bisection(x -> x, -1, 1, 0));
        assertTrue(t.getMessage().startsWith("tol"));
        assertThrows(IllegalArgumentException.class, () -> RootFinding.brent(x -> x, Double.NaN, 1, 1e-9));
    }
}
