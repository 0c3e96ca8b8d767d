package genflow.metrics;

import genflow.math.Require;

/**
 * Nearest-neighbour distances between two samples — the "does the generator just copy its
 * training set?" check of generative modelling (a memorising model puts every sample at distance
 * ≈ 0 from a training point). Euclidean norm throughout; no time direction (static sample
 * statistics). Brute force O(n·m·d).
 */
public final class NearestNeighbour {
    private NearestNeighbour() {}

    /**
     * For every query row q_i, the distance to its nearest reference row:
     * \(d_i = \min_j \lVert q_i - r_j \rVert_2\).
     *
     * @param queries   n ≥ 1 rows of dimension d ≥ 1 (finite)
     * @param reference m ≥ 1 rows of the same dimension (finite)
     * @return the n distances
     */
    public static double[] distances(double[][] queries, double[][] reference) {
        int d = Require.nonEmptyBatch("queries", queries);
        Require.nonEmptyBatch("reference", reference, d);
        double[] out = new double[queries.length];
        for (int i = 0; i < queries.length; i++) {
            out[i] = nearest(queries[i], reference, -1);
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("queries[" + i + "]: its distance to the nearest row of reference exceeds the double range");
            }
        }
        return out;
    }

    /**
     * Index of the nearest reference row of every query row, \(\arg\min_j \lVert q_i - r_j \rVert_2\)
     * (the smallest index on ties).
     */
    public static int[] indices(double[][] queries, double[][] reference) {
        int d = Require.nonEmptyBatch("queries", queries);
        Require.nonEmptyBatch("reference", reference, d);
        int[] out = new int[queries.length];
        for (int i = 0; i < queries.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            boolean plain = true;
            for (int j = 0; j < reference.length; j++) {
                double s = Checks.sq(queries[i], reference[j]);
                plain &= Checks.plain(s);
                if (s < best) {
                    best = s;
                    out[i] = j;
                }
            }
            if (!plain) { // a square overflowed or underflowed: compare distances computed with scaling
                best = Double.POSITIVE_INFINITY;
                for (int j = 0; j < reference.length; j++) {
                    double s = Checks.distance(queries[i], reference[j]);
                    if (s < best) {
                        best = s;
                        out[i] = j;
                    }
                }
            }
        }
        return out;
    }

    /**
     * Leave-one-out distances within one sample: \(d_i = \min_{j \ne i} \lVert x_i - x_j \rVert_2\)
     * (the baseline a generated sample should be compared with: how far real points are from each other).
     *
     * @param x n ≥ 2 rows (finite)
     */
    public static double[] leaveOneOutDistances(double[][] x) {
        Require.nonEmptyBatch("x", x);
        if (x.length < 2) throw new IllegalArgumentException("x must have at least 2 rows, has " + x.length);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nearest(x[i], x, i);
            if (!Double.isFinite(out[i])) throw new IllegalArgumentException("x[" + i + "]: its distance to the nearest other row exceeds the double range");
        }
        return out;
    }

    /**
     * min_j ‖q − ref_j‖ over j ≠ skip: √ of the smallest squared distance when every square is in
     * range, else the smallest distance computed with scaling (finite whenever it exists as a double).
     */
    private static double nearest(double[] q, double[][] ref, int skip) {
        double best = Double.POSITIVE_INFINITY;
        boolean plain = true;
        for (int j = 0; j < ref.length; j++) {
            if (j == skip) continue;
            double s = Checks.sq(q, ref[j]);
            plain &= Checks.plain(s);
            best = Math.min(best, s);
        }
        if (plain) return Math.sqrt(best);
        best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ref.length; j++) {
            if (j != skip) best = Math.min(best, Checks.distance(q, ref[j]));
        }
        return best;
    }
}
