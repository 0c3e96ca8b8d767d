package genflow.math;

import java.util.Arrays;

/**
 * Eigen-decomposition A = V diag(λ) Vᵀ of a real symmetric matrix by the cyclic Jacobi method
 * (Golub &amp; Van Loan, "Matrix Computations", §8.5): plane rotations annihilate the off-diagonal
 * entries until their Frobenius norm is below 1e-15 of the matrix's. Accurate to a few ulps of
 * ‖A‖ for the small matrices of this library (d up to a few hundred). Eigenvalues ascending,
 * eigenvectors as the columns of {@link #vectors()}. Immutable.
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes {@code a} (square, symmetric up to 1e-10 relative, finite; not modified).
     *
     * @throws IllegalArgumentException for a null, non-square, non-symmetric or non-finite matrix
     */
    public static SymmetricEigen of(double[][] a) {
        int n = square("a", a);
        double scale = 0;
        for (double[] row : a) for (double v : row) scale = Math.max(scale, Math.abs(v));
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-10 * Math.max(scale, Double.MIN_NORMAL)) {
                    throw new IllegalArgumentException("a is not symmetric: a[" + i + "][" + j + "] = " + a[i][j]
                            + " but a[" + j + "][" + i + "] = " + a[j][i]);
                }
            }
        }
        double[][] m = new double[n][n];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) m[i][j] = 0.5 * (a[i][j] + a[j][i]);
            v[i][i] = 1;
        }
        double total = 0;
        for (double[] row : m) for (double x : row) total += x * x;
        double tol = 1e-30 * total;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) off += 2 * m[i][j] * m[i][j];
            if (off <= tol || off == 0) break;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = m[p][q];
                    if (apq == 0) continue;
                    double theta = (m[q][q] - m[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double mkp = m[k][p], mkq = m[k][q];
                        m[k][p] = c * mkp - s * mkq;
                        m[k][q] = s * mkp + c * mkq;
                    }
                    for (int k = 0; k < n; k++) {
                        double mpk = m[p][k], mqk = m[q][k];
                        m[p][k] = c * mpk - s * mqk;
                        m[q][k] = s * mpk + c * mqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(m[x][x], m[y][y]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = m[order[j]][order[j]];
            for (int i = 0; i < n; i++) vectors[i][j] = v[i][order[j]];
        }
        return new SymmetricEigen(values, vectors);
    }

    /** The eigenvalues λ₁ ≤ … ≤ λ_n (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The orthonormal eigenvectors as columns: column j belongs to {@code values()[j]} (a copy). */
    public double[][] vectors() {
        double[][] c = new double[vectors.length][];
        for (int i = 0; i < c.length; i++) c[i] = vectors[i].clone();
        return c;
    }

    /**
     * The symmetric positive semi-definite square root V diag(√λ) Vᵀ. Eigenvalues that are negative
     * only by rounding (≥ −1e-10·max|λ|) count as 0.
     *
     * @throws IllegalArgumentException if the matrix has a clearly negative eigenvalue
     */
    public double[][] sqrt() {
        int n = values.length;
        double max = 0;
        for (double l : values) max = Math.max(max, Math.abs(l));
        double[] r = new double[n];
        for (int j = 0; j < n; j++) {
            if (values[j] < -1e-10 * max) {
                throw new IllegalArgumentException("the matrix is not positive semi-definite: eigenvalue " + values[j]);
            }
            r[j] = Math.sqrt(Math.max(0, values[j]));
        }
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double s = 0;
                for (int j = 0; j < n; j++) s += vectors[i][j] * r[j] * vectors[k][j];
                out[i][k] = s;
                out[k][i] = s;
            }
        }
        return out;
    }

    static int square(String name, double[][] a) {
        if (a == null || a.length == 0) throw new IllegalArgumentException(name + " must be a non-empty square matrix");
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException(name + " must be square: row " + i + " has "
                        + (a[i] == null ? "no" : a[i].length) + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + a[i][j] + " must be finite");
            }
        }
        return n;
    }
}
