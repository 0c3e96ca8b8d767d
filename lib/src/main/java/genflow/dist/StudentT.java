package genflow.dist;

import genflow.math.Require;
import genflow.math.SpecialFunctions;
import genflow.random.Draws;

import java.util.random.RandomGenerator;

/**
 * Product of independent scaled Student-t coordinates on R^d: X_j = μ_j + σ_j T_j, T_j ~ t_ν,
 * log p(x) = Σ_j [log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − log σ_j − ((ν+1)/2) log(1 + r_j²/(ν σ_j²))],
 * r = x − μ, with score ∂_j log p = −(ν+1) r_j / (ν σ_j² + r_j²). A heavy-tailed source
 * distribution (seed 000, heavy-tailed noise; Pandey et al., "Heavy-tailed diffusion models", 2024).
 * Immutable; no time variable.
 */
public final class StudentT implements Sampleable, Density {
    private final double nu;
    private final double[] location;
    private final double[] scale;
    private final double logNormaliser; // per coordinate, without the −log σ_j

    /**
     * @param nu       degrees of freedom ν, finite and &gt; 0
     * @param location μ, finite, length d ≥ 1
     * @param scale    σ_j, finite and &gt; 0, length d
     */
    public StudentT(double nu, double[] location, double[] scale) {
        this.nu = Require.positive("nu", nu);
        Require.finite("location", location);
        Require.atLeast("location.length", location.length, 1);
        Require.dim("scale", scale, location.length);
        for (int j = 0; j < scale.length; j++) Require.positive("scale[" + j + "]", scale[j]);
        this.location = location.clone();
        this.scale = scale.clone();
        this.logNormaliser = SpecialFunctions.studentTLogNormaliser(nu);
    }

    /** Standard t_ν in every coordinate: location 0, scale 1, dimension d. */
    public static StudentT standard(double nu, int d) {
        Require.size("d", d, 1);
        double[] s = new double[d];
        java.util.Arrays.fill(s, 1.0);
        return new StudentT(nu, new double[d], s);
    }

    @Override public int dim() { return location.length; }
    public double nu() { return nu; }
    public double[] location() { return location.clone(); }
    public double[] scale() { return scale.clone(); }

    @Override
    public double logDensity(double[] x) {
        Require.finite("x", Require.dim("x", x, location.length));
        double s = 0;
        for (int j = 0; j < location.length; j++) {
            double z = (x[j] - location[j]) / scale[j];
            if (!Double.isFinite(z)) z = 2 * ((0.5 * x[j] - 0.5 * location[j]) / scale[j]);
            s += logNormaliser - Math.log(scale[j]) - 0.5 * (nu + 1) * SpecialFunctions.log1pSquareOver(z, nu);
        }
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + ": log p(x) = " + s + " is outside the double range");
        }
        return s;
    }

    @Override
    public double[] score(double[] x) {
        Require.finite("x", Require.dim("x", x, location.length));
        double[] g = new double[location.length];
        for (int j = 0; j < g.length; j++) {
            double r = x[j] - location[j];
            g[j] = -(nu + 1) * r / (nu * scale[j] * scale[j] + r * r);
            if (!Double.isFinite(g[j])) {
                // a square overflowed: with u = r/σ, −(ν+1) r/(νσ² + r²) = −[(ν+1)/(ν + u²)] u/σ
                // = −[(ν+1)/u]/(1 + ν/u²)/σ for huge |u|
                double u = r / scale[j];
                if (!Double.isFinite(u)) u = 2 * ((0.5 * x[j] - 0.5 * location[j]) / scale[j]);
                double a = Math.abs(u) > 1e150 ? (nu + 1) / u / (1 + nu / u / u) : (nu + 1) / (nu + u * u) * u;
                g[j] = -a / scale[j];
            }
            if (!Double.isFinite(g[j])) {
                throw new IllegalArgumentException("x[" + j + "] = " + x[j] + ": the score entry " + g[j] + " is outside the double range");
            }
        }
        return g;
    }

    /**
     * X_j = μ_j + σ_j T_j with T_j from {@link Draws#studentT}.
     *
     * @throws IllegalArgumentException if a draw exceeds the double range (t_ν has tails so heavy
     *         for ν ≲ 0.05 that this happens; ν ≥ 0.1 makes it practically impossible)
     */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.cells("n", n, "dimension d", location.length);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][location.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < location.length; j++) {
                out[i][j] = location[j] + scale[j] * Draws.studentT(nu, rng);
                if (!Double.isFinite(out[i][j])) {
                    throw new IllegalArgumentException("nu = " + nu + " (scale[" + j + "] = " + scale[j] + "): draw " + i
                            + " exceeds the double range; t_nu with nu >= 0.1 has tails light enough for doubles");
                }
            }
        }
        return out;
    }
}
