package genflow.nn;

import genflow.math.Require;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A learnable quantile function Q_φ = (Q_φ¹, …, Q_φ^d): (0, 1)^d → R^d, one monotone
 * rational-quadratic spline per coordinate (Durkan, Bekasov, Murray, Papamakarios, "Neural Spline
 * Flows", NeurIPS 2019), as in seed 000 "Learning Quantile Functions":
 * <pre>
 *   Q_φ^c(u) = S_φ^c(Φ⁻¹(u)),
 * </pre>
 * where Φ⁻¹ is the standard normal quantile and S^c is an RQ spline on [−B, B] with K bins and
 * identity (slope-1 linear) tails outside. Going through Φ⁻¹ means that at the identity
 * initialisation Q_φ(U) ~ N(0, I): training starts from Gaussian noise and adapts it to the data.
 * Monotone by construction (positive bin widths, heights and knot derivatives).
 *
 * <p>Parameters per coordinate (3K − 1): unnormalised widths a (K), heights b (K) and interior
 * derivatives c (K − 1); widths w = m + (1 − Km) softmax(a) scaled to 2B, likewise heights, knot
 * derivatives δ = m + softplus(c), boundary derivatives δ₀ = δ_K = 1, m = 1e-3 (Durkan's minimums).
 * Inside bin k with ξ = (z − x_k)/w_k, s_k = h_k/w_k:
 * <pre>
 *   S(z) = y_k + h_k [s_k ξ² + δ_k ξ(1 − ξ)] / [s_k + (δ_{k+1} + δ_k − 2 s_k) ξ(1 − ξ)].
 * </pre>
 * Note: the paper's code uses 32 bins and a tail bound around 50 on a different input scale; with
 * the Φ⁻¹ input used here a bound of a few units covers all but ~1e-6 of the mass (default B = 5:
 * choose B above the data's range, or standardise the data). The parameter vector is live.
 */
public final class RqSpline implements Parametric {
    private static final double MIN = 1e-3;
    private static final int MAGIC = 0x47525153; // "GRQS"
    private static final int VERSION = 1;
    /**
     * Largest bound B: the knot arithmetic (and the gradient) squares bin widths up to 2B, so B must
     * stay far inside the double range; z = Φ⁻¹(u) never exceeds 38.5 in magnitude, so any B above
     * that is the identity spline anyway.
     */
    private static final double MAX_BOUND = 1e150;

    private final int dim, bins;
    private final double bound;
    private final double[] params;
    private final int per;

    private RqSpline(int dim, int bins, double bound, double[] params) {
        this.dim = dim;
        this.bins = bins;
        this.bound = bound;
        this.per = 3 * bins - 1;
        if (params == null) {
            params = new double[dim * per];
            double c0 = Math.log(Math.expm1(1 - MIN)); // softplus(c0) + MIN = 1
            for (int c = 0; c < dim; c++) {
                for (int k = 0; k < bins - 1; k++) params[c * per + 2 * bins + k] = c0;
            }
        }
        if (params.length != dim * per) throw new IllegalArgumentException("params has length " + params.length + ", expected " + dim * per);
        this.params = params;
    }

    /**
     * Identity-initialised spline (Q_φ = Φ⁻¹ per coordinate) on R^dim, K bins, bound B: dim ≥ 1,
     * bins in [2, 1024], B finite and &gt; 0, and at most 2^27 parameters dim·(3K − 1) in all
     * (the constraints {@link #load} checks a file against).
     */
    public static RqSpline identity(int dim, int bins, double bound) {
        Require.atLeast("dim", dim, 1);
        Require.atLeast("bins", bins, 2);
        if (bins > 1024) throw new IllegalArgumentException("bins = " + bins + " must be <= 1024");
        Require.positive("bound", bound);
        if (bound > MAX_BOUND) throw new IllegalArgumentException("bound = " + bound + " must be <= " + MAX_BOUND + " (the knots and slopes square 2·bound)");
        long count = (long) dim * (3L * bins - 1);
        String config = "dim = " + dim + " with bins = " + bins;
        if (count > ModelFiles.MAX_PARAMETERS) {
            throw new IllegalArgumentException(config + " gives " + count + " parameters, more than " + ModelFiles.MAX_PARAMETERS);
        }
        Require.doubles(config, count);
        return new RqSpline(dim, bins, bound, null);
    }

    /** Identity-initialised spline with 32 bins and bound 5. */
    public static RqSpline identity(int dim) {
        return identity(dim, 32, 5);
    }

    public int dim() { return dim; }

    public int bins() { return bins; }

    public double bound() { return bound; }

    @Override
    public double[] parameters() { return params; }

    /** A deep copy. */
    public RqSpline copy() {
        return new RqSpline(dim, bins, bound, params.clone());
    }

    /**
     * Standard normal quantile Φ⁻¹(u), u ∈ (0, 1): Acklam's rational approximation (relative
     * error below 1.2e-9). Kept here so that the spline needs nothing else.
     */
    public static double normalQuantile(double u) {
        if (!(u > 0 && u < 1)) throw new IllegalArgumentException("u = " + u + " is outside (0, 1)");
        final double plow = 0.02425;
        if (u < plow) {
            double q = Math.sqrt(-2 * Math.log(u));
            return tail(q);
        }
        if (u > 1 - plow) {
            double q = Math.sqrt(-2 * Math.log1p(-u));
            return -tail(q);
        }
        double q = u - 0.5, r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }

    private static double tail(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1);
    }

    /** Knots of coordinate c: xs, ys (K+1 each) and derivatives ds (K+1). */
    private void knots(int c, double[] xs, double[] ys, double[] ds) {
        int o = c * per;
        cumulative(params, o, xs);
        cumulative(params, o + bins, ys);
        ds[0] = 1;
        ds[bins] = 1;
        for (int k = 1; k < bins; k++) ds[k] = MIN + softplus(params[o + 2 * bins + k - 1]);
    }

    /** x_0 = −B, x_j = −B + 2B Σ_{i<j} w_i, x_K = B, w = m + (1 − Km) softmax(a). */
    private void cumulative(double[] p, int o, double[] xs) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < bins; k++) max = Math.max(max, p[o + k]);
        double z = 0;
        for (int k = 0; k < bins; k++) z += Math.exp(p[o + k] - max);
        double acc = 0;
        xs[0] = -bound;
        for (int k = 0; k < bins - 1; k++) {
            acc += MIN + (1 - bins * MIN) * Math.exp(p[o + k] - max) / z;
            xs[k + 1] = -bound + 2 * bound * acc;
        }
        xs[bins] = bound;
    }

    private static double softplus(double v) {
        return v > 30 ? v : Math.log1p(Math.exp(v));
    }

    private static int bin(double[] xs, double z) {
        int lo = 0, hi = xs.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (xs[mid] <= z) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /** The monotone spline S^c(z) on R (identity outside [−B, B]). */
    public double spline(int coord, double z) {
        checkCoord(coord);
        Require.finite("z", z);
        double[] xs = new double[bins + 1], ys = new double[bins + 1], ds = new double[bins + 1];
        knots(coord, xs, ys, ds);
        return eval(xs, ys, ds, z, null);
    }

    /** Q_φ^c(u) = S^c(Φ⁻¹(u)) for u ∈ (0, 1). */
    public double quantile(int coord, double u) {
        return spline(coord, normalQuantile(u));
    }

    /** Q_φ applied row-wise to u [n][d] (n ≥ 1) with entries in (0, 1). */
    public double[][] quantile(double[][] u) {
        Require.nonEmptyBatch("u", u, dim);
        for (int i = 0; i < u.length; i++) {
            for (int c = 0; c < dim; c++) {
                if (!(u[i][c] > 0 && u[i][c] < 1)) throw new IllegalArgumentException("u[" + i + "][" + c + "] = " + u[i][c] + " is outside (0, 1)");
            }
        }
        double[] flat = Nd4jBridge.flatten("u", u, dim);
        double[] q = new double[flat.length];
        forward(flat, u.length, q);
        double[][] r = new double[u.length][dim];
        for (int i = 0; i < u.length; i++) System.arraycopy(q, i * dim, r[i], 0, dim);
        return r;
    }

    /** Q_φ applied row-wise to u [n, d] with entries in (0, 1); returns [n, d]. */
    public INDArray quantile(INDArray u) {
        if (u == null || u.rank() != 2 || u.columns() != dim || u.rows() < 1) {
            throw new IllegalArgumentException("u must have shape [n, " + dim + "] with n >= 1" + (u == null ? "" : ", has " + Arrays.toString(u.shape())));
        }
        int n = u.rows();
        double[] q = new double[n * dim];
        forward(Nd4jBridge.toDoubles("u", u), n, q);
        return Nd4jBridge.matrix(q, n, dim);
    }

    /** Flat form: {@code out[i*d + c] = Q^c(u[i*d + c])} for n rows. */
    public void forward(double[] u, int n, double[] out) {
        checkFlat(u, n, "out", out);
        double[] xs = new double[bins + 1], ys = new double[bins + 1], ds = new double[bins + 1];
        for (int c = 0; c < dim; c++) {
            knots(c, xs, ys, ds);
            for (int i = 0; i < n; i++) out[i * dim + c] = eval(xs, ys, ds, normalQuantile(u[i * dim + c]), null);
        }
    }

    /**
     * Gradient of L(Q_φ(u)) with respect to φ given {@code dq} = ∂L/∂Q (n × d); written to
     * {@code grad} (overwritten, length {@link #numParameters()}).
     */
    public void backward(double[] u, int n, double[] dq, double[] grad) {
        checkFlat(u, n, "dq", dq);
        for (int i = 0; i < n * dim; i++) {
            if (!Double.isFinite(dq[i])) throw new IllegalArgumentException("dq[" + i + "] = " + dq[i] + " must be a finite number");
        }
        if (grad == null || grad.length != params.length) throw new IllegalArgumentException("grad must have length " + params.length);
        Arrays.fill(grad, 0);
        int K = bins;
        double[] xs = new double[K + 1], ys = new double[K + 1], ds = new double[K + 1];
        double[] gx = new double[K + 1], gy = new double[K + 1], gd = new double[K + 1];
        double[] local = new double[6];
        for (int c = 0; c < dim; c++) {
            knots(c, xs, ys, ds);
            Arrays.fill(gx, 0);
            Arrays.fill(gy, 0);
            Arrays.fill(gd, 0);
            for (int i = 0; i < n; i++) {
                double g = dq[i * dim + c];
                if (g == 0) continue;
                double z = normalQuantile(u[i * dim + c]);
                if (z <= -bound || z >= bound) continue; // identity tails: no parameters
                int k = bin(xs, z);
                eval(xs, ys, ds, z, local);
                gx[k] += g * local[0];
                gx[k + 1] += g * local[1];
                gy[k] += g * local[2];
                gy[k + 1] += g * local[3];
                gd[k] += g * local[4];
                gd[k + 1] += g * local[5];
            }
            int o = c * per;
            chainSoftmax(gx, o, grad);
            chainSoftmax(gy, o + K, grad);
            for (int k = 1; k < K; k++) {
                double a = params[o + 2 * K + k - 1];
                grad[o + 2 * K + k - 1] += gd[k] / (1 + Math.exp(-a)); // softplus' = sigmoid
            }
        }
    }

    /** ∂L/∂a from ∂L/∂x_j (j = 1..K−1; the end knots are fixed). */
    private void chainSoftmax(double[] gk, int o, double[] grad) {
        int K = bins;
        double[] gw = new double[K];
        double acc = 0;
        for (int i = K - 1; i >= 0; i--) { // ∂x_j/∂w_i = 2B for i < j ≤ K−1
            gw[i] = 2 * bound * acc;
            if (i >= 1) acc += gk[i];
        }
        // recompute softmax
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < K; k++) max = Math.max(max, params[o + k]);
        double z = 0;
        double[] sm = new double[K];
        for (int k = 0; k < K; k++) { sm[k] = Math.exp(params[o + k] - max); z += sm[k]; }
        double dot = 0;
        for (int k = 0; k < K; k++) { sm[k] /= z; dot += sm[k] * gw[k]; }
        for (int k = 0; k < K; k++) grad[o + k] += (1 - K * MIN) * sm[k] * (gw[k] - dot);
    }

    /**
     * S(z) on the given knots; if {@code d} is non-null (and z inside), writes ∂S/∂(x_k, x_{k+1},
     * y_k, y_{k+1}, δ_k, δ_{k+1}).
     */
    private double eval(double[] xs, double[] ys, double[] ds, double z, double[] d) {
        if (z <= -bound || z >= bound) return z;
        int k = bin(xs, z);
        double w = xs[k + 1] - xs[k], h = ys[k + 1] - ys[k];
        double xi = (z - xs[k]) / w, s = h / w, dk = ds[k], dk1 = ds[k + 1];
        double e = xi * (1 - xi);
        double a = s * xi * xi + dk * e;
        double den = s + (dk1 + dk - 2 * s) * e;
        double q = a / den;
        if (d != null) {
            double den2 = den * den;
            double dqds = (xi * xi * den - a * (1 - 2 * e)) / den2;
            double dqdxi = ((2 * s * xi + dk * (1 - 2 * xi)) * den - a * (dk1 + dk - 2 * s) * (1 - 2 * xi)) / den2;
            double gh = q + h * dqds / w;
            d[0] = h * (dqdxi * (xi - 1) / w + dqds * h / (w * w));
            d[1] = h * (-dqdxi * xi / w - dqds * h / (w * w));
            d[2] = 1 - gh;
            d[3] = gh;
            d[4] = h * e * (den - a) / den2;
            d[5] = -h * a * e / den2;
        }
        return ys[k] + h * q;
    }

    private void checkCoord(int c) {
        if (c < 0 || c >= dim) throw new IllegalArgumentException("coord = " + c + " is outside [0, " + (dim - 1) + "]");
    }

    private void checkFlat(double[] u, int n, String outName, double[] out) {
        Require.atLeast("n", n, 1);
        long m = (long) n * dim;
        if (u == null || u.length < m) throw new IllegalArgumentException("u must hold n*d = " + m + " values (n = " + n + ", d = " + dim + ")");
        if (out == null || out.length < m) throw new IllegalArgumentException(outName + " must hold n*d = " + m + " values (n = " + n + ", d = " + dim + ")");
        for (int i = 0; i < n * dim; i++) {
            if (!(u[i] > 0 && u[i] < 1)) throw new IllegalArgumentException("u[" + i + "] = " + u[i] + " is outside (0, 1)");
        }
    }

    /** Saves configuration and parameters (raw bits: bit-exact round trip; format version 1). */
    public void save(Path file) {
        ModelFiles.checkWritable(file);
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dim);
            out.writeInt(bins);
            out.writeLong(Double.doubleToRawLongBits(bound));
            for (double v : params) out.writeLong(Double.doubleToRawLongBits(v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save RqSpline to " + file, e);
        }
    }

    /**
     * Loads a spline written by {@link #save}, validating the file with the constraints of
     * {@link #identity(int, int, double)}: version, dim ≥ 1, bins in [2, 1024], a bound in
     * (0, 1e150], sizes checked before allocation, every parameter finite. A foreign, truncated or
     * corrupt file gives an {@link IllegalArgumentException} naming the file and the field.
     */
    public static RqSpline load(Path file) {
        return ModelFiles.load(file, "RqSpline", in -> {
            in.magic(MAGIC);
            in.version(VERSION);
            int dim = in.intIn("dim", 1, Integer.MAX_VALUE);
            int bins = in.intIn("bins", 2, 1024);
            double bound = in.finiteDouble("bound");
            if (!(bound > 0)) throw in.bad("has bound = " + bound + ", which must be > 0");
            if (bound > MAX_BOUND) throw in.bad("has bound = " + bound + ", which must be <= " + MAX_BOUND);
            long count = (long) dim * (3L * bins - 1);
            if (count > ModelFiles.MAX_PARAMETERS) throw in.bad("describes " + count + " parameters (dim = " + dim + ", bins = " + bins + "), more than " + ModelFiles.MAX_PARAMETERS);
            return new RqSpline(dim, bins, bound, in.finiteDoubles("parameter", (int) count));
        });
    }
}
