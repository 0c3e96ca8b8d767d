package genflow.loss;

import genflow.math.Require;
import genflow.nn.Parametric;

import java.util.List;
import java.util.random.RandomGenerator;

/** Shared checks and the batch squared error used by the losses of this package. */
final class Losses {
    private Losses() {}

    static void check(double[] data, double[] noise, int n, int d, RandomGenerator rng, double[][] grads, List<Parametric> ps) {
        Require.atLeast("n", n, 1);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        long m = (long) n * d;
        if (data == null || data.length < m) throw new IllegalArgumentException("data must hold n*d = " + m + " values (n = " + n + ", d = " + d + ")");
        Require.cells("n", n, "d", d);
        for (int i = 0; i < n * d; i++) {
            if (!Double.isFinite(data[i])) throw new IllegalArgumentException("data[" + i + "] = " + data[i] + " must be finite");
        }
        if (noise != null) {
            if (noise.length < m) throw new IllegalArgumentException("noise must hold n*d = " + m + " values (n = " + n + ", d = " + d + ")");
            for (int i = 0; i < n * d; i++) {
                if (!Double.isFinite(noise[i])) throw new IllegalArgumentException("noise[" + i + "] = " + noise[i] + " must be finite");
            }
        }
        if (grads == null || grads.length != ps.size()) throw new IllegalArgumentException("grads must hold " + ps.size() + " blocks");
        for (int b = 0; b < grads.length; b++) {
            if (grads[b] == null || grads[b].length != ps.get(b).numParameters()) {
                throw new IllegalArgumentException("grads[" + b + "] must have length " + ps.get(b).numParameters());
            }
        }
    }

    /**
     * The loss and its gradient must be finite: else the batch's values are too large for the
     * squared error (or the model's output is: its parameters may have diverged). Returns loss.
     */
    static double finite(double loss, double[][] grads) {
        boolean ok = Double.isFinite(loss);
        for (double[] g : grads) for (int i = 0; ok && i < g.length; i++) ok = Double.isFinite(g[i]);
        if (!ok) {
            throw new IllegalArgumentException("the loss (" + loss + ") or its gradient is not finite for this batch: the data and noise are too large"
                    + " for the squared error, or the model's output is (its parameters may have diverged: lower the learning rate)");
        }
        return loss;
    }

    /**
     * The model's forward pass on x_t; a rejection (x_t too large for the model's arithmetic, or a
     * non-finite output) is reported as a problem of the data and noise x_t was built from.
     */
    static double[] forward(genflow.nn.FieldModel.Workspace ws, double[] t, double[] xt, int n, String what) {
        try {
            return ws.forward(t, xt, n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model cannot evaluate " + what + " of this batch (check the data and noise): " + e.getMessage(), e);
        }
    }

    /** The rows of a flat row-major batch (n × d) as n new arrays. */
    static double[][] rows(double[] flat, int n, int d) {
        double[][] r = new double[n][d];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * d, r[i], 0, d);
        return r;
    }

    /** Writes the rows of {@code rows} (n × d) into {@code flat} (row-major). */
    static void flatten(double[][] rows, double[] flat, int d) {
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * d, d);
    }

    /** n draws of U[0, 1), one per row, in row order (the times of a training batch). */
    static double[] uniformTimes(int n, double scale, java.util.random.RandomGenerator rng) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = scale * rng.nextDouble();
        return t;
    }

    static double[] ensure(double[] a, int m) {
        return a == null || a.length < m ? new double[m] : a;
    }

    /**
     * (1/n) Σᵢ ‖vᵢ − uᵢ‖² and its gradient 2(vᵢ − uᵢ)/n with respect to v, written to {@code dv}.
     */
    static double squaredError(double[] v, double[] u, int n, int d, double[] dv) {
        double s = 0, c = 2.0 / n;
        for (int k = 0; k < n * d; k++) {
            double r = v[k] - u[k];
            s += r * r;
            dv[k] = c * r;
        }
        return s / n;
    }

    /** {@code count} draws of U(0, 1) with 0 excluded (a quantile function diverges at 0). */
    static double[] openUnitUniforms(int count, java.util.random.RandomGenerator rng) {
        double[] u = new double[count];
        for (int k = 0; k < count; k++) {
            double v;
            do { v = rng.nextDouble(); } while (v == 0);
            u[k] = v;
        }
        return u;
    }
}
