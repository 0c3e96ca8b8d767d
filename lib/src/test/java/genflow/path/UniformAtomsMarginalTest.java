package genflow.path;

import static org.junit.jupiter.api.Assertions.*;

import genflow.ode.RungeKutta4;
import genflow.process.UniformProcess;
import genflow.random.Rngs;
import genflow.schedule.TimeChange;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UniformAtomsMarginalTest {
    private static final UniformProcess U = UniformProcess.of(1.5);
    private static final TimeChange FM = TimeChange.flowMatching();
    private static final double[] W = {0.5, 0.3, 0.2}, A = {-1.0, 0.4, 1.2};

    @Test
    void oneAtomGivesTheConditionalVelocity() {
        UniformAtomsMarginal m = new UniformAtomsMarginal(U, FM, new double[] {1}, new double[] {0.7});
        MeanRevertingPath path = new MeanRevertingPath(U, FM);
        for (double t : new double[] {0.1, 0.5, 1}) {
            double x = 0.7 * (1 - t) + 0.3 * U.halfWidth(t * t);
            assertEquals(path.conditionalVelocity(t, new double[] {x}, new double[] {0.7})[0], m.velocity(t, x), 1e-13);
            assertEquals(0.5 / U.halfWidth(t * t), m.density(t, x), 1e-12);
        }
    }

    /**
     * Monte Carlo: E[Ẋ_t | X_t ∈ bin] with the pathwise derivative Ẋ_t = ḟ a + ġ e^{−g/b} U' (U' ~ U[−1, 1])
     * agrees with the marginal velocity at the bin centre, also where boxes overlap.
     */
    @Test
    void marginalVelocityIsTheConditionalExpectationOfTheSpeed() {
        UniformAtomsMarginal m = new UniformAtomsMarginal(U, FM, W, A);
        double t = 0.8, f = 1 - t, g = t * t, h = U.halfWidth(g);
        RandomGenerator rng = Rngs.seeded(21);
        double[] centres = {-0.6, -0.35, 0.0, 0.45, 0.7};   // box edges (≈ −0.72, −0.44, −0.28, 0.32, 0.60, 0.76) avoided
        double half = 0.01;
        double[] sum = new double[centres.length], sumSq = new double[centres.length];
        int[] cnt = new int[centres.length];
        for (int i = 0; i < 400_000; i++) {
            double r = rng.nextDouble();
            int k = r < W[0] ? 0 : r < W[0] + W[1] ? 1 : 2;
            double u = 2 * rng.nextDouble() - 1;
            double x = f * A[k] + h * u, speed = -A[k] + 2 * t * Math.exp(-g / 1.5) * u;
            for (int c = 0; c < centres.length; c++) {
                if (Math.abs(x - centres[c]) < half) { sum[c] += speed; sumSq[c] += speed * speed; cnt[c]++; }
            }
        }
        for (int c = 0; c < centres.length; c++) {
            double mean = sum[c] / cnt[c], sd = Math.sqrt(sumSq[c] / cnt[c] - mean * mean);
            assertEquals(m.velocity(t, centres[c]), mean, 4 * sd / Math.sqrt(cnt[c]) + 0.01, "x=" + centres[c] + " n=" + cnt[c]);
        }
    }

    /** Integrating backwards from U[−h_1, h_1] to t ≈ 0 lands on the atoms with their weights. */
    @Test
    void backwardFlowGeneratesTheAtoms() {
        UniformAtomsMarginal m = new UniformAtomsMarginal(U, FM, W, A);
        int n = 2000;
        RandomGenerator rng = Rngs.seeded(5);
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) x[i][0] = U.sample(1, rng);
        double[][] z = new RungeKutta4().integrate(m.velocityField(), x, 1, 1e-3, 400);
        int[] count = new int[3];
        for (double[] p : z) {
            for (int k = 0; k < 3; k++) if (Math.abs(p[0] - A[k]) < 0.02) count[k]++;
        }
        int total = count[0] + count[1] + count[2];
        assertEquals(n, total, "every sample ends within 0.02 of an atom");
        for (int k = 0; k < 3; k++) assertEquals(W[k], count[k] / (double) n, 4 * Math.sqrt(W[k] * (1 - W[k]) / n), "atom " + k);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new UniformAtomsMarginal(U, FM, new double[] {0.5, 0.6}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new UniformAtomsMarginal(U, FM, new double[] {1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> new UniformAtomsMarginal(null, FM, new double[] {1}, new double[] {0}));
        UniformAtomsMarginal m = new UniformAtomsMarginal(U, FM, W, A);
        assertThrows(IllegalArgumentException.class, () -> m.velocity(0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> m.velocity(1.1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> m.velocity(0.5, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> m.conditionalVelocity(0.5, 0.1, 3));
    }
}
