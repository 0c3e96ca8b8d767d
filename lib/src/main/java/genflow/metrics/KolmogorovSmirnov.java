package genflow.metrics;

import genflow.math.Require;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * 1-D Kolmogorov–Smirnov statistics with asymptotic p-values from the Kolmogorov distribution.
 * p-values use Stephens' small-sample correction of the argument (M. A. Stephens, JRSS B 32, 1970;
 * Numerical Recipes 3rd ed. §14.3.3): \(p = Q_{KS}\big((\sqrt{N_e} + 0.12 + 0.11/\sqrt{N_e})\,D\big)\),
 * \(N_e = n\) (one sample) or \(nm/(n+m)\) (two samples). Static, no time direction.
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {}

    /** Statistic D, p-value P(D' ≥ D) under the null, effective sample size N_e. */
    public record Result(double statistic, double pValue, double effectiveSize) {
        /** Checks D and the p-value in [0, 1] and N_e finite and &gt; 0. */
        public Result {
            Require.inRange("statistic", statistic, 0, 1);
            Require.inRange("pValue", pValue, 0, 1);
            Require.positive("effectiveSize", effectiveSize);
        }
    }

    /**
     * Two-sample test: \(D = \sup_t |F_n(t) - G_m(t)|\) for the empirical cdfs (ties handled by
     * stepping over equal values together).
     */
    public static Result twoSample(double[] x, double[] y) {
        double[] xs = Checks.sample("x", x).clone(), ys = Checks.sample("y", y).clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        int n = xs.length, m = ys.length, i = 0, j = 0;
        double d = 0;
        while (i < n && j < m) {
            double t = Math.min(xs[i], ys[j]);
            while (i < n && xs[i] == t) i++;
            while (j < m && ys[j] == t) j++;
            d = Math.max(d, Math.abs((double) i / n - (double) j / m));
        }
        double ne = (double) n * m / (n + m);
        return new Result(d, pValue(d, ne), ne);
    }

    /**
     * One-sample test against a continuous cdf F:
     * \(D = \max_i \max\big(i/n - F(x_{(i)}),\ F(x_{(i)}) - (i-1)/n\big)\).
     *
     * @param cdf the null cdf; must return values in [0, 1] at the sample points
     */
    public static Result oneSample(double[] x, DoubleUnaryOperator cdf) {
        double[] xs = Checks.sample("x", x).clone();
        if (cdf == null) throw new IllegalArgumentException("cdf must not be null");
        Arrays.sort(xs);
        int n = xs.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(xs[i]);
            if (!(f >= 0 && f <= 1)) throw new IllegalArgumentException("cdf(" + xs[i] + ") = " + f + " is outside [0, 1]");
            d = Math.max(d, Math.max((double) (i + 1) / n - f, f - (double) i / n));
        }
        return new Result(d, pValue(d, n), n);
    }

    /** Asymptotic p-value \(Q_{KS}((\sqrt{N_e} + 0.12 + 0.11/\sqrt{N_e}) D)\). */
    static double pValue(double d, double ne) {
        double s = Math.sqrt(ne);
        return kolmogorovSurvival((s + 0.12 + 0.11 / s) * d);
    }

    /**
     * Kolmogorov distribution function \(P(K \le \lambda)\) of \(K = \sup_t |B(t)|\) (Brownian bridge):
     * \(1 - 2\sum_{k\ge1}(-1)^{k-1}e^{-2k^2\lambda^2}\) for λ ≥ 1.18, and the equivalent Jacobi-theta form
     * \(\frac{\sqrt{2\pi}}{\lambda}\sum_{k\ge1} e^{-(2k-1)^2\pi^2/(8\lambda^2)}\) for smaller λ (fast convergence).
     * E.g. P(K ≤ 1.3581) = 0.95, P(K ≤ 1.6276) = 0.99.
     */
    public static double kolmogorovCdf(double lambda) {
        Require.nonNegative("lambda", lambda);
        if (lambda == 0) return 0;
        if (lambda < 1.18) {
            double s = 0, c = Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k <= 100; k++) {
                double term = Math.exp(-(2 * k - 1) * (2 * k - 1) * c);
                s += term;
                if (term < 1e-17 * s) break;
            }
            if (s == 0) return 0; // λ so small that every term underflows (and √(2π)/λ may overflow)
            return Math.min(1, Math.sqrt(2 * Math.PI) / lambda * s);
        }
        return 1 - kolmogorovSurvival(lambda);
    }

    /** \(Q_{KS}(\lambda) = P(K > \lambda) = 2\sum_{k\ge1}(-1)^{k-1}e^{-2k^2\lambda^2}\) (computed via the cdf for λ &lt; 1.18). */
    public static double kolmogorovSurvival(double lambda) {
        Require.nonNegative("lambda", lambda);
        if (lambda < 1.18) return 1 - kolmogorovCdf(lambda);
        double s = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            s += (k % 2 == 1) ? term : -term;
            if (term < 1e-17) break;
        }
        return Math.max(0, Math.min(1, 2 * s));
    }
}
