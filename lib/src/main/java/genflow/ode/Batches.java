package genflow.ode;

import genflow.math.Require;

/** Package-private helpers: argument checks and the few array operations the integrators share. */
final class Batches {
    private Batches() {}

    static void requireField(String name, Object v) {
        if (v == null) throw new IllegalArgumentException(name + " must not be null");
    }

    /**
     * Evaluates {@code v(t, x)} and checks that the result has the shape of {@code x} and finite
     * entries, so that a NaN never propagates silently; a failure names the field and the time.
     */
    static double[][] eval(String name, VectorField v, double t, double[][] x) {
        return eval(name, "", v, t, x);
    }

    /** {@link #eval(String, VectorField, double, double[][])} with a note appended to failure messages. */
    static double[][] eval(String name, String note, VectorField v, double t, double[][] x) {
        requireFiniteState(x, t);
        double[][] y = v.apply(t, x);
        if (y == null || y.length != x.length) {
            throw new IllegalArgumentException(name + "(t = " + t + ", x) returned " + (y == null ? "null" : y.length + " rows")
                    + ", expected " + x.length + note);
        }
        int d = x[0].length;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == null || y[i].length != d) {
                throw new IllegalArgumentException(name + "(t = " + t + ", x)[" + i + "] has dimension "
                        + (y[i] == null ? "null" : y[i].length) + ", expected " + d + note);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(y[i][j])) {
                    throw new IllegalArgumentException(name + "(t = " + t + ", x)[" + i + "][" + j + "] = " + y[i][j]
                            + " is not finite (x[" + i + "] = " + java.util.Arrays.toString(x[i]) + ")" + note);
                }
            }
        }
        return y;
    }

    /**
     * f(t, x_i) − λ g(t)² ∇log p_t(x_i) for every row: λ = 1 is the reverse-SDE drift, λ = ½ the
     * probability-flow ODE (Song et al. 2021, eqs. 6 and 13). Field outputs are checked by {@link #eval}.
     */
    static double[][] scoreCorrectedDrift(VectorField f, java.util.function.DoubleUnaryOperator g, VectorField score,
                                          double lambda, double t, double[][] x) {
        double[][] ft = eval("f", f, t, x);
        double[][] s = eval("score", score, t, x);
        double g2 = g.applyAsDouble(t);
        if (!Double.isFinite(g2 * g2)) {
            throw new IllegalArgumentException("g(t = " + t + ") = " + g2 + ": g and g² must be finite");
        }
        g2 *= g2;
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = ft[i][j] - lambda * g2 * s[i][j];
                if (!Double.isFinite(out[i][j])) {
                    throw new IllegalArgumentException("f(t, x) − λ g(t)² score(t, x) at t = " + t + ", row " + i + " is " + out[i][j]
                            + ": beyond the double range (g(t)² = " + g2 + ", score = " + s[i][j] + ")");
                }
            }
        }
        return out;
    }

    /**
     * A state that left the double range during an integration: thrown by {@link #eval} and the loops
     * below, and rethrown by each integrator with its own parameter names (see {@link #overflow}).
     */
    static final class NonFiniteState extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String where;

        NonFiniteState(String where) {
            super("the state became non-finite (" + where + ")");
            this.where = where;
        }
    }

    /** Throws {@link NonFiniteState} if x has a non-finite entry. */
    static void requireFiniteState(double[][] x, double t) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) throw new NonFiniteState("x[" + i + "][" + j + "] = " + x[i][j] + " at t = " + t);
            }
        }
    }

    /** The message of a state overflow, naming the integrator's parameters ({@code context}). */
    static IllegalArgumentException overflow(NonFiniteState e, String context) {
        return new IllegalArgumentException("the state became non-finite (" + e.where + "): the solution overflows, or the step is "
                + "too large for this field; " + context);
    }

    /** One step of a fixed-step scheme: the state after a step h from (t, x); arguments already checked. */
    @FunctionalInterface
    interface Step {
        double[][] advance(double t, double h, double[][] x);
    }

    /**
     * The fixed-step loop x_{k+1} = step(t0 + k h, h, x_k), h = (t1 − t0)/steps, from a copy of x0.
     * A state that leaves the double range is reported with {@code context} (the caller's parameters).
     */
    static double[][] integrateFixed(Step step, double[][] x0, double t0, double t1, int steps, String context) {
        double h = (t1 - t0) / steps;
        double[][] x = copy(x0);
        try {
            for (int k = 0; k < steps; k++) {
                genflow.math.Interrupts.check();
                x = step.advance(t0 + k * h, h, x);
            }
            requireFiniteState(x, t1);
        } catch (NonFiniteState e) {
            throw overflow(e, context);
        }
        return x;
    }

    /**
     * The same loop recording the rows {@code particles} (all rows when empty) at every time
     * t_k = t0 + k h (the last time is exactly t1).
     */
    static Trajectory trajectoryFixed(Step step, double[][] x0, double t0, double t1, int steps, int[] particles, String context) {
        Require.size("steps", steps, 1, 1);
        int[] p = requireParticles(particles, x0.length);
        if (p.length == 0) p = allRows(x0.length);
        Require.cells("steps", steps + 1, "recorded particles × dimension", x0[0].length * p.length);
        double h = (t1 - t0) / steps;
        double[] times = new double[steps + 1];
        double[][][] states = new double[steps + 1][][];
        double[][] x = copy(x0);
        times[0] = t0;
        states[0] = select(x, p);
        try {
            for (int k = 0; k < steps; k++) {
                genflow.math.Interrupts.check();
                x = step.advance(t0 + k * h, h, x);
                times[k + 1] = k + 1 == steps ? t1 : t0 + (k + 1) * h;
                requireFiniteState(x, times[k + 1]);
                states[k + 1] = select(x, p);
            }
        } catch (NonFiniteState e) {
            throw overflow(e, context);
        }
        return new Trajectory(times, states, p);
    }

    /** x + h k, row-wise. */
    static double[][] axpy(double[][] x, double h, double[][] k) {
        int n = x.length, d = x[0].length;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[i][j] = x[i][j] + h * k[i][j];
        return out;
    }

    /** x + h Σ_m c_m k_m (terms with c_m = 0 are skipped). */
    static double[][] combine(double[][] x, double h, double[] c, double[][]... k) {
        int n = x.length, d = x[0].length;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int m = 0; m < c.length; m++) if (c[m] != 0) s += c[m] * k[m][i][j];
                out[i][j] = x[i][j] + h * s;
            }
        }
        return out;
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }

    /** Rows {@code particles} of x (all rows when {@code particles} is empty), copied. */
    static double[][] select(double[][] x, int[] particles) {
        if (particles.length == 0) return copy(x);
        double[][] c = new double[particles.length][];
        for (int m = 0; m < particles.length; m++) c[m] = x[particles[m]].clone();
        return c;
    }

    static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    static int[] requireParticles(int[] particles, int n) {
        if (particles == null) throw new IllegalArgumentException("particles must not be null");
        for (int m = 0; m < particles.length; m++) {
            if (particles[m] < 0 || particles[m] >= n) {
                throw new IllegalArgumentException("particles[" + m + "] = " + particles[m] + " is outside [0, " + (n - 1) + "]");
            }
        }
        return particles.clone();
    }

    static void requireTimes(double t0, double t1) {
        Require.finite("t0", t0);
        Require.finite("t1", t1);
        if (!Double.isFinite(t1 - t0)) {
            throw new IllegalArgumentException("t1 - t0 = " + (t1 - t0) + " must be finite (t0 = " + t0 + ", t1 = " + t1 + ")");
        }
    }

    /** The parameters a fixed-step integration reports when its state overflows. */
    static String context(double t0, double t1, int steps) {
        return "check x0, t0 = " + t0 + ", t1 = " + t1 + " and steps = " + steps + " (h = " + (t1 - t0) / steps + ")";
    }
}
