package genflow.pde;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.pde. */
class PdeBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    private static final double[] P = {0.1, 0.3, 0.2, 0.4, 0.5};

    @Test
    void arraysAreNamedByTheirParameter() {
        // "array 1 has length 4, expected 5" and "array 0[0] = NaN" named positions, not parameters
        rejects("p has length 4, expected 5 like pPrev", () -> ContinuityResidual.residual1D(P, new double[4], P, P, 0.1, 0.1));
        rejects("pNext[0] = NaN", () -> FokkerPlanckResidual.residual1D(P, P, new double[] {Double.NaN, 0, 0, 0, 0}, P, 1, 0.1, 0.1));
        rejects("v must not be null", () -> ContinuityResidual.divergence1D(P, null, 0.1));
        double[][] g = new double[5][5];
        rejects("vy has null, expected 5 like p", () -> ContinuityResidual.divergence2D(g, g, null, 0.1, 0.1));
        rejects("fx[0] has dimension 6, expected 5", () -> FokkerPlanckResidual.residual2D(g, g, g, new double[][] {new double[6], g[1], g[2], g[3], g[4]}, g, 1, 0.1, 0.1, 0.1));
        rejects("rows of pPrev (grid points in x) = 1 must be >= 3", () -> ContinuityResidual.residual2D(new double[][] {new double[5]}, g, g, g, g, 0.1, 0.1, 0.1));
    }

    @Test
    void residualsAvoidIntermediateOverflowOrSayTheyCannotBeFinite() {
        // p of size 1e308: 2p and p² overflowed; the residual (Δp)/(dx²) with dx = 10 is finite
        double[] big = {1e308, 1.5e308, 1e308, 0.5e308, 1e308};
        double[] zero = new double[5];
        double[] r = FokkerPlanckResidual.residual1D(big, big, big, zero, 1, 0.5, 10);
        // −½ g² ((p₂ − p₁) − (p₁ − p₀))/dx² at node 1: −½ (−1.5e308 + ... ) / 100
        assertEquals(-0.5 * ((1e308 - 1.5e308) - (1.5e308 - 1e308)) / 100, r[0], 1e294);
        double[] t = TelegrapherResidual.residual1D(zero, big, zero, 1, 1, 1e10, 10);
        assertTrue(Double.isFinite(t[0]));
        // dx = 4.9e-324: Δp/dx = ∞ is the true size, so the residual is rejected naming dx
        rejects("dx = 4.9E-324", () -> ContinuityResidual.divergence1D(P, P, Double.MIN_VALUE));
        rejects("pPrev, p, pNext, a, c too large", () -> TelegrapherResidual.residual1D(new double[] {0, 1.7e308, 0, 0, 0}, P, P, 0.5, 0.5, 0.5, 0.5));
        rejects("g = -1.0E300", () -> FokkerPlanckResidual.residual1D(P, P, P, P, -1e300, 0.5, 0.5));
        // ordinary inputs are unchanged bit for bit (the rescaled path runs only after an overflow)
        double[] plain = ContinuityResidual.residual1D(P, P, P, P, 0.1, 0.2);
        for (int i = 1; i < 4; i++) assertEquals((P[i + 1] * P[i + 1] - P[i - 1] * P[i - 1]) / (2 * 0.2), plain[i - 1], 0);
    }

    @Test
    void gridsAndExactCurvesRejectWhatCannotBeFinite() {
        // (hi − lo)·i overflowed: the last grid points were ∞
        double[] x = Grid.uniform(-1, 1.7e308, 5);
        for (double v : x) assertTrue(Double.isFinite(v));
        assertEquals(1.7e308, x[4], 0);
        rejects("hi - lo = Infinity", () -> Grid.uniform(-1.7e308, 1.7e308, 5));
        rejects("n = 2147483647", () -> Grid.uniform(0, 1, Integer.MAX_VALUE));
        rejects("f(t = 0.0, xs[0] = 0.0) = NaN", () -> Grid.sample((s, y) -> Double.NaN, 0, new double[] {0, 1}));
        // LinearFlowGaussian: e^{at} = ∞ gave NaN flows and densities
        LinearFlowGaussian lf = new LinearFlowGaussian(1, 0, 1, 1);
        rejects("t = 1000.0, x0 = 1.0: φ_t(x0) exceeds the double range", () -> lf.flow(1000, 1));
        rejects("t = 1000.0: s_t", () -> lf.std(1000));
        rejects("t = -1.0E300: s_t", () -> new LinearFlowGaussian(1, 0, 0, 1).density(-1e300, 0));
        // OuGaussianCurve: a stationary variance σ²/(2θ) beyond the double range (or 0) is rejected at construction
        rejects("theta = 4.9E-324, sigma = 1.0: the stationary variance", () -> new OuGaussianCurve(Double.MIN_VALUE, 1, 0, 1));
        rejects("theta = 1.7E308, sigma = 1.0: the stationary variance", () -> new OuGaussianCurve(1.7e308, 1, 0, 1));
        rejects("s0 = 1.0E300", () -> new OuGaussianCurve(1, 1, 0, 1e300));
        assertEquals(0.0, new OuGaussianCurve(1, 1, 0, 1).density(0.5, 1.7e308)); // far in the tail
    }
}
