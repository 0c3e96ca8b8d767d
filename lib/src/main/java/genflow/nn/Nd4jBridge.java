package genflow.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between ND4J arrays and flat row-major double arrays (the edges of the fused kernels). */
public final class Nd4jBridge {
    private Nd4jBridge() {}

    /** The elements of {@code a} in row-major (C) order as doubles; NaN/∞ rejected. */
    public static double[] toDoubles(INDArray a) {
        if (a == null) throw new IllegalArgumentException("array must not be null");
        double[] v = a.length() == 0 ? new double[0] : Nd4j.toFlattened('c', a).toDoubleVector();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("array element " + i + " = " + v[i] + " must be finite");
        }
        return v;
    }

    /** A [rows, cols] double array from flat row-major values (copied). */
    public static INDArray matrix(double[] v, int rows, int cols) {
        if (v == null || v.length < (long) rows * cols) throw new IllegalArgumentException("v must hold rows*cols = " + rows * cols + " values");
        double[] c = v.length == rows * cols ? v.clone() : java.util.Arrays.copyOf(v, rows * cols);
        return Nd4j.create(c, new long[]{rows, cols}, DataType.DOUBLE);
    }

    /** Flattens a batch [n][d] into row-major order, checking shape and finiteness. */
    public static double[] flatten(String name, double[][] x, int d) {
        genflow.math.Require.batch(name, x, d);
        double[] r = new double[x.length * d];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, r, i * d, d);
        return r;
    }
}
