package genflow.ode;

import genflow.math.Require;

/**
 * Observed order of a fixed-step ODE solver: the global error at the final time for a sequence of
 * step counts, and the least-squares slope of log(error) against log(h). A method of order p has
 * error ≈ C h^p, i.e. a line of slope p on log–log axes (seed 004, Euler and Heun). Time runs from
 * t0 to t1 in the field's own direction.
 */
public final class ConvergenceStudy {
    private ConvergenceStudy() {}

    /**
     * Global errors e_k = max_{i,j} |X^{(k)}_{ij} − exact_{ij}| of {@code solver} run from t0 to t1 with
     * {@code steps[k]} equal steps.
     *
     * @param exact the exact solution at t1, same shape as x0
     */
    public static double[] errors(FixedStepSolver solver, VectorField v, double[][] x0, double t0, double t1,
                                  double[][] exact, int[] steps) {
        if (solver == null) throw new IllegalArgumentException("solver must not be null");
        if (v == null) throw new IllegalArgumentException("v must not be null");
        int d = Require.nonEmptyBatch("x0", x0);
        Require.batch("exact", exact, d);
        if (exact.length != x0.length) {
            throw new IllegalArgumentException("exact has " + exact.length + " rows, expected x0.length = " + x0.length);
        }
        if (steps == null || steps.length == 0) throw new IllegalArgumentException("steps must hold at least one step count");
        double[] err = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            Require.atLeast("steps[" + k + "]", steps[k], 1);
            double[][] x = solver.integrate(v, x0, t0, t1, steps[k]);
            double e = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < d; j++) e = Math.max(e, Math.abs(x[i][j] - exact[i][j]));
            }
            err[k] = e;
        }
        return err;
    }

    /** Step sizes h_k = |t1 − t0| / steps[k]. */
    public static double[] stepSizes(double t0, double t1, int[] steps) {
        Require.finite("t0", t0);
        Require.finite("t1", t1);
        if (t0 == t1) throw new IllegalArgumentException("t1 must differ from t0 = " + t0);
        if (steps == null || steps.length == 0) throw new IllegalArgumentException("steps must hold at least one step count");
        double[] h = new double[steps.length];
        for (int k = 0; k < steps.length; k++) h[k] = Math.abs(t1 - t0) / Require.atLeast("steps[" + k + "]", steps[k], 1);
        return h;
    }

    /**
     * Least-squares slope p of log e = log C + p log h (natural logs): the observed order.
     * Needs at least two distinct h and every h, e &gt; 0.
     */
    public static double logLogSlope(double[] h, double[] err) {
        if (h == null || err == null) throw new IllegalArgumentException("h and err must not be null");
        if (h.length != err.length) throw new IllegalArgumentException("h has length " + h.length + " but err has " + err.length);
        if (h.length < 2) throw new IllegalArgumentException("need at least 2 points, got " + h.length);
        double mx = 0, my = 0;
        for (int k = 0; k < h.length; k++) {
            Require.positive("h[" + k + "]", h[k]);
            Require.positive("err[" + k + "]", err[k]);
            mx += Math.log(h[k]);
            my += Math.log(err[k]);
        }
        mx /= h.length;
        my /= h.length;
        double sxx = 0, sxy = 0;
        for (int k = 0; k < h.length; k++) {
            double dx = Math.log(h[k]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(err[k]) - my);
        }
        if (sxx == 0) throw new IllegalArgumentException("h must contain at least two distinct values");
        return sxy / sxx;
    }
}
