package genflow.math;

import java.util.concurrent.CancellationException;

/**
 * Cooperative interruption for long library loops (training steps, ODE/SDE solver steps, Langevin
 * chains, particle simulations). Java cannot stop a running thread safely from outside on every
 * JDK ({@code Thread.stop} throws from JDK 20 on), so a loop that may run for seconds calls
 * {@link #check()} once per step: when the notebook's "Interrupt" (or any other code) has
 * interrupted the thread, the loop ends with a {@link CancellationException} instead of running on.
 * The check reads one field of the current thread and costs nanoseconds.
 */
public final class Interrupts {
    private Interrupts() {}

    /**
     * Throws a {@link CancellationException} if the current thread has been interrupted, and clears
     * the thread's interrupt status (so that the next computation on this thread starts clean).
     *
     * @throws CancellationException "interrupted: the computation was stopped ..."
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw new CancellationException("interrupted: the computation was stopped (its thread was interrupted, "
                    + "e.g. by Kernel \u2192 Interrupt in the notebook); results computed before are kept");
        }
    }
}
