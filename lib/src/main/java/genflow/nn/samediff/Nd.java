package genflow.nn.samediff;

import genflow.nn.Precision;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Package-private glue to ND4J: conversions, checked graph runs, and the quiet gradient build. */
final class Nd {
    private Nd() {}

    static DataType type(Precision p) {
        return p == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
    }

    /** A [rows, cols] array of the given type from flat row-major doubles. */
    static INDArray matrix(double[] v, int rows, int cols, DataType type) {
        if (type == DataType.DOUBLE) return Nd4j.create(v.clone(), new long[]{rows, cols}, DataType.DOUBLE);
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return Nd4j.create(f, new long[]{rows, cols}, 'c');
    }

    /**
     * A [n, cols] array from the rows of a batch, checking the shape and that every value is finite
     * (and in [lo, hi]); {@code what} names the input in the message.
     */
    static INDArray rows(String what, double[][] x, int n, int cols, DataType type, double lo, double hi) {
        if (x == null) throw new IllegalArgumentException(what + " must not be null (expected shape [" + n + ", " + cols + "])");
        if (x.length != n) throw new IllegalArgumentException(what + " has " + x.length + " rows, expected [" + n + ", " + cols + "] (one row per point of the batch)");
        double[] flat = new double[n * cols];
        for (int i = 0; i < n; i++) {
            double[] r = x[i];
            if (r == null || r.length != cols) {
                throw new IllegalArgumentException(what + "[" + i + "] has " + (r == null ? "no" : r.length) + " columns, expected shape [" + n + ", " + cols + "]");
            }
            for (int j = 0; j < cols; j++) {
                double v = r[j];
                if (type == DataType.FLOAT && Double.isFinite(v) && Float.isInfinite((float) v)) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "] = " + v + " exceeds the float range (about ±3.4e38) of this FLOAT model");
                }
                if (!(v >= lo && v <= hi)) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "] = " + v
                            + (Double.isFinite(v) ? " is outside [" + lo + ", " + hi + "]" : " must be a finite number"));
                }
                flat[i * cols + j] = v;
            }
        }
        return matrix(flat, n, cols, type);
    }

    /** Copies the elements of {@code a} (row-major) into {@code dst[off ..]} as doubles. */
    static void copyTo(INDArray a, double[] dst, int off) {
        INDArray c = a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.data().length() == a.length() ? a : a.dup('c');
        int n = (int) c.length();
        if (c.dataType() == DataType.DOUBLE) {
            double[] v = c.data().asDouble();
            System.arraycopy(v, 0, dst, off, n);
        } else {
            float[] v = c.castTo(DataType.FLOAT).data().asFloat();
            for (int i = 0; i < n; i++) dst[off + i] = v[i];
        }
    }

    /** Writes {@code src[off .. off + a.length())} into the array {@code a} (same type as before). */
    static void copyFrom(double[] src, int off, INDArray a) {
        int n = (int) a.length();
        boolean flat = a.ordering() == 'c' && !a.isView() && a.offset() == 0 && a.data().length() == n;
        if (a.dataType() == DataType.DOUBLE) {
            double[] v = java.util.Arrays.copyOfRange(src, off, off + n);
            if (flat) a.data().setData(v);
            else a.assign(Nd4j.create(v, a.shape(), DataType.DOUBLE));
        } else {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) v[i] = (float) src[off + i];
            if (flat) a.data().setData(v);
            else a.assign(Nd4j.create(v, a.shape(), 'c').castTo(a.dataType()));
        }
    }

    /** Runs an ND4J computation; any failure inside ND4J becomes an IllegalArgumentException starting with {@code what}. */
    static <T> T run(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": " + firstLine(e));
        }
    }

    /** The graph's outputs for these placeholder values; ND4J failures become IllegalArgumentException. */
    static Map<String, INDArray> output(SameDiff g, Map<String, INDArray> placeholders, List<String> names, String what) {
        return run(what, () -> g.output(placeholders, names));
    }

    static String firstLine(Throwable e) {
        Throwable c = e;
        StringBuilder s = new StringBuilder();
        while (c != null) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) {
                String line = m.strip().split("\n")[0];
                if (s.indexOf(line) < 0) s.append(s.length() == 0 ? "" : "; ").append(line);
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        return s.length() == 0 ? e.getClass().getSimpleName() : s.toString();
    }

    /**
     * {@code sd.createGradFunction(variables)} without SameDiff's unconditional
     * {@code System.out.println("Added differentiated op …")} lines reaching the caller's output
     * (a notebook cell): System.out is swapped for a filter for the duration of the call and restored.
     */
    static void createGradFunction(SameDiff sd, String... variables) {
        PrintStream out = System.out;
        System.setOut(new Filter(out));
        try {
            run("cannot differentiate the loss", () -> {
                sd.createGradFunction(variables);
                return null;
            });
        } finally {
            System.setOut(out);
        }
    }

    /** Drops SameDiff's "Added differentiated op" lines, forwards everything else. */
    private static final class Filter extends PrintStream {
        Filter(OutputStream target) {
            super(target, true);
        }

        @Override
        public void println(String x) {
            if (x != null && x.startsWith("Added differentiated op")) return;
            super.println(x);
        }

        @Override
        public void println(Object x) {
            println(String.valueOf(x));
        }
    }
}
