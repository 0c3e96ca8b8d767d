package genflow.ode;

import genflow.math.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * Adaptive Dormand–Prince 5(4) Runge–Kutta (Dormand &amp; Prince 1980; Hairer, Nørsett &amp; Wanner,
 * "Solving ODEs I", §II.4–5): a 7-stage FSAL pair; the 5th-order solution is propagated (local
 * extrapolation) and the difference to the embedded 4th-order solution estimates the local error.
 *
 * <p>Error control per batch: all n particles share one step size. A step is accepted when
 * err = max_{i,j} |e_{ij}| / (atol + rtol · max(|x_{ij}|, |x̃_{ij}|)) ≤ 1 (maximum norm, so
 * every coordinate of every particle meets the tolerance locally); the next step is
 * h · min(maxFactor, max(minFactor, 0.9 · err^{−1/5})). Integrates in either direction; the
 * time direction is the field's own.
 */
public final class DormandPrince45 implements OdeSolver {
    // Butcher tableau (Hairer–Wanner Table 5.2)
    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double[] A2 = {1.0 / 5};
    private static final double[] A3 = {3.0 / 40, 9.0 / 40};
    private static final double[] A4 = {44.0 / 45, -56.0 / 15, 32.0 / 9};
    private static final double[] A5 = {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729};
    private static final double[] A6 = {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656};
    private static final double[] B5 = {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84};
    /** E = b5 − b4 (7 stages, the last is the FSAL stage v(t + h, x_new)). */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};

    private final double rtol;
    private final double atol;
    private final int maxSteps;
    private final double minFactor;
    private final double maxFactor;

    private DormandPrince45(Builder b) {
        this.rtol = b.rtol;
        this.atol = b.atol;
        this.maxSteps = b.maxSteps;
        this.minFactor = b.minFactor;
        this.maxFactor = b.maxFactor;
    }

    /** Tolerances rtol, atol with the default limits (100 000 steps, step factor in [0.2, 5]). */
    public static DormandPrince45 of(double rtol, double atol) {
        return builder().rtol(rtol).atol(atol).build();
    }

    public static Builder builder() { return new Builder(); }

    public double rtol() { return rtol; }
    public double atol() { return atol; }

    /** Outcome of an adaptive integration: final states and step counts. */
    public record Result(double[][] x, int accepted, int rejected, int evaluations) {
        /** Checks a finite, rectangular, non-empty x and non-negative counts. */
        public Result {
            Require.nonEmptyBatch("x", x);
            Require.atLeast("accepted", accepted, 0);
            Require.atLeast("rejected", rejected, 0);
            Require.atLeast("evaluations", evaluations, 0);
        }

        /** Total attempted steps = accepted + rejected. */
        public int attempted() { return accepted + rejected; }
    }

    /**
     * Integrates from t0 to t1 starting with step (t1 − t0)/steps, adapting it afterwards.
     *
     * @see #solve(VectorField, double[][], double, double, int)
     */
    @Override
    public double[][] integrate(VectorField v, double[][] x0, double t0, double t1, int steps) {
        return run(v, x0, t0, t1, "steps", steps, null, null, new int[0]).x();
    }

    /**
     * Integrates from t0 to t1 with the initial step (t1 − t0)/initialSteps and reports the accepted
     * and rejected steps and the number of field evaluations.
     *
     * @throws IllegalStateException when more than maxSteps steps are needed or the step underflows
     */
    public Result solve(VectorField v, double[][] x0, double t0, double t1, int initialSteps) {
        return run(v, x0, t0, t1, "initialSteps", initialSteps, null, null, new int[0]);
    }

    /** Records the chosen particles (all when none given) at every accepted step, t0 included. */
    @Override
    public Trajectory trajectory(VectorField v, double[][] x0, double t0, double t1, int steps, int... particles) {
        Require.nonEmptyBatch("x0", x0);
        int[] p = Batches.requireParticles(particles, x0.length);
        if (p.length == 0) p = Batches.allRows(x0.length);
        List<Double> times = new ArrayList<>();
        List<double[][]> states = new ArrayList<>();
        run(v, x0, t0, t1, "steps", steps, times, states, p);
        double[] ts = new double[times.size()];
        for (int k = 0; k < ts.length; k++) ts[k] = times.get(k);
        return new Trajectory(ts, states.toArray(new double[0][][]), p);
    }

    private Result run(VectorField v, double[][] x0, double t0, double t1, String stepsName, int initialSteps,
                       List<Double> times, List<double[][]> states, int[] particles) {
        Batches.requireField("v", v);
        Require.nonEmptyBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast(stepsName, initialSteps, 1);
        double[][] x = Batches.copy(x0);
        if (times != null) { times.add(t0); states.add(Batches.select(x, particles)); }
        if (t0 == t1) return new Result(x, 0, 0, 0);
        double dir = Math.signum(t1 - t0);
        double h = (t1 - t0) / initialSteps;
        double t = t0;
        double[][] k1 = Batches.eval("v", v, t, x);
        int evals = 1, accepted = 0, rejected = 0;
        try {
        while (dir * (t1 - t) > 0) {
            genflow.math.Interrupts.check();
            if (accepted + rejected >= maxSteps) {
                throw new IllegalStateException("DormandPrince45: more than maxSteps = " + maxSteps + " steps at t = " + t
                        + " (rtol = " + rtol + ", atol = " + atol + ")");
            }
            boolean last = dir * (t + h - t1) >= 0;
            if (last) h = t1 - t;
            if (Math.abs(h) <= 1e-14 * Math.max(1, Math.abs(t))) {
                throw new IllegalStateException("DormandPrince45: step size underflow (h = " + h + ") at t = " + t);
            }
            double[][] k2 = Batches.eval("v", v, t + C2 * h, Batches.combine(x, h, A2, k1));
            double[][] k3 = Batches.eval("v", v, t + C3 * h, Batches.combine(x, h, A3, k1, k2));
            double[][] k4 = Batches.eval("v", v, t + C4 * h, Batches.combine(x, h, A4, k1, k2, k3));
            double[][] k5 = Batches.eval("v", v, t + C5 * h, Batches.combine(x, h, A5, k1, k2, k3, k4));
            double[][] k6 = Batches.eval("v", v, t + h, Batches.combine(x, h, A6, k1, k2, k3, k4, k5));
            double[][] xNew = Batches.combine(x, h, B5, k1, k2, k3, k4, k5, k6);
            double tNew = last ? t1 : t + h;
            double[][] k7 = Batches.eval("v", v, tNew, xNew);
            evals += 6;
            double err = errorNorm(x, xNew, h, k1, k2, k3, k4, k5, k6, k7);
            double factor = err == 0 ? maxFactor : Math.min(maxFactor, Math.max(minFactor, 0.9 * Math.pow(err, -0.2)));
            if (err <= 1) {
                accepted++;
                t = tNew;
                x = xNew;
                k1 = k7; // first same as last
                if (times != null) { times.add(t); states.add(Batches.select(x, particles)); }
                h = h * factor;
            } else {
                rejected++;
                h = h * Math.min(1, factor);
            }
        }
        } catch (Batches.NonFiniteState e) {
            throw Batches.overflow(e, "check x0, t0 = " + t0 + ", t1 = " + t1 + " and " + stepsName + " = " + initialSteps + " (rtol = " + rtol
                    + ", atol = " + atol + ")");
        }
        return new Result(x, accepted, rejected, evals);
    }

    private double errorNorm(double[][] x, double[][] xNew, double h, double[][]... k) {
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                double e = 0;
                for (int m = 0; m < E.length; m++) if (E[m] != 0) e += E[m] * k[m][i][j];
                double sc = atol + rtol * Math.max(Math.abs(x[i][j]), Math.abs(xNew[i][j]));
                max = Math.max(max, Math.abs(h * e) / sc);
            }
        }
        return max;
    }

    @Override public String toString() { return "DormandPrince45(rtol=" + rtol + ", atol=" + atol + ")"; }

    /** Builder: rtol and atol (defaults 1e-6, 1e-9), maxSteps (100 000), minFactor (0.2), maxFactor (5). */
    public static final class Builder {
        private double rtol = 1e-6;
        private double atol = 1e-9;
        private int maxSteps = 100_000;
        private double minFactor = 0.2;
        private double maxFactor = 5;

        private Builder() {}

        /** Relative tolerance, ≥ 0 (rtol and atol must not both be 0). */
        public Builder rtol(double rtol) { this.rtol = Require.nonNegative("rtol", rtol); return this; }
        /** Absolute tolerance, ≥ 0. */
        public Builder atol(double atol) { this.atol = Require.nonNegative("atol", atol); return this; }
        /** Maximum number of attempted steps, ≥ 1. */
        public Builder maxSteps(int maxSteps) { this.maxSteps = Require.atLeast("maxSteps", maxSteps, 1); return this; }
        /** Smallest step-size factor, in (0, 1). */
        public Builder minFactor(double minFactor) { this.minFactor = Require.inRange("minFactor", minFactor, 1e-6, 1 - 1e-6); return this; }
        /** Largest step-size factor, in (1, 100]. */
        public Builder maxFactor(double maxFactor) { this.maxFactor = Require.inRange("maxFactor", maxFactor, 1 + 1e-6, 100); return this; }

        public DormandPrince45 build() {
            if (rtol == 0 && atol == 0) throw new IllegalArgumentException("rtol = 0 and atol = 0: at least one tolerance must be > 0");
            return new DormandPrince45(this);
        }
    }
}
