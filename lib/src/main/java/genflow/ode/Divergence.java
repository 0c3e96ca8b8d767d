package genflow.ode;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * The divergence ∇·v_t(x) = tr J_v(t, x) = Σ_j ∂v_j/∂x_j of a vector field on a batch, exactly
 * (every diagonal entry of the Jacobian) or by Hutchinson's trace estimator. It is what the
 * instantaneous change of variables d/dt log p_t(x_t) = −∇·v_t(x_t) needs ({@link LogDensityOde};
 * Chen et al. 2018, "Neural ordinary differential equations", Thm. 1; Grathwohl et al. 2019,
 * "FFJORD", §3).
 *
 * <p><b>Exact.</b> {@link #exact} uses the field's own divergence when it is a {@link DivergenceField}
 * (analytic or automatic differentiation) and otherwise central differences,
 * ∂v_j/∂x_j ≈ [v_j(x + εe_j) − v_j(x − εe_j)]/(2ε), with error O(ε²) from truncation and
 * O(u·|v|/ε) from rounding (u ≈ 1.1·10⁻¹⁶): 2d evaluations per point, stacked into one call of v.
 *
 * <p><b>Hutchinson.</b> For a random probe ε ∈ R^d with E ε = 0 and E εεᵀ = I, E[εᵀJε] = tr J
 * (Hutchinson 1990). With J_s = (J + Jᵀ)/2 (εᵀJε = εᵀJ_sε), one probe has variance
 * <pre>
 *   Rademacher (ε_j = ±1):  Var = 2‖J_s‖_F² − 2 Σ_j J_jj²,
 *   Gaussian   (ε ~ N(0,I)): Var = 2‖J_s‖_F²,
 * </pre>
 * and the mean of k independent probes has 1/k of it ({@link #hutchinsonVariance}). For a
 * symmetric J (a gradient field) ‖J_s‖_F = ‖J‖_F; for a non-symmetric one using ‖J‖_F is wrong.
 * Jε is a directional derivative, [v(x + hε) − v(x − hε)]/(2h): 2 evaluations per probe,
 * independent of d. Static, no time direction (t is passed to the field unchanged).
 */
public final class Divergence {
    private Divergence() {}

    /** Default finite-difference step ε for {@link #exact} and {@link #hutchinson}. */
    public static final double DEFAULT_EPS = 1e-5;

    /** The distribution of the entries of a Hutchinson probe (independent, mean 0, variance 1). */
    public enum Probe {
        /** ε_j = ±1 with probability ½ each: the smallest variance for a given J. */
        RADEMACHER,
        /** ε_j ~ N(0, 1). */
        GAUSSIAN
    }

    /**
     * ∇·v(t, x_i) for every row: the field's own {@link DivergenceField#divergence} if it has one,
     * otherwise central differences with step {@link #DEFAULT_EPS}.
     */
    public static double[] exact(VectorField v, double t, double[][] x) {
        return exact(v, t, x, DEFAULT_EPS);
    }

    /**
     * ∇·v(t, x_i) for every row: the field's own {@link DivergenceField#divergence} if it has one,
     * otherwise {@link #centralDifferences} with step {@code eps}.
     */
    public static double[] exact(VectorField v, double t, double[][] x, double eps) {
        Batches.requireField("v", v);
        Require.finite("t", t);
        Require.inRange("eps", eps, Double.MIN_NORMAL, 1);
        int d = Require.nonEmptyBatch("x", x);
        if (v instanceof DivergenceField f) {
            double[] div = f.divergence(t, x);
            if (div == null || div.length != x.length) {
                throw new IllegalArgumentException("v.divergence(t = " + t + ", x) returned "
                        + (div == null ? "null" : div.length + " values") + ", expected " + x.length);
            }
            return Require.finite("v.divergence(t = " + t + ", x)", div.clone());
        }
        return centralDifferences(v, t, x, eps, d);
    }

    /**
     * Σ_j [v_j(t, x + εe_j) − v_j(t, x − εe_j)]/(2ε) for every row: error O(ε²) + O(u|v|/ε).
     * The 2dn shifted points are evaluated in one call of v.
     *
     * @param eps the step ε ∈ (0, 1] (in the units of x; about 1e-5 balances truncation and rounding)
     */
    public static double[] centralDifferences(VectorField v, double t, double[][] x, double eps) {
        Batches.requireField("v", v);
        Require.finite("t", t);
        Require.inRange("eps", eps, Double.MIN_NORMAL, 1);
        int d = Require.nonEmptyBatch("x", x);
        return centralDifferences(v, t, x, eps, d);
    }

    private static double[] centralDifferences(VectorField v, double t, double[][] x, double eps, int d) {
        int n = x.length;
        double[][] shifted = new double[2 * d * n][];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                double[] plus = x[i].clone(), minus = x[i].clone();
                plus[j] += eps;
                minus[j] -= eps;
                shifted[(2 * j) * n + i] = plus;
                shifted[(2 * j + 1) * n + i] = minus;
            }
        }
        double[][] f = Batches.eval("v", v, t, shifted);
        double[] div = new double[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) div[i] += (f[(2 * j) * n + i][j] - f[(2 * j + 1) * n + i][j]) / (2 * eps);
        }
        return div;
    }

    /**
     * The Jacobian J_ab = ∂v_a/∂x_b at one point by central differences (step {@code eps}),
     * e.g. for {@link #hutchinsonVariance}.
     */
    public static double[][] jacobian(VectorField v, double t, double[] x, double eps) {
        Batches.requireField("v", v);
        Require.finite("t", t);
        Require.inRange("eps", eps, Double.MIN_NORMAL, 1);
        Require.finite("x", x);
        int d = Require.atLeast("dimension of x", x.length, 1);
        double[][] shifted = new double[2 * d][];
        for (int b = 0; b < d; b++) {
            shifted[2 * b] = x.clone();
            shifted[2 * b][b] += eps;
            shifted[2 * b + 1] = x.clone();
            shifted[2 * b + 1][b] -= eps;
        }
        double[][] f = Batches.eval("v", v, t, shifted);
        double[][] jac = new double[d][d];
        for (int a = 0; a < d; a++) for (int b = 0; b < d; b++) jac[a][b] = (f[2 * b][a] - f[2 * b + 1][a]) / (2 * eps);
        return jac;
    }

    /**
     * {@code k} independent probes for each of n rows in R^d, [k][n][d]: ±1 (Rademacher) or N(0, 1)
     * entries, drawn from {@code rng} in the order probe, row, coordinate.
     */
    public static double[][][] probes(Probe probe, int k, int n, int d, RandomGenerator rng) {
        if (probe == null) throw new IllegalArgumentException("probe must not be null");
        Require.atLeast("k", k, 1);
        Require.atLeast("n", n, 1);
        Require.atLeast("d", d, 1);
        Batches.requireField("rng", rng);
        double[][][] e = new double[k][n][d];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    e[m][i][j] = probe == Probe.RADEMACHER ? (rng.nextBoolean() ? 1.0 : -1.0) : rng.nextGaussian();
                }
            }
        }
        return e;
    }

    /**
     * Hutchinson's estimate (1/k) Σ_m ε_mᵀ J ε_m for every row i, with the given probes [k][n][d]
     * (row i uses probes[m][i]) and J ε by central differences along ε with step {@code eps}.
     * Unbiased for ∇·v up to the O(eps²) difference error; 2k evaluations per point in one call of v.
     */
    public static double[] hutchinson(VectorField v, double t, double[][] x, double[][][] probes, double eps) {
        Batches.requireField("v", v);
        Require.finite("t", t);
        Require.inRange("eps", eps, Double.MIN_NORMAL, 1);
        int d = Require.nonEmptyBatch("x", x);
        int n = x.length;
        if (probes == null || probes.length == 0) throw new IllegalArgumentException("probes must hold at least one probe [n][d]");
        int k = probes.length;
        for (int m = 0; m < k; m++) {
            if (probes[m] == null || probes[m].length != n) {
                throw new IllegalArgumentException("probes[" + m + "] must have " + n + " rows (one per row of x), got "
                        + (probes[m] == null ? "null" : probes[m].length));
            }
            Require.batch("probes[" + m + "]", probes[m], d);
        }
        double[][] shifted = new double[2 * k * n][];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < n; i++) {
                double[] plus = new double[d], minus = new double[d];
                for (int j = 0; j < d; j++) {
                    plus[j] = x[i][j] + eps * probes[m][i][j];
                    minus[j] = x[i][j] - eps * probes[m][i][j];
                }
                shifted[(2 * m) * n + i] = plus;
                shifted[(2 * m + 1) * n + i] = minus;
            }
        }
        double[][] f = Batches.eval("v", v, t, shifted);
        double[] est = new double[n];
        for (int m = 0; m < k; m++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += probes[m][i][j] * (f[(2 * m) * n + i][j] - f[(2 * m + 1) * n + i][j]);
                est[i] += s / (2 * eps);
            }
        }
        for (int i = 0; i < n; i++) est[i] /= k;
        return est;
    }

    /**
     * Hutchinson's estimate with {@code k} fresh probes per row drawn from {@code rng}
     * ({@link #probes}) and step {@link #DEFAULT_EPS}.
     */
    public static double[] hutchinson(VectorField v, double t, double[][] x, Probe probe, int k, RandomGenerator rng) {
        int d = Require.nonEmptyBatch("x", x);
        return hutchinson(v, t, x, probes(probe, k, x.length, d, rng), DEFAULT_EPS);
    }

    /**
     * Variance of a one-probe Hutchinson estimate εᵀJε for a d×d matrix J (divide by k for the
     * mean of k probes): Rademacher 2‖J_s‖_F² − 2Σ_j J_jj², Gaussian 2‖J_s‖_F², J_s = (J + Jᵀ)/2.
     */
    public static double hutchinsonVariance(double[][] jacobian, Probe probe) {
        if (probe == null) throw new IllegalArgumentException("probe must not be null");
        if (jacobian == null || jacobian.length == 0) throw new IllegalArgumentException("jacobian must be a non-empty square matrix");
        int d = jacobian.length;
        Require.batch("jacobian", jacobian, d);
        double fro = 0, diag = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                double s = 0.5 * (jacobian[a][b] + jacobian[b][a]);
                fro += s * s;
            }
            diag += jacobian[a][a] * jacobian[a][a];
        }
        return probe == Probe.RADEMACHER ? 2 * fro - 2 * diag : 2 * fro;
    }
}
