package genflow.math;

import genflow.ode.RungeKutta4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.*;

class InterruptsTest {
    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void passesWhenNotInterrupted() {
        assertDoesNotThrow(Interrupts::check);
    }

    @Test
    void throwsOnceAndClearsTheFlag() {
        Thread.currentThread().interrupt();
        CancellationException e = assertThrows(CancellationException.class, Interrupts::check);
        assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
        assertFalse(Thread.currentThread().isInterrupted(), "the flag is cleared for the next computation");
        assertDoesNotThrow(Interrupts::check);
    }

    @Test
    void aSolverLoopStopsAtTheNextStep() {
        int[] calls = {0};
        // dx/dt = -x; the field interrupts its own thread at the 3rd evaluation (inside step 1 of RK4).
        genflow.ode.VectorField v = (t, x) -> {
            if (++calls[0] == 3) Thread.currentThread().interrupt();
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -x[i][j];
            return out;
        };
        assertThrows(CancellationException.class,
                () -> new RungeKutta4().integrate(v, new double[][]{{1}}, 0, 1, 1_000_000));
        assertTrue(calls[0] <= 8, "stopped within two steps of the interrupt, not after 4,000,000 evaluations: " + calls[0]);
    }
}
