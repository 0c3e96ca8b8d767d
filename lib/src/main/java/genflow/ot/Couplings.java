package genflow.ot;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * Couplings of two equally sized batches x0 (source, e.g. noise) and x1 (target, e.g. data), as
 * used to build the training pairs (x0_i, x1_σ(i)) of conditional flow matching. A coupling is
 * returned as a permutation σ ({@code sigma[i]} = index of the x1 row paired with x0 row i).
 *
 * <ul>
 *   <li>independent coupling: x0 and x1 are drawn independently, so pairing row i with row i
 *       ({@link #identityPairing}) or with a uniformly random row ({@link #randomPairing}) both give
 *       the product measure (Lipman et al. 2023, CFM; seed 000, "couplings");</li>
 *   <li>minibatch OT coupling ({@link #minibatchOt}): the permutation minimising
 *       \(\sum_i \lVert x0_i - x1_{\sigma(i)}\rVert^2\), the exact discrete W2 plan between the two
 *       empirical measures (Tong et al. 2023, OT-CFM, TorchCFM's {@code OTPlanSampler} with
 *       squared Euclidean cost; Pooladian et al. 2023).</li>
 * </ul>
 * TorchCFM draws index pairs from the plan with replacement; for equal uniform weights the exact
 * plan is a permutation matrix, and here that permutation is returned directly (no resampling).
 * No time direction: couplings are static.
 */
public final class Couplings {
    private Couplings() {}

    /**
     * Squared Euclidean cost matrix \(C_{ij} = \lVert x0_i - x1_j\rVert^2\), shape [n0][n1].
     *
     * @throws IllegalArgumentException for bad batches, or if a squared distance exceeds the double range
     */
    public static double[][] squaredDistances(double[][] x0, double[][] x1) {
        return squaredDistances("x0", x0, "x1", x1);
    }

    /** {@link #squaredDistances(double[][], double[][])} with the caller's parameter names in messages. */
    static double[][] squaredDistances(String name0, double[][] x0, String name1, double[][] x1) {
        int d = Require.nonEmptyBatch(name0, x0);
        Require.nonEmptyBatch(name1, x1, d);
        double[][] c = squaredDistancesUnchecked(x0, x1, 0);
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c[i].length; j++) {
                if (!Double.isFinite(c[i][j])) {
                    throw new IllegalArgumentException("the squared distance between " + name0 + "[" + i + "] and " + name1 + "[" + j
                            + "] exceeds the double range");
                }
            }
        }
        return c;
    }

    /**
     * The exponent k for which the points scaled by 2^−k have coordinates of moderate size (their
     * squared distances neither overflow nor underflow), or 0 when they already have.
     */
    static int scaleExponent(double[][] x0, double[][] x1) {
        double max = 0;
        for (double[] r : x0) for (double v : r) max = Math.max(max, Math.abs(v));
        for (double[] r : x1) for (double v : r) max = Math.max(max, Math.abs(v));
        if (max == 0 || (max >= 0x1p-300 && max <= 0x1p300)) return 0;
        return Math.getExponent(max);
    }

    /** Squared distances of the points scaled by 2^−k (k = 0: the plain formula). */
    static double[][] squaredDistancesUnchecked(double[][] x0, double[][] x1, int k) {
        int d = x0[0].length;
        Require.cells("rows of x0", x0.length, "rows of x1", x1.length);
        double[][] c = new double[x0.length][x1.length];
        for (int i = 0; i < x0.length; i++) {
            double[] a = x0[i];
            double[] row = c[i];
            for (int j = 0; j < x1.length; j++) {
                double[] b = x1[j];
                double s = 0;
                if (k == 0) {
                    for (int m = 0; m < d; m++) {
                        double z = a[m] - b[m];
                        s += z * z;
                    }
                } else {
                    for (int m = 0; m < d; m++) {
                        double z = Math.scalb(a[m], -k) - Math.scalb(b[m], -k);
                        s += z * z;
                    }
                }
                row[j] = s;
            }
        }
        return c;
    }

    /** Independent coupling without shuffling: σ = identity (valid because x0 and x1 are independent batches). */
    public static int[] identityPairing(double[][] x0, double[][] x1) {
        int n = checkPair(x0, x1);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = i;
        return s;
    }

    /** Independent coupling by a uniformly random permutation σ (Fisher–Yates with {@code rng}). */
    public static int[] randomPairing(double[][] x0, double[][] x1, RandomGenerator rng) {
        int n = checkPair(x0, x1);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        int[] s = identityPairing(x0, x1);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = s[i]; s[i] = s[j]; s[j] = t;
        }
        return s;
    }

    /**
     * Minibatch OT coupling: \(\sigma^* = \arg\min_\sigma \sum_i \lVert x0_i - x1_{\sigma(i)}\rVert^2\),
     * solved exactly with {@link Assignment#solve} (Tong et al. 2023, Alg. 3 "OT-CFM").
     *
     * @throws IllegalArgumentException if the batch sizes or dimensions differ, or entries are not finite
     */
    public static int[] minibatchOt(double[][] x0, double[][] x1) {
        return minibatchOt("x0", x0, "x1", x1);
    }

    /**
     * The minibatch OT permutation with the caller's parameter names in messages. The optimal pairing
     * does not change when all points are scaled by the same factor, so points whose squared
     * distances would overflow (or underflow) are scaled by a power of two first.
     */
    static int[] minibatchOt(String name0, double[][] x0, String name1, double[][] x1) {
        checkPair(name0, x0, name1, x1);
        return Assignment.solve(squaredDistancesUnchecked(x0, x1, scaleExponent(x0, x1)));
    }

    /** The target batch re-ordered by the minibatch OT coupling: row i is \(x1_{\sigma^*(i)}\) (a copy). */
    public static double[][] minibatchOtReordered(double[][] x0, double[][] x1) {
        return reorder(x1, minibatchOt(x0, x1));
    }

    /** Rows of {@code x} in the order σ: {@code out[i] = x[sigma[i]]} (rows copied). */
    public static double[][] reorder(double[][] x, int[] sigma) {
        Require.nonEmptyBatch("x", x);
        Assignment.checkPermutation("sigma", sigma, x.length, "x");
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = x[sigma[i]].clone();
        return out;
    }

    /** Mean squared pairing distance \(\frac1n \sum_i \lVert x0_i - x1_{\sigma(i)}\rVert^2\); for σ* this is the empirical W2². */
    /**
     * Mean squared pairing distance; see above.
     *
     * @throws IllegalArgumentException if it exceeds the double range (then its square root, the
     *         empirical W2, is still available from {@code genflow.metrics.Wasserstein.w2Exact})
     */
    public static double meanSquaredDistance(double[][] x0, double[][] x1, int[] sigma) {
        return meanSquaredDistance("x0", x0, "x1", x1, sigma);
    }

    static double meanSquaredDistance(String name0, double[][] x0, String name1, double[][] x1, int[] sigma) {
        int n = checkPair(name0, x0, name1, x1);
        Assignment.checkPermutation("sigma", sigma, n, name0);
        double s = scaledMeanSquaredDistance(x0, x1, sigma, 0);
        if (Double.isFinite(s)) return s;
        int k = scaleExponent(x0, x1);
        double r = Math.scalb(scaledMeanSquaredDistance(x0, x1, sigma, k), 2 * k);
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException(name0 + ", " + name1 + ": the mean squared pairing distance exceeds the double range");
        }
        return r;
    }

    /** (1/n) Σ_i ‖2^−k (x0_i − x1_σ(i))‖² (k = 0: the plain formula). */
    static double scaledMeanSquaredDistance(double[][] x0, double[][] x1, int[] sigma, int k) {
        int n = x0.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double[] a = x0[i], b = x1[sigma[i]];
            for (int m = 0; m < a.length; m++) {
                double z = k == 0 ? a[m] - b[m] : Math.scalb(a[m], -k) - Math.scalb(b[m], -k);
                s += z * z;
            }
        }
        return s / n;
    }

    /** Checks two non-empty batches of equal size n and equal dimension; returns n. */
    static int checkPair(double[][] x0, double[][] x1) {
        return checkPair("x0", x0, "x1", x1);
    }

    static int checkPair(String name0, double[][] x0, String name1, double[][] x1) {
        int d = Require.nonEmptyBatch(name0, x0);
        Require.nonEmptyBatch(name1, x1, d);
        if (x0.length != x1.length) {
            throw new IllegalArgumentException("batch size mismatch: " + name0 + " has " + x0.length + " rows but " + name1 + " has " + x1.length);
        }
        return x0.length;
    }
}
