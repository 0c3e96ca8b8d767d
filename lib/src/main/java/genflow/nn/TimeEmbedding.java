package genflow.nn;

import genflow.math.Require;

/**
 * Features of the time t ∈ [0, 1] fed to a network next to x. Either the raw time
 * ({@code [t]}) or a sinusoidal embedding
 * {@code [t, sin(ω_0 t), cos(ω_0 t), …, sin(ω_{K−1} t), cos(ω_{K−1} t)]} with ω_k = π 2^k
 * (Fourier features as in Vaswani et al. 2017 / Tancik et al. 2020, frequencies chosen for t in [0, 1]).
 * Immutable.
 */
public final class TimeEmbedding {
    private final int frequencies;

    private TimeEmbedding(int frequencies) {
        this.frequencies = frequencies;
    }

    /** The raw time as a single feature. */
    public static TimeEmbedding raw() {
        return new TimeEmbedding(0);
    }

    /** t plus K sine/cosine pairs with ω_k = π 2^k, k = 0..K−1; K in [1, 16]. */
    public static TimeEmbedding sinusoidal(int frequencies) {
        Require.atLeast("frequencies", frequencies, 1);
        if (frequencies > 16) throw new IllegalArgumentException("frequencies = " + frequencies + " must be <= 16");
        return new TimeEmbedding(frequencies);
    }

    /** Number of sine/cosine pairs K (0 for the raw embedding). */
    public int frequencies() {
        return frequencies;
    }

    /** Number of features, 1 + 2K. */
    public int size() {
        return 1 + 2 * frequencies;
    }

    /** Writes the features of a finite t into {@code out[off .. off + size())}. */
    public void embed(double t, double[] out, int off) {
        if (!Double.isFinite(t)) throw new IllegalArgumentException("t = " + t + " must be a finite number");
        if (out == null) throw new IllegalArgumentException("out must not be null");
        if (off < 0 || off > out.length - size()) {
            throw new IllegalArgumentException("off = " + off + ": the " + size() + " features do not fit in out of length " + out.length);
        }
        out[off] = t;
        double w = Math.PI;
        for (int k = 0; k < frequencies; k++, w *= 2) {
            out[off + 1 + 2 * k] = Math.sin(w * t);
            out[off + 2 + 2 * k] = Math.cos(w * t);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeEmbedding e && e.frequencies == frequencies;
    }

    @Override
    public int hashCode() {
        return frequencies;
    }

    @Override
    public String toString() {
        return frequencies == 0 ? "raw" : "sinusoidal(" + frequencies + ")";
    }
}
