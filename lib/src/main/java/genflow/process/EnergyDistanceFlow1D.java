package genflow.process;

import genflow.math.Require;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Particle discretisation of the 1-D Wasserstein gradient flow of the MMD functional with the negative
 * distance kernel K(x, y) = −|x − y| (the energy distance) towards a target ν given by samples
 * (seed 000, "Uniform process and MMD gradient flow"). With
 * F_ν(μ) = ½ MMD²_K(μ, ν) = −½∬|x−y| dμdμ + ∬|x−y| dμdν − ½∬|x−y| dνdν the velocity is
 * <pre>
 *   v(x) = −∂_x δF_ν/δμ (x) = ∫ sign(x − y) dμ(y) − ∫ sign(x − y) dν(y) = 2 (F_μ(x) − F_ν(x)),
 * </pre>
 * F_μ, F_ν the distribution functions. For particles x_1, …, x_N (μ their empirical measure) and target
 * samples y_1, …, y_M:
 * <pre>
 *   v_i = (1/N) Σ_{j≠i} sign(x_i − x_j) − (1/M) Σ_k sign(x_i − y_k).
 * </pre>
 * Ties between particles are broken by index (x_i counts as left of x_j when x_i = x_j and i &lt; j), so a
 * point mass δ_0 (all particles equal) splits into its quantile order: the first term is then
 * 2u_i − 1 with u_i = (r_i − ½)/N, r_i the rank. From δ_0 towards U[−b, b] the exact flow is the uniform
 * process μ_t = U[−h_t, h_t], h_t = b(1 − e^{−t/b}) ({@link UniformProcess}). Time direction: t runs
 * forward from the initial particles towards ν. Immutable.
 */
public final class EnergyDistanceFlow1D {
    private final double[] target;   // sorted

    private EnergyDistanceFlow1D(double[] sortedTarget) {
        this.target = sortedTarget;
    }

    /** The flow towards the empirical measure of {@code targetSamples} (at least one finite value). */
    public static EnergyDistanceFlow1D towards(double[] targetSamples) {
        Require.finite("targetSamples", targetSamples);
        Require.atLeast("targetSamples.length", targetSamples.length, 1);
        double[] t = targetSamples.clone();
        Arrays.sort(t);
        return new EnergyDistanceFlow1D(t);
    }

    /** The target samples, sorted (a copy). */
    public double[] target() { return target.clone(); }

    /**
     * v_i = (1/N) Σ_{j≠i} sign(x_i − x_j) − (1/M) Σ_k sign(x_i − y_k), ties between particles broken by
     * index; O((N + M) log) via sorting and binary search.
     */
    public double[] velocity(double[] particles) {
        Require.finite("particles", particles);
        Require.atLeast("particles.length", particles.length, 1);
        int n = particles.length, m = target.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> particles[i]).thenComparingInt(i -> i));
        double[] v = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            double x = particles[i];
            int below = lowerBound(x), notAbove = upperBound(x);
            double self = (double) (r - (n - 1 - r)) / n;
            double towards = (double) (below - (m - notAbove)) / m;
            v[i] = self - towards;
        }
        return v;
    }

    /**
     * Explicit Euler for dx_i/dt = v_i from time 0 to {@code t} with {@code steps} equal steps; returns the
     * particle positions at t (a new array).
     */
    public double[] run(double[] particles, double t, int steps) {
        Require.finite("particles", particles);
        Require.nonNegative("t", t);
        Require.atLeast("steps", steps, 1);
        double[] x = particles.clone();
        double dt = t / steps;
        for (int s = 0; s < steps; s++) {
            genflow.math.Interrupts.check();
            double[] v = velocity(x);
            for (int i = 0; i < x.length; i++) x[i] += dt * v[i];
        }
        for (double xi : x) {
            if (!Double.isFinite(xi)) {
                throw new IllegalArgumentException("t = " + t + ": the particles (|velocity| ≤ 2) left the double range; t must be far below 1e308");
            }
        }
        return x;
    }

    /** Number of target samples &lt; x. */
    private int lowerBound(double x) {
        int lo = 0, hi = target.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (target[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    /** Number of target samples ≤ x. */
    private int upperBound(double x) {
        int lo = 0, hi = target.length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (target[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    @Override
    public String toString() { return "EnergyDistanceFlow1D[" + target.length + " target samples]"; }
}
