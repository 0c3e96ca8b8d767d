package genflow.ot;

import genflow.math.Require;

import java.util.Arrays;

/**
 * Exact linear assignment (minimum-cost perfect matching) for square cost matrices, the core of
 * minibatch optimal transport. Hungarian algorithm with potentials (Kuhn–Munkres in the
 * Jonker–Volgenant shortest augmenting path form), O(n³).
 */
public final class Assignment {
    private Assignment() {}

    /**
     * Solves min_σ Σ_i cost[i][σ(i)] over permutations σ.
     *
     * @param cost square matrix [n][n] of finite costs
     * @return σ as an array: {@code result[i]} is the column assigned to row i
     */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        if (n == 0) return new int[0];
        for (int i = 0; i < n; i++) {
            if (cost[i] == null || cost[i].length != n) {
                throw new IllegalArgumentException("cost must be square: row " + i + " has "
                        + (cost[i] == null ? "null" : cost[i].length) + " columns, expected " + n);
            }
            Require.finite("cost[" + i + "]", cost[i]);
        }
        // 1-based arrays as in the classical formulation.
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] p = new int[n + 1], way = new int[n + 1];
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                double[] row = cost[i0 - 1];
                double ui0 = u[i0];
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = row[j - 1] - ui0 - v[j];
                        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] result = new int[n];
        for (int j = 1; j <= n; j++) result[p[j] - 1] = j - 1;
        return result;
    }
}
