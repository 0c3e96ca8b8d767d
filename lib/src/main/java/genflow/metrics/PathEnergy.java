package genflow.metrics;

import genflow.math.Require;
import genflow.ode.VectorField;

/**
 * Path energy and normalized path energy (NPE) of a flow, after Tong et al. 2023, "Improving and
 * generalizing flow-based generative models with minibatch optimal transport" (TMLR 2024), §5:
 * \[ \mathrm{PE}(v) = \mathbb E_{x(0)\sim q_0} \int_0^1 \lVert v(t, x(t))\rVert^2\,dt, \qquad
 *    \mathrm{NPE}(v) = \frac{|\mathrm{PE}(v) - W_2^2(q_0, q_1)|}{W_2^2(q_0, q_1)} , \]
 * where x(t) solves dx/dt = v(t, x) from x(0). By Benamou–Brenier, PE ≥ W2² for any flow that
 * transports q0 to q1, with equality exactly for the OT displacement interpolation (straight lines
 * at constant speed), so NPE = 0 measures how close a learned flow is to dynamic OT.
 * Trajectories are arrays traj[k][i][j] = x_i(t_k)_j over increasing times t_0 &lt; … &lt; t_K;
 * the time direction is that of the trajectory (t_0 is where the samples start, usually the source q0).
 */
public final class PathEnergy {
    private PathEnergy() {}

    /**
     * Discrete kinetic energy from the trajectory alone (velocities by finite differences):
     * \(\mathrm{PE} \approx \frac1n\sum_i \sum_k \lVert x_i(t_{k+1}) - x_i(t_k)\rVert^2 / (t_{k+1} - t_k)\).
     * Exact for piecewise-linear constant-speed paths; by Cauchy–Schwarz it never exceeds the
     * continuous energy of a smooth path through the same points.
     */
    public static double pathEnergy(double[] times, double[][][] trajectory) {
        checkTrajectory(times, trajectory);
        int n = trajectory[0].length;
        double e = 0;
        for (int k = 0; k + 1 < times.length; k++) {
            double dt = times[k + 1] - times[k];
            double s = 0;
            for (int i = 0; i < n; i++) s += Checks.sq(trajectory[k + 1][i], trajectory[k][i]);
            e += s / dt;
        }
        double r = e / n;
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("trajectory, times: the path energy exceeds the double range (steps too long for time steps too short)");
        }
        return r;
    }

    /**
     * Path energy from the velocity field evaluated along the trajectory, trapezoidal rule in time:
     * \(\mathrm{PE} \approx \sum_k \frac{t_{k+1}-t_k}{2}\big(E_k + E_{k+1}\big)\),
     * \(E_k = \frac1n\sum_i \lVert v(t_k, x_i(t_k))\rVert^2\).
     */
    public static double pathEnergy(VectorField field, double[] times, double[][][] trajectory) {
        if (field == null) throw new IllegalArgumentException("field must not be null");
        int d = checkTrajectory(times, trajectory);
        int n = trajectory[0].length;
        double[] ek = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            double[][] v = field.apply(times[k], trajectory[k]);
            if (v == null || v.length != n) throw new IllegalArgumentException("field returned " + (v == null ? "null" : v.length + " rows") + " at t = " + times[k] + ", expected " + n);
            Require.batch("field(t=" + times[k] + ")", v, d);
            double s = 0;
            for (double[] row : v) for (double z : row) s += z * z;
            ek[k] = s / n;
        }
        double e = 0;
        for (int k = 0; k + 1 < times.length; k++) e += 0.5 * (times[k + 1] - times[k]) * (ek[k] + ek[k + 1]);
        if (!Double.isFinite(e)) {
            throw new IllegalArgumentException("field, trajectory: the path energy ∫‖v‖² dt exceeds the double range");
        }
        return e;
    }

    /** \(\mathrm{NPE} = |\mathrm{PE} - W_2^2| / W_2^2\) (Tong et al. 2023). */
    public static double normalizedPathEnergy(double pathEnergy, double w2Squared) {
        Require.nonNegative("pathEnergy", pathEnergy);
        Require.positive("w2Squared", w2Squared);
        double r = Math.abs(pathEnergy - w2Squared) / w2Squared;
        if (!Double.isFinite(r)) r = Math.abs(pathEnergy / w2Squared - 1);
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("pathEnergy = " + pathEnergy + ", w2Squared = " + w2Squared + ": the ratio exceeds the double range");
        }
        return r;
    }

    /**
     * NPE of a simulated trajectory: PE by finite differences ({@link #pathEnergy(double[], double[][][])}),
     * W2² exact between the starting points trajectory[0] and a target sample of the same size
     * ({@link Wasserstein#squaredW2Exact}), as in Tong et al. 2023 where W2² is estimated from samples.
     */
    public static double normalizedPathEnergy(double[] times, double[][][] trajectory, double[][] target) {
        double pe = pathEnergy(times, trajectory);
        int d = trajectory[0][0].length;
        Require.nonEmptyBatch("target", target, d);
        if (target.length != trajectory[0].length) {
            throw new IllegalArgumentException("target has " + target.length + " rows, expected " + trajectory[0].length
                    + " like trajectory[0] (the exact W2 pairs them one to one)");
        }
        double w2;
        try {
            w2 = Wasserstein.squaredW2Exact(trajectory[0], target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target, trajectory[0]: " + e.getMessage(), e);
        }
        return normalizedPathEnergy(pe, w2);
    }

    /** Checks times (≥ 2, strictly increasing, finite) and a trajectory [K+1][n][d]; returns d. */
    private static int checkTrajectory(double[] times, double[][][] trajectory) {
        if (times == null || times.length < 2) throw new IllegalArgumentException("times must have at least 2 entries");
        Require.finite("times", times);
        for (int k = 0; k + 1 < times.length; k++) {
            if (!Double.isFinite(times[k + 1] - times[k])) {
                throw new IllegalArgumentException("times[" + (k + 1) + "] - times[" + k + "] must be finite");
            }
            if (!(times[k + 1] > times[k])) {
                throw new IllegalArgumentException("times must be strictly increasing: times[" + (k + 1) + "] = " + times[k + 1] + " <= times[" + k + "] = " + times[k]);
            }
        }
        if (trajectory == null || trajectory.length != times.length) {
            throw new IllegalArgumentException("trajectory must have " + times.length + " time slices (one per time), got "
                    + (trajectory == null ? "null" : trajectory.length));
        }
        int d = Require.nonEmptyBatch("trajectory[0]", trajectory[0]);
        int n = trajectory[0].length;
        for (int k = 1; k < trajectory.length; k++) {
            Require.nonEmptyBatch("trajectory[" + k + "]", trajectory[k], d);
            if (trajectory[k].length != n) throw new IllegalArgumentException("trajectory[" + k + "] has " + trajectory[k].length + " rows, expected " + n);
        }
        return d;
    }
}
