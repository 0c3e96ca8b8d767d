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
        double r = s / x.length;
        if (Double.isFinite(r)) return r;
        r = 0; // the sum overflowed: average term by term (each −log p is finite)
        for (double[] row : x) r -= model.logDensity(row) / x.length;
        if (!Double.isFinite(r)) throw new IllegalArgumentException("x: the mean negative log-likelihood exceeds the double range");
        return r;
    }
}
