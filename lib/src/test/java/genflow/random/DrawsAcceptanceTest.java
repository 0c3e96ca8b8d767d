package genflow.random;

import genflow.math.SpecialFunctions;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Rejection acceptance rates and a per-bin pmf check of the Poisson and Gamma sub-draws of the
 * exact Kac sampler ({@code genflow.process.KacProcess#sample}); moved here from KacProcessTest
 * when the process package's private copy of these draws was replaced by {@link Draws}.
 */
class DrawsAcceptanceTest {
    /** {@link Draws#poisson} uses inversion below this mean and PTRS from it on. */
    private static final double PTRS_MIN_MEAN = 10.0;

    /** A RandomGenerator that counts the uniforms and normals it hands out. */
    private static final class CountingRng implements RandomGenerator {
        private final RandomGenerator inner;
        long doubles, gaussians;

        CountingRng(RandomGenerator inner) { this.inner = inner; }

        @Override public long nextLong() { return inner.nextLong(); }
        @Override public double nextDouble() { doubles++; return inner.nextDouble(); }
        @Override public double nextGaussian() { gaussians++; return inner.nextGaussian(); }
    }

    @Test
    void subSamplerAcceptanceRates() {
        StringBuilder sb = new StringBuilder("acceptance: Poisson PTRS (mean at) / Gamma M-T (shape ceil(N/2)):");
        for (double mu : new double[] {0.1, 1, 10, 30, 100, 300, 1000}) {
            CountingRng rp = new CountingRng(Rngs.seeded(1));
            int n = 20000;
            double sum = 0;
            for (int i = 0; i < n; i++) sum += Draws.poisson(mu, rp);
            assertEquals(mu, sum / n, 5 * Math.sqrt(mu / n), "Poisson mean at mu=" + mu);
            // PTRS uses two uniforms per trial
            double accP = mu < PTRS_MIN_MEAN ? 1.0 : n / (rp.doubles / 2.0);
            double shape = Math.max(1, Math.ceil(mu / 2));
            CountingRng rg = new CountingRng(Rngs.seeded(2));
            double gs = 0;
            for (int i = 0; i < n; i++) gs += Draws.gamma(shape, rg);
            assertEquals(shape, gs / n, 5 * Math.sqrt(shape / n), "Gamma mean at shape=" + shape);
            // Marsaglia-Tsang uses one normal per trial (shape >= 1)
            double accG = (double) n / rg.gaussians;
            sb.append(String.format(" at=%s: %.3f / %.3f;", mu, accP, accG));
            if (mu >= PTRS_MIN_MEAN) assertTrue(accP > 0.7, "PTRS acceptance " + accP);
            assertTrue(accG > 0.94, "Marsaglia-Tsang acceptance " + accG);
        }
        System.out.println(sb);
    }

    @Test
    void poissonMatchesPmf() {
        // per-bin check of the PTRS branch against the exact pmf around the mean
        double mu = 37.5;
        int n = 50000;
        int[] counts = new int[200];
        RandomGenerator rng = Rngs.seeded(4);
        for (int i = 0; i < n; i++) counts[(int) Draws.poisson(mu, rng)]++;
        for (int kk = 25; kk <= 50; kk++) {
            double pmf = Math.exp(-mu + kk * Math.log(mu) - SpecialFunctions.logGamma(kk + 1.0));
            assertEquals(pmf, (double) counts[kk] / n, 5 * Math.sqrt(pmf / n) + 1e-4, "P(N=" + kk + ")");
        }
    }
}
