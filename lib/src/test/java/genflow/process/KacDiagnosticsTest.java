package genflow.process;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class KacDiagnosticsTest {
    @Test
    void velocityNormMatchesMonteCarloAndIsBoundedByC2() {
        KacProcess kac = KacProcess.of(3, 2);
        double t = 0.7;
        double exact = KacDiagnostics.velocityNormSquared(kac, t);
        RandomGenerator rng = Rngs.seeded(11);
        int n = 200_000;
        double mc = 0;
        for (int i = 0; i < n; i++) {
            double x = kac.sample(t, rng);
            double v = kac.velocity(t, x);
            mc += v * v;
        }
        mc /= n;
        assertEquals(mc, exact, 0.02 * exact);
        for (double s : new double[]{0.01, 0.1, 0.5, 1, 3, 10}) {
            double e = KacDiagnostics.velocityNormSquared(kac, s);
            assertTrue(e <= 4 + 1e-9, "norm " + e + " > c^2 at t = " + s);
            assertTrue(e > 0);
        }
        assertEquals(4, KacDiagnostics.velocityNormSquared(kac, 0), 1e-12);
        assertEquals(4, KacDiagnostics.velocityNormSquared(kac, 1e-4), 1e-2);
    }

    @Test
    void largeTimeKineticEnergyApproachesDiffusionValue() {
        // for at >> 1 the Kac law is close to N(0, σ²t) and v ≈ x/(2t): ‖v‖² ≈ σ²/(4t)
        KacProcess kac = KacProcess.of(100, 10);
        double t = 2;
        assertEquals(KacDiagnostics.diffusionVelocityNormSquared(1, t), KacDiagnostics.velocityNormSquared(kac, t), 0.01);
        assertEquals(0.25, KacDiagnostics.diffusionVelocityNormSquared(2, 2), 1e-15);
    }

    @Test
    void heatKernelDistanceShrinksLikeOneOverA() {
        double prev = Double.POSITIVE_INFINITY;
        double[] aa = {4, 16, 64, 256};
        double[] dist = new double[aa.length];
        for (int i = 0; i < aa.length; i++) {
            KacProcess kac = KacProcess.of(aa[i], Math.sqrt(aa[i]));
            dist[i] = KacDiagnostics.l2DistanceToHeatKernel(kac, 1);
            assertTrue(dist[i] < prev);
            prev = dist[i];
        }
        // rate 1/(at) + 1/(c sqrt(at)) = 2/a at t = 1, σ = 1: the ratio per factor 4 in a is ≈ 4
        double ratio = dist[2] / dist[3];
        assertTrue(ratio > 3 && ratio < 5, "ratio " + ratio);
        // tiny a: p_t is far from Gaussian (distance of order ‖h‖ = (8πσ²t)^{-1/4} ≈ 0.4)
        double far = KacDiagnostics.l2DistanceToHeatKernel(KacProcess.of(0.5, 1), 1);
        assertTrue(far > 0.1, "far " + far);
    }

    @Test
    void validation() {
        assertThrows(IllegalArgumentException.class, () -> KacDiagnostics.velocityNormSquared(null, 1));
        assertThrows(IllegalArgumentException.class, () -> KacDiagnostics.velocityNormSquared(KacProcess.of(1, 1), -1));
        assertThrows(IllegalArgumentException.class, () -> KacDiagnostics.l2DistanceToHeatKernel(KacProcess.of(1, 1), 0));
        assertThrows(IllegalArgumentException.class, () -> KacDiagnostics.diffusionVelocityNormSquared(1, 0));
    }
}
