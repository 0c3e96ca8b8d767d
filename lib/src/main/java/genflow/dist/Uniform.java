package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * The uniform distribution on the box Π_j [lo_j, hi_j] ⊂ R^d:
 * log p(x) = −Σ_j log(hi_j − lo_j) inside the closed box, −∞ outside. The score is 0 in the
 * interior and undefined elsewhere ({@link #score} throws there). Immutable; no time variable.
 */
public final class Uniform implements Sampleable, Density {
    private final double[] lo;
    private final double[] hi;
    private final double logVolume;

    /**
     * @param lo finite lower corners, length d ≥ 1
     * @param hi finite upper corners, hi_j &gt; lo_j, length d
     */
    public Uniform(double[] lo, double[] hi) {
        Require.finite("lo", lo);
        Require.atLeast("lo.length", lo.length, 1);
        Require.finite("hi", Require.dim("hi", hi, lo.length));
        double lv = 0;
        for (int j = 0; j < lo.length; j++) {
            if (!(hi[j] > lo[j])) throw new IllegalArgumentException("hi[" + j + "] = " + hi[j] + " must be > lo[" + j + "] = " + lo[j]);
            double w = hi[j] - lo[j];
            lv += Double.isFinite(w) ? Math.log(w) : Math.log(0.5 * hi[j] - 0.5 * lo[j]) + Math.log(2);
        }
        if (!Double.isFinite(lv)) throw new IllegalArgumentException("the box [lo, hi] must have a finite log volume, got " + lv);
        this.lo = lo.clone();
        this.hi = hi.clone();
        this.logVolume = lv;
    }

    /** The cube [lo, hi]^d. */
    public static Uniform cube(double lo, double hi, int d) {
        Require.size("d", d, 1);
        double[] a = new double[d], b = new double[d];
        java.util.Arrays.fill(a, lo);
        java.util.Arrays.fill(b, hi);
        return new Uniform(a, b);
    }

    @Override public int dim() { return lo.length; }
    public double[] lo() { return lo.clone(); }
    public double[] hi() { return hi.clone(); }

    /** True when lo ≤ x ≤ hi componentwise. */
    public boolean contains(double[] x) {
        Require.finite("x", Require.dim("x", x, lo.length));
        for (int j = 0; j < lo.length; j++) if (x[j] < lo[j] || x[j] > hi[j]) return false;
        return true;
    }

    @Override
    public double logDensity(double[] x) {
        return contains(x) ? -logVolume : Double.NEGATIVE_INFINITY;
    }

    /** 0 in the open box; throws IllegalArgumentException on the boundary or outside, where ∇log p is undefined. */
    @Override
    public double[] score(double[] x) {
        Require.finite("x", Require.dim("x", x, lo.length));
        for (int j = 0; j < lo.length; j++) {
            if (!(x[j] > lo[j] && x[j] < hi[j])) {
                throw new IllegalArgumentException("x[" + j + "] = " + x[j] + " is outside the open interval (" + lo[j] + ", " + hi[j]
                        + "): the score of a uniform is defined only inside its box");
            }
        }
        return new double[lo.length];
    }

    /** X_j = lo_j + (hi_j − lo_j) U_j. */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.cells("n", n, "dimension d", lo.length);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][lo.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < lo.length; j++) {
                double u = rng.nextDouble(), w = hi[j] - lo[j];
                double x = Double.isFinite(w) ? lo[j] + w * u : 2 * (0.5 * lo[j] + (0.5 * hi[j] - 0.5 * lo[j]) * u);
                out[i][j] = Math.min(x, hi[j]);
            }
        }
        return out;
    }
}
