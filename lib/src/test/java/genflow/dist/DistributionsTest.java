package genflow.dist;

import genflow.math.SpecialFunctions;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static genflow.dist.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Gaussian, StudentT, Uniform, Empirical and NealsFunnel. */
class DistributionsTest {

    @Test
    void gaussianDensityScoreAndSamples() {
        Gaussian g = new Gaussian(new double[]{1, -2}, new double[]{0.5, 3});
        double[] x = {0.2, 1.5};
        double want = SpecialFunctions.normalLogPdf((0.2 - 1) / 0.5) - Math.log(0.5)
                + SpecialFunctions.normalLogPdf((1.5 + 2) / 3) - Math.log(3);
        assertEquals(want, g.logDensity(x), 1e-14);
        assertArrayEquals(fdScore(g, x, 1e-5), g.score(x), 1e-8);
        double[][] s = g.sample(20000, Rngs.seeded(1));
        assertMeanWithin5Se(1, column(s, 0), "mean 0");
        assertMeanWithin5Se(-2, column(s, 1), "mean 1");
        assertEquals(9, var(column(s, 1)), 5 * 9 * Math.sqrt(2.0 / 20000));
        assertArrayEquals(s, g.sample(20000, Rngs.seeded(1)));
        Gaussian std = Gaussian.standard(3);
        assertEquals(-1.5 * Math.log(2 * Math.PI), std.logDensity(new double[3]), 1e-14);
        assertArrayEquals(new double[]{0.7, 0.7}, Gaussian.isotropic(new double[2], 0.7).std(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(new double[]{0}, new double[]{0}));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(new double[]{0, 1}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new Gaussian(new double[]{Double.NaN}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Gaussian.standard(0));
        assertThrows(IllegalArgumentException.class, () -> g.logDensity(new double[]{Double.NaN, 0}));
        assertThrows(IllegalArgumentException.class, () -> g.score(new double[]{0}));
        assertThrows(IllegalArgumentException.class, () -> g.sample(-1, Rngs.seeded(1)));
    }

    @Test
    void studentTDensityScoreAndSamples() {
        StudentT t = new StudentT(1.0, new double[]{0.5, -1}, new double[]{2, 0.25});
        double[] x = {1.3, -0.8};
        // ν = 1 is the Cauchy: p(x) = 1/(π σ (1 + ((x−μ)/σ)²))
        double z0 = (1.3 - 0.5) / 2, z1 = (-0.8 + 1) / 0.25;
        double want = -Math.log(Math.PI * 2 * (1 + z0 * z0)) - Math.log(Math.PI * 0.25 * (1 + z1 * z1));
        assertEquals(want, t.logDensity(x), 1e-13);
        StudentT t5 = new StudentT(5.0, new double[]{0, 3}, new double[]{1.5, 0.5});
        RandomGenerator rng = Rngs.seeded(2);
        for (int k = 0; k < 20; k++) {
            double[] y = {4 * rng.nextGaussian(), 3 + 4 * rng.nextGaussian()};
            assertArrayEquals(fdScore(t5, y, 1e-5), t5.score(y), 1e-8);
            assertArrayEquals(fdScore(t, y, 1e-5), t.score(y), 1e-8);
        }
        // samples: Cauchy P(X ≤ μ + σ) = 3/4; t_5 variance σ² ν/(ν−2)
        int n = 40000;
        double[][] s = t.sample(n, Rngs.seeded(3));
        int below = 0;
        for (double[] r : s) if (r[0] <= 0.5 + 2) below++;
        assertEquals(0.75, below / (double) n, 5 * Math.sqrt(0.75 * 0.25 / n));
        double[][] s5 = t5.sample(n, Rngs.seeded(4));
        assertMeanWithin5Se(3, column(s5, 1), "t5 location");
        double v = 1.5 * 1.5 * 5 / 3;
        // t_5 has μ₄ = 3ν²/((ν−2)(ν−4)) σ⁴ = 25 σ⁴, so SE(s²) ≈ σ² √((25 − 25/9)/n)
        assertEquals(v, var(column(s5, 0)), 5 * 1.5 * 1.5 * Math.sqrt((25 - 25.0 / 9) / n));
        assertArrayEquals(s5, t5.sample(n, Rngs.seeded(4)));
        assertEquals(2 * SpecialFunctions.studentTLogDensity(0, 3), StudentT.standard(3, 2).logDensity(new double[2]), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> new StudentT(0, new double[]{0}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(2, new double[]{0}, new double[]{-1}));
        assertThrows(IllegalArgumentException.class, () -> new StudentT(2, new double[]{0}, new double[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> t.logDensity(new double[]{0, Double.POSITIVE_INFINITY}));
    }

    @Test
    void uniformDensitySupportAndSamples() {
        Uniform u = new Uniform(new double[]{-1, 2}, new double[]{3, 2.5});
        assertEquals(-Math.log(4 * 0.5), u.logDensity(new double[]{0, 2.2}), 1e-15);
        assertEquals(-Math.log(2), u.logDensity(new double[]{3, 2.5}), 1e-15); // closed box
        assertEquals(Double.NEGATIVE_INFINITY, u.logDensity(new double[]{3.01, 2.2}));
        assertArrayEquals(new double[2], u.score(new double[]{0, 2.2}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> u.score(new double[]{-1, 2.2}));
        int n = 40000;
        double[][] s = u.sample(n, Rngs.seeded(5));
        for (double[] r : s) assertTrue(u.contains(r));
        assertMeanWithin5Se(1, column(s, 0), "mean 0");
        assertMeanWithin5Se(2.25, column(s, 1), "mean 1");
        assertEquals(16.0 / 12, var(column(s, 0)), 5 * Math.sqrt((256.0 / 80 - 256.0 / 144) / n));
        assertArrayEquals(s, u.sample(n, Rngs.seeded(5)));
        Uniform c = Uniform.cube(-4, 4, 3);
        assertEquals(-3 * Math.log(8), c.logDensity(new double[3]), 1e-14);
        assertThrows(IllegalArgumentException.class, () -> new Uniform(new double[]{1}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> Uniform.cube(0, Double.POSITIVE_INFINITY, 2));
        assertThrows(IllegalArgumentException.class, () -> Uniform.cube(0, 1, 0));
    }

    @Test
    void empiricalSamplesRowsUniformlyWithReplacement() {
        double[][] data = {{0, 0}, {1, 0}, {0, 1}, {5, 5}, {-1, 2}};
        Empirical e = new Empirical(data);
        data[0][0] = 99; // copied in
        assertEquals(0.0, e.row(0)[0]);
        int n = 25000;
        double[][] s = e.sample(n, Rngs.seeded(6));
        long[] counts = new long[5];
        outer:
        for (double[] r : s) {
            for (int i = 0; i < 5; i++) if (java.util.Arrays.equals(r, e.row(i))) { counts[i]++; continue outer; }
            fail("sampled a row that is not in the data: " + java.util.Arrays.toString(r));
        }
        assertTrue(chiSquare(counts, new double[]{0.2, 0.2, 0.2, 0.2, 0.2}) < chiSquareCritical(4, 1e-4));
        s[0][0] = 1234; // copied out
        assertNotEquals(1234.0, e.data()[0][0]);
        assertArrayEquals(e.sample(10, Rngs.seeded(6)), e.sample(10, Rngs.seeded(6)));
        assertEquals(5, e.size());
        assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[][]{{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[][]{{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> e.row(5));
    }

    @Test
    void nealsFunnelDensityScoreAndSamples() {
        NealsFunnel f = ToyData.nealsFunnel(4);
        RandomGenerator rng = Rngs.seeded(7);
        for (int k = 0; k < 30; k++) {
            double[] x = {3 * rng.nextGaussian(), rng.nextGaussian(), 2 * rng.nextGaussian(), rng.nextGaussian()};
            // independent formula: N(v; 0, 9) × Π N(x_i; 0, e^v) through the Gaussian class
            double sd = Math.exp(x[0] / 2);
            double want = Gaussian.isotropic(new double[1], 3).logDensity(new double[]{x[0]})
                    + Gaussian.isotropic(new double[3], sd).logDensity(new double[]{x[1], x[2], x[3]});
            assertEquals(want, f.logDensity(x), 1e-11 * (1 + Math.abs(want)));
            double[] fd = fdScore(f, x, 1e-6);
            double[] sc = f.score(x);
            for (int j = 0; j < 4; j++) assertEquals(fd[j], sc[j], 1e-5 * (1 + Math.abs(fd[j])));
        }
        // samples: v ~ N(0, 9) and x_i e^{−v/2} ~ N(0, 1) independent of v
        int n = 40000;
        double[][] s = f.sample(n, Rngs.seeded(8));
        double[] v = column(s, 0);
        assertMeanWithin5Se(0, v, "v mean");
        assertEquals(9, var(v), 5 * 9 * Math.sqrt(2.0 / n));
        double[] z = new double[n], vz = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = s[i][2] * Math.exp(-s[i][0] / 2);
            vz[i] = s[i][0] / 3 * z[i];
        }
        assertMeanWithin5Se(0, z, "standardised x mean");
        assertEquals(1, var(z), 5 * Math.sqrt(2.0 / n));
        assertMeanWithin5Se(0, vz, "correlation of v and standardised x");
        assertArrayEquals(s, f.sample(n, Rngs.seeded(8)));
        assertThrows(IllegalArgumentException.class, () -> new NealsFunnel(1));
        assertThrows(IllegalArgumentException.class, () -> f.logDensity(new double[]{0, 0}));
    }
}
