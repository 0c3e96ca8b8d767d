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
        for (int i = 0; i < queries.length; i++) out[i] = Math.sqrt(nearestSquared(queries[i], reference, -1));
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
            for (int j = 0; j < reference.length; j++) {
                double s = Checks.sq(queries[i], reference[j]);
                if (s < best) {
                    best = s;
                    out[i] = j;
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
        for (int i = 0; i < x.length; i++) out[i] = Math.sqrt(nearestSquared(x[i], x, i));
        return out;
    }

    private static double nearestSquared(double[] q, double[][] ref, int skip) {
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ref.length; j++) {
            if (j == skip) continue;
            best = Math.min(best, Checks.sq(q, ref[j]));
        }
        return best;
    }
}
