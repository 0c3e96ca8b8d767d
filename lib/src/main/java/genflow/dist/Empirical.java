package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * The empirical distribution (1/n) Σ_i δ_{x_i} of a finite data set; sampling draws rows
 * uniformly with replacement. Immutable (the data are copied in and out); no time variable.
 */
public final class Empirical implements Sampleable {
    private final double[][] data;
    private final int d;

    /**
     * @param data n ≥ 1 rows of equal dimension d ≥ 1, finite entries
     */
    public Empirical(double[][] data) {
        if (data == null) throw new IllegalArgumentException("data must not be null");
        Require.atLeast("data.length", data.length, 1);
        if (data[0] == null) throw new IllegalArgumentException("data[0] must not be null");
        this.d = Require.atLeast("data[0].length", data[0].length, 1);
        Require.batch("data", data, d);
        this.data = new double[data.length][];
        for (int i = 0; i < data.length; i++) this.data[i] = data[i].clone();
    }

    @Override public int dim() { return d; }
    /** Number of data points n. */
    public int size() { return data.length; }

    /** A copy of row i. */
    public double[] row(int i) {
        if (i < 0 || i >= data.length) throw new IllegalArgumentException("i = " + i + " is outside [0, " + (data.length - 1) + "]");
        return data[i].clone();
    }

    /** A copy of the whole data set. */
    public double[][] data() {
        double[][] c = new double[data.length][];
        for (int i = 0; i < data.length; i++) c[i] = data[i].clone();
        return c;
    }

    /** n rows drawn independently and uniformly from the data (with replacement), copied. */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.cells("n", n, "dimension d", d);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = data[rng.nextInt(data.length)].clone();
        return out;
    }
}
