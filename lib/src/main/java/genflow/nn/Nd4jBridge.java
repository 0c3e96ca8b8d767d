package genflow.nn;

import genflow.math.Require;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between ND4J arrays and flat row-major double arrays (the edges of the fused kernels). */
public final class Nd4jBridge {
    private Nd4jBridge() {}

    /** The elements of {@code array} in row-major (C) order as doubles; NaN/∞ rejected. */
    public static double[] toDoubles(INDArray array) {
        return toDoubles("array", array);
    }

    /** As {@link #toDoubles(INDArray)}, naming the array {@code name} in messages (e.g. "t" or "x"). */
    static double[] toDoubles(String name, INDArray a) {
        if (a == null) throw new IllegalArgumentException(name + " must not be null");
        if (a.length() > Require.MAX_ARRAY_LENGTH) throw new IllegalArgumentException(name + " has " + a.length() + " elements, more than a Java array holds");
        double[] v = a.length() == 0 ? new double[0] : Nd4j.toFlattened('c', a).toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(name + " element " + i + " = " + v[i] + " must be finite");
        }
        return v;
    }

    /** A [rows, cols] double array from the first rows·cols flat row-major values of v (copied; finite). */
    public static INDArray matrix(double[] v, int rows, int cols) {
        Require.cells("rows", rows, "cols", cols);
        long m = (long) rows * cols;
        if (v == null || v.length < m) throw new IllegalArgumentException("v must hold rows*cols = " + m + " values, has " + (v == null ? "null" : v.length));
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("v[" + i + "] = " + v[i] + " must be a finite number");
        }
        double[] c = v.length == m ? v.clone() : java.util.Arrays.copyOf(v, (int) m);
        return Nd4j.create(c, new long[]{rows, cols}, DataType.DOUBLE);
    }

    /** Flattens a batch [n][d] (d ≥ 1) into row-major order, checking shape and finiteness. */
    public static double[] flatten(String name, double[][] x, int d) {
        Require.atLeast("d", d, 1);
        if (x != null && x.length > 0 && x[0] != null && x[0].length != d) {
            throw new IllegalArgumentException(name + "[0] has dimension " + x[0].length + ", expected d = " + d);
        }
        Require.batch(name, x, d);
        Require.cells("rows of " + name, x.length, "d", d);
        double[] r = new double[x.length * d];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, r, i * d, d);
        return r;
    }
}
