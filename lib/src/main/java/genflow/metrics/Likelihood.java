package genflow.metrics;

import genflow.math.Require;
import genflow.dist.GaussianMixture;

/** Likelihood-based metrics under a known model density. Static, no time direction. */
public final class Likelihood {
    private Likelihood() {}

    /**
     * Mean negative log-likelihood \(-\frac1n\sum_i \log p(x_i)\) of samples x [n][d] under the
     * Gaussian mixture p (exact log density by log-sum-exp). In nats; lower is better; for samples from
     * p itself it estimates the differential entropy H(p).
     */
    public static double meanNll(GaussianMixture model, double[][] x) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        Require.nonEmptyBatch("x", x, model.dim());
        double s = 0;
        for (double[] row : x) s -= model.logDensity(row);
        return s / x.length;
    }
}
