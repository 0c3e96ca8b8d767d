package genflow.metrics;

import genflow.math.Require;
import genflow.dist.GaussianMixture;

/**
 * Per-mode mass of a sample relative to the components of a Gaussian mixture: which fraction of the
 * generated points lands in each mode (mode collapse / mass recovery check, e.g. the Kac-flow chapter).
 * Compare the result with {@link GaussianMixture#weights()}. Static, no time direction.
 */
public final class ModeMass {
    private ModeMass() {}

    /**
     * Hard assignment to the nearest component mean (Euclidean):
     * \(\hat w_k = \frac1n \#\{i : k = \arg\min_l \lVert x_i - m_l\rVert\}\) (ties go to the lower index).
     * Ignores weights and variances — meant for well separated, similar-width modes.
     */
    public static double[] nearestMean(GaussianMixture model, double[][] x) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        Require.nonEmptyBatch("x", x, model.dim());
        double[][] means = model.means();
        double[] mass = new double[means.length];
        for (double[] row : x) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            boolean plain = true;
            for (int k = 0; k < means.length; k++) {
                double dk = Checks.sq(row, means[k]);
                plain &= Checks.plain(dk);
                if (dk < bestD) { bestD = dk; best = k; }
            }
            if (!plain) { // a square overflowed or underflowed: compare distances computed with scaling
                bestD = Double.POSITIVE_INFINITY;
                for (int k = 0; k < means.length; k++) {
                    double dk = Checks.distance(row, means[k]);
                    if (dk < bestD) { bestD = dk; best = k; }
                }
            }
            mass[best] += 1;
        }
        for (int k = 0; k < mass.length; k++) mass[k] /= x.length;
        return mass;
    }

    /**
     * Soft assignment by posterior responsibilities:
     * \(\hat w_k = \frac1n\sum_i \gamma_k(x_i)\), \(\gamma_k(x) = w_k N_k(x) / p(x)\). For samples from the
     * mixture itself this is an unbiased estimate of w_k (E γ_k(X) = w_k).
     */
    public static double[] byResponsibility(GaussianMixture model, double[][] x) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        Require.nonEmptyBatch("x", x, model.dim());
        double[] mass = new double[model.components()];
        for (double[] row : x) {
            double[] g = model.responsibilities(row);
            for (int k = 0; k < mass.length; k++) mass[k] += g[k];
        }
        for (int k = 0; k < mass.length; k++) mass[k] /= x.length;
        return mass;
    }
}
