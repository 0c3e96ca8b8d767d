package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * Neal's funnel on R^d (R. M. Neal, "Slice sampling", Ann. Statist. 31 (2003), §8):
 * v = x_0 ~ N(0, 3²) and, given v, x_i ~ N(0, e^v) independently for i = 1..d−1. Exact density
 * log p(x) = log N(v; 0, 9) + Σ_{i≥1} [−x_i² e^{−v}/2 − v/2 − ½ log 2π]
 * and score ∂_v log p = −v/9 + Σ_{i≥1} (x_i² e^{−v} − 1)/2, ∂_{x_i} log p = −x_i e^{−v}.
 * Immutable; no time variable.
 */
public final class NealsFunnel implements Sampleable, Density {
    private static final double V_STD = 3.0;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private final int d;

    /** @param d total dimension ≥ 2 (coordinate 0 is v, the others are x_1..x_{d−1}) */
    public NealsFunnel(int d) {
        this.d = Require.size("d", d, 2);
    }

    @Override public int dim() { return d; }

    /**
     * log p(x).
     *
     * @throws IllegalArgumentException if log p(x) is outside the double range (|v| ≳ 1e154, or
     *         x_i² e^{−v} beyond 1.8e308)
     */
    @Override
    public double logDensity(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        double v = x[0];
        double s = -0.5 * v * v / (V_STD * V_STD) - Math.log(V_STD) - HALF_LOG_2PI;
        double ev = Math.exp(-v);
        for (int i = 1; i < d; i++) s += -0.5 * x[i] * x[i] * ev - 0.5 * v - HALF_LOG_2PI;
        if (Double.isFinite(s)) return s;
        // x_i² e^{−v} = exp(2 log|x_i| − v) avoids ∞·0; v²/18 = (v/18)·v
        s = -(v / (2 * V_STD * V_STD)) * v - Math.log(V_STD) - HALF_LOG_2PI;
        for (int i = 1; i < d; i++) s += -0.5 * squareTimesExp(x[i], v) - 0.5 * v - HALF_LOG_2PI;
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + ": log p(x) = " + s + " is outside the double range");
        }
        return s;
    }

    /** x² e^{−v} without overflow or ∞·0. */
    private static double squareTimesExp(double x, double v) {
        return x == 0 ? 0 : Math.exp(2 * Math.log(Math.abs(x)) - v);
    }

    /**
     * The score.
     *
     * @throws IllegalArgumentException if an entry is outside the double range
     */
    @Override
    public double[] score(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        double v = x[0];
        double ev = Math.exp(-v);
        double[] g = new double[d];
        g[0] = -v / (V_STD * V_STD);
        for (int i = 1; i < d; i++) {
            g[0] += 0.5 * (x[i] * x[i] * ev - 1.0);
            g[i] = -x[i] * ev;
        }
        for (double gi : g) {
            if (!Double.isFinite(gi)) return farScore(x);
        }
        return g;
    }

    private double[] farScore(double[] x) {
        double v = x[0];
        double[] g = new double[d];
        g[0] = -v / (V_STD * V_STD);
        for (int i = 1; i < d; i++) {
            g[0] += 0.5 * (squareTimesExp(x[i], v) - 1.0);
            g[i] = x[i] == 0 ? 0 : -Math.signum(x[i]) * Math.exp(Math.log(Math.abs(x[i])) - v);
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(g[i])) {
                throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + ": the score entry " + i + " = " + g[i]
                        + " is outside the double range");
            }
        }
        return g;
    }

    /** v = 3Z_0, x_i = e^{v/2} Z_i. */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.cells("n", n, "d", d);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][d];
        for (int r = 0; r < n; r++) {
            double v = V_STD * rng.nextGaussian();
            out[r][0] = v;
            double s = Math.exp(0.5 * v);
            for (int i = 1; i < d; i++) out[r][i] = s * rng.nextGaussian();
        }
        return out;
    }
}
