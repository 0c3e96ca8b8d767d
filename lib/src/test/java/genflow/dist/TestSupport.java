package genflow.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared helpers for the dist tests: finite-difference scores and CLT moment checks. */
final class TestSupport {
    private TestSupport() {}

    /** Central finite difference of logDensity, step h. */
    static double[] fdScore(Density p, double[] x, double h) {
        double[] g = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] a = x.clone(), b = x.clone();
            a[j] += h;
            b[j] -= h;
            g[j] = (p.logDensity(a) - p.logDensity(b)) / (2 * h);
        }
        return g;
    }

    static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i][j];
        return c;
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double var(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return s / (x.length - 1);
    }

    /** The sample mean is within 5 standard errors (σ/√n, σ from the sample) of the exact mean. */
    static void assertMeanWithin5Se(double exact, double[] x, String what) {
        assertEquals(exact, mean(x), 5 * Math.sqrt(var(x) / x.length), what);
    }

    /** Pearson χ² statistic. */
    static double chiSquare(long[] counts, double[] probs) {
        long n = 0;
        for (long c : counts) n += c;
        double chi = 0;
        for (int i = 0; i < counts.length; i++) {
            double e = probs[i] * n;
            chi += (counts[i] - e) * (counts[i] - e) / e;
        }
        return chi;
    }

    /** Wilson–Hilferty upper quantile of χ²_df at tail probability α. */
    static double chiSquareCritical(int df, double alpha) {
        double z = genflow.math.SpecialFunctions.normalQuantile(1 - alpha);
        double h = 2.0 / (9.0 * df);
        return df * Math.pow(1 - h + z * Math.sqrt(h), 3);
    }
}
