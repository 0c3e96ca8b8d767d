package genflow.metrics;

import genflow.ode.VectorField;
import genflow.ot.Couplings;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class PathEnergyTest {

    static double[] grid(int k) {
        double[] t = new double[k + 1];
        for (int i = 0; i <= k; i++) t[i] = (double) i / k;
        return t;
    }

    static double[][][] straightLines(double[] times, double[][] x0, double[][] x1) {
        double[][][] traj = new double[times.length][x0.length][x0[0].length];
        for (int k = 0; k < times.length; k++)
            for (int i = 0; i < x0.length; i++)
                for (int j = 0; j < x0[0].length; j++) traj[k][i][j] = (1 - times[k]) * x0[i][j] + times[k] * x1[i][j];
        return traj;
    }

    @Test
    void straightOptimalTrajectoriesHaveZeroNpe() {
        RandomGenerator rng = Rngs.seeded(61);
        double[][] x0 = WassersteinTest.gaussian(rng, 60, 2, 1, 0), x1 = WassersteinTest.gaussian(rng, 60, 2, 0.5, 3);
        double[] t = grid(10);
        double[][][] traj = straightLines(t, x0, Couplings.minibatchOtReordered(x0, x1));
        double w2 = Wasserstein.squaredW2Exact(x0, x1);
        assertEquals(w2, PathEnergy.pathEnergy(t, traj), 1e-10 * w2);
        assertEquals(0.0, PathEnergy.normalizedPathEnergy(t, traj, x1), 1e-10);
    }

    @Test
    void independentPairingHasPositiveNpe() {
        RandomGenerator rng = Rngs.seeded(62);
        double[][] x0 = WassersteinTest.gaussian(rng, 60, 2, 1, 0), x1 = WassersteinTest.gaussian(rng, 60, 2, 1, 2);
        double[] t = grid(4);
        double[][][] traj = straightLines(t, x0, x1); // identity pairing of independent batches
        double pe = Couplings.meanSquaredDistance(x0, x1, Couplings.identityPairing(x0, x1));
        double w2 = Wasserstein.squaredW2Exact(x0, x1);
        assertEquals(pe, PathEnergy.pathEnergy(t, traj), 1e-10 * pe);
        double npe = PathEnergy.normalizedPathEnergy(t, traj, x1);
        assertEquals((pe - w2) / w2, npe, 1e-12);
        assertTrue(npe > 0.1, "independent coupling should be far from OT: " + npe);
    }

    @Test
    void velocityFieldVersionForATranslationAndARotation() {
        // translation v = m: x(t) = x0 + t m, PE = |m|² = W2² → NPE = 0
        RandomGenerator rng = Rngs.seeded(63);
        double[] m = {0.5, -1.5};
        VectorField shift = (time, x) -> {
            double[][] v = new double[x.length][2];
            for (double[] r : v) { r[0] = m[0]; r[1] = m[1]; }
            return v;
        };
        double[][] x0 = WassersteinTest.gaussian(rng, 40, 2, 1, 0);
        double[] t = grid(5);
        double[][] x1 = new double[40][2];
        for (int i = 0; i < 40; i++) { x1[i][0] = x0[i][0] + m[0]; x1[i][1] = x0[i][1] + m[1]; }
        double[][][] traj = straightLines(t, x0, x1);
        double pe = PathEnergy.pathEnergy(shift, t, traj);
        assertEquals(2.5, pe, 1e-12);
        assertEquals(0.0, PathEnergy.normalizedPathEnergy(pe, Wasserstein.squaredW2Exact(x0, x1)), 1e-9);

        // quarter circle of radius r from (r,0) to (0,r) at constant speed: PE = (π r/2)², W2² = 2r²,
        // NPE = |π²/8 − 1| ≈ 0.2337
        double r = 1.5;
        int k = 2000;
        double[] tt = grid(k);
        double[][][] arc = new double[k + 1][1][2];
        for (int i = 0; i <= k; i++) {
            arc[i][0][0] = r * Math.cos(Math.PI / 2 * tt[i]);
            arc[i][0][1] = r * Math.sin(Math.PI / 2 * tt[i]);
        }
        VectorField rot = (time, x) -> new double[][] {{-Math.PI / 2 * x[0][1], Math.PI / 2 * x[0][0]}};
        double exactPe = Math.PI * Math.PI / 4 * r * r;
        assertEquals(exactPe, PathEnergy.pathEnergy(rot, tt, arc), 1e-12);
        assertEquals(exactPe, PathEnergy.pathEnergy(tt, arc), 1e-6); // chords: relative error ≈ (π/4k)²/3
        assertTrue(PathEnergy.pathEnergy(tt, arc) < exactPe, "chord energy is below the arc energy");
        double npe = PathEnergy.normalizedPathEnergy(tt, arc, new double[][] {{0, r}});
        assertEquals(Math.abs(Math.PI * Math.PI / 8 - 1), npe, 1e-6);
    }

    @Test
    void rejectsBadInput() {
        double[][][] traj = new double[3][2][1];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PathEnergy.pathEnergy(new double[] {0, 0.5}, traj));
        assertTrue(e.getMessage().contains("trajectory"));
        e = assertThrows(IllegalArgumentException.class, () -> PathEnergy.pathEnergy(new double[] {0, 0.5, 0.5}, traj));
        assertTrue(e.getMessage().contains("times"));
        e = assertThrows(IllegalArgumentException.class, () -> PathEnergy.normalizedPathEnergy(1.0, 0.0));
        assertTrue(e.getMessage().contains("w2Squared"));
        e = assertThrows(IllegalArgumentException.class, () -> PathEnergy.normalizedPathEnergy(-1.0, 1.0));
        assertTrue(e.getMessage().contains("pathEnergy"));
        double[][][] ragged = {new double[2][1], new double[3][1], new double[2][1]};
        e = assertThrows(IllegalArgumentException.class, () -> PathEnergy.pathEnergy(new double[] {0, 0.5, 1}, ragged));
        assertTrue(e.getMessage().contains("trajectory[1]"));
        e = assertThrows(IllegalArgumentException.class,
                () -> PathEnergy.pathEnergy((t, x) -> new double[1][1], new double[] {0, 0.5, 1}, traj));
        assertTrue(e.getMessage().contains("field"));
    }
}
