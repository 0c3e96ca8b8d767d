package genflow.ot;

import genflow.math.Require;

/**
 * Entropic optimal transport between weighted point clouds by log-domain (stabilised) Sinkhorn
 * iterations (Cuturi 2013; Peyré &amp; Cuturi, "Computational Optimal Transport", 2019, §4.4 Remark 4.22).
 *
 * <p>Solves \(\min_{P \in \Pi(a,b)} \langle P, C\rangle + \varepsilon\,\mathrm{KL}(P \,|\, a\otimes b)\)
 * with the plan written through dual potentials f, g as
 * \(P_{ij} = a_i b_j \exp\big((f_i + g_j - C_{ij})/\varepsilon\big)\) and the alternating updates
 * \(f_i = -\varepsilon \log \sum_j b_j e^{(g_j - C_{ij})/\varepsilon}\),
 * \(g_j = -\varepsilon \log \sum_i a_i e^{(f_i - C_{ij})/\varepsilon}\) evaluated with log-sum-exp, so
 * small ε does not underflow. After each g update the column marginals are exact; iteration stops
 * when the row-marginal error \(\sum_i |\sum_j P_{ij} - a_i|\) is at most {@code tolerance}.
 * As ε → 0 the plan tends to an exact OT plan and
 * \(\mathrm{OT}(a,b) \le \langle P_\varepsilon, C\rangle \le \mathrm{OT}(a,b) + \varepsilon\,\mathrm{KL}(P^*|a\otimes b)\)
 * (≤ OT + ε log n for uniform weights and a permutation plan P*).
 *
 * <p>Optional ε-scaling (annealing, Peyré &amp; Cuturi Remark 4.19 / Schmitzer 2019) runs the same
 * iterations for ε_k = max(ε, max C · 2^{-k}), warm-starting each stage from the previous
 * potentials; it reaches the same fixed point much faster for small ε.
 * No time direction: a static coupling. Immutable; build with {@link #builder()}.
 */
public final class Sinkhorn {
    private final double epsilon;
    private final int maxIterations;
    private final double tolerance;
    private final boolean epsilonScaling;

    private Sinkhorn(Builder b) {
        this.epsilon = b.epsilon;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.epsilonScaling = b.epsilonScaling;
    }

    public static Builder builder() { return new Builder(); }

    /** Largest accepted ratio max|C|/ε: beyond it the exponents (C_ij − g_j)/ε approach the double range. */
    public static final double MAX_COST_OVER_EPSILON = 1e300;

    public double epsilon() { return epsilon; }
    public int maxIterations() { return maxIterations; }
    public double tolerance() { return tolerance; }
    public boolean epsilonScaling() { return epsilonScaling; }

    /** Builder; defaults ε = 0.05, maxIterations = 10 000, tolerance = 1e-9, no ε-scaling. */
    public static final class Builder {
        private double epsilon = 0.05;
        private int maxIterations = 10_000;
        private double tolerance = 1e-9;
        private boolean epsilonScaling = false;

        private Builder() {}

        /** Entropic regularisation ε &gt; 0 (same units as the cost). */
        public Builder epsilon(double epsilon) { this.epsilon = Require.positive("epsilon", epsilon); return this; }
        /** Maximum number of (f, g) update pairs per ε stage, ≥ 1. */
        public Builder maxIterations(int maxIterations) { this.maxIterations = Require.atLeast("maxIterations", maxIterations, 1); return this; }
        /** Stop when the row-marginal L1 error is ≤ tolerance (&gt; 0). */
        public Builder tolerance(double tolerance) { this.tolerance = Require.positive("tolerance", tolerance); return this; }
        /** Anneal ε from max C down to ε by halving, warm-starting the potentials. */
        public Builder epsilonScaling(boolean on) { this.epsilonScaling = on; return this; }
        public Sinkhorn build() { return new Sinkhorn(this); }
    }

    /** Outcome of a Sinkhorn solve; arrays are copies. */
    public static final class Result {
        private final double[][] plan;
        private final double[] f, g;
        private final double cost;
        private final double marginalError;
        private final int iterations;
        private final boolean converged;

        Result(double[][] plan, double[] f, double[] g, double cost, double marginalError, int iterations, boolean converged) {
            this.plan = plan; this.f = f; this.g = g; this.cost = cost;
            this.marginalError = marginalError; this.iterations = iterations; this.converged = converged;
        }

        /** The plan P [n][m] (entries sum to 1). */
        public double[][] plan() { return copy(plan); }
        /** Transport cost \(\langle P, C\rangle = \sum_{ij} P_{ij} C_{ij}\) (without the entropy term). */
        public double cost() { return cost; }
        /** Dual potential f (length n). */
        public double[] f() { return f.clone(); }
        /** Dual potential g (length m). */
        public double[] g() { return g.clone(); }
        /** Final L1 error of the marginals \(\sum_i |P\mathbf 1 - a|_i + \sum_j |P^T\mathbf 1 - b|_j\). */
        public double marginalError() { return marginalError; }
        /** Total number of (f, g) update pairs, over all ε stages. */
        public int iterations() { return iterations; }
        /** Whether the tolerance was met at the final ε within maxIterations. */
        public boolean converged() { return converged; }
    }

    /** Uniform weights 1/n. */
    public static double[] uniform(int n) {
        Require.size("n", n, 1);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    /**
     * Entropic OT between \(\sum_i a_i \delta_{x_i}\) and \(\sum_j b_j \delta_{y_j}\) with squared
     * Euclidean cost \(C_{ij} = \lVert x_i - y_j\rVert^2\) (so {@link Result#cost()} → W2² as ε → 0).
     */
    public Result solve(double[] a, double[][] x, double[] b, double[][] y) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        if (a == null || a.length != x.length) {
            throw new IllegalArgumentException("a must have one weight per row of x (" + x.length + "), got " + (a == null ? "null" : a.length));
        }
        if (b == null || b.length != y.length) {
            throw new IllegalArgumentException("b must have one weight per row of y (" + y.length + "), got " + (b == null ? "null" : b.length));
        }
        return solve(a, b, Couplings.squaredDistances("x", x, "y", y));
    }

    /**
     * Entropic OT for a general cost matrix.
     *
     * @param a    positive source weights, length n (normalised to sum 1 here)
     * @param b    positive target weights, length m (normalised to sum 1 here)
     * @param cost finite cost matrix [n][m]
     */
    public Result solve(double[] a, double[] b, double[][] cost) {
        double[] la = logWeights("a", a);
        double[] lb = logWeights("b", b);
        int n = la.length, m = lb.length;
        if (cost == null || cost.length != n) {
            throw new IllegalArgumentException("cost must have " + n + " rows (length of a), got " + (cost == null ? "null" : cost.length));
        }
        double cMax = 0;
        for (int i = 0; i < n; i++) {
            Require.dim("cost[" + i + "]", cost[i], m);
            Require.finite("cost[" + i + "]", cost[i]);
            for (int j = 0; j < m; j++) cMax = Math.max(cMax, Math.abs(cost[i][j]));
        }
        if (cMax / epsilon > MAX_COST_OVER_EPSILON) {
            throw new IllegalArgumentException("epsilon = " + epsilon + " is too small for costs up to " + cMax + ": (C_ij − g_j)/epsilon"
                    + " would leave the double range; epsilon must be >= max|cost|/" + MAX_COST_OVER_EPSILON);
        }
        if (cMax > 0x1p500) {
            // the plan is unchanged when the cost and epsilon are scaled together; the potentials scale back
            int k = Math.getExponent(cMax) - 499; // scaled max|C| in [2^499, 2^500)
            double[][] c = new double[n][m];
            for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) c[i][j] = Math.scalb(cost[i][j], -k);
            Sinkhorn scaled = builder().epsilon(Math.scalb(epsilon, -k)).maxIterations(maxIterations).tolerance(tolerance)
                    .epsilonScaling(epsilonScaling).build();
            Result r = scaled.solve(a, b, c);
            double[] f = r.f, g = r.g;
            for (int i = 0; i < n; i++) f[i] = Math.scalb(f[i], k);
            for (int j = 0; j < m; j++) g[j] = Math.scalb(g[j], k);
            double costValue = Math.scalb(r.cost, k);
            for (double v : f) if (!Double.isFinite(v)) throw new IllegalArgumentException("cost: the dual potentials exceed the double range");
            for (double v : g) if (!Double.isFinite(v)) throw new IllegalArgumentException("cost: the dual potentials exceed the double range");
            return new Result(r.plan, f, g, costValue, r.marginalError, r.iterations, r.converged);
        }
        double[] f = new double[n], g = new double[m];
        int total = 0;
        double err = Double.POSITIVE_INFINITY;
        double eps = epsilonScaling ? Math.max(epsilon, cMax) : epsilon;
        double[] tmp = new double[Math.max(n, m)];
        while (true) {
            boolean last = eps <= epsilon;
            err = Double.POSITIVE_INFINITY;
            for (int it = 1; it <= maxIterations; it++) {
                updateF(cost, lb, g, f, eps, tmp);
                updateG(cost, la, f, g, eps, tmp);
                total++;
                if (it % 5 == 0 || it == maxIterations) {
                    err = rowError(cost, la, lb, f, g, eps);
                    if (err <= tolerance) break;
                }
            }
            if (last) break;
            eps = Math.max(epsilon, eps / 2);
        }
        double[][] plan = new double[n][m];
        double c = 0;
        double[] colSum = new double[m];
        double rowErr = 0;
        for (int i = 0; i < n; i++) {
            double rs = 0;
            for (int j = 0; j < m; j++) {
                double p = Math.exp(la[i] + lb[j] + (f[i] + g[j] - cost[i][j]) / eps);
                plan[i][j] = p;
                c += p * cost[i][j];
                rs += p;
                colSum[j] += p;
            }
            rowErr += Math.abs(rs - Math.exp(la[i]));
        }
        double colErr = 0;
        for (int j = 0; j < m; j++) colErr += Math.abs(colSum[j] - Math.exp(lb[j]));
        return new Result(plan, f, g, c, rowErr + colErr, total, err <= tolerance);
    }

    private static void updateF(double[][] c, double[] lb, double[] g, double[] f, double eps, double[] tmp) {
        int m = g.length;
        for (int i = 0; i < f.length; i++) {
            double[] ci = c[i];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double z = lb[j] + (g[j] - ci[j]) / eps;
                tmp[j] = z;
                if (z > max) max = z;
            }
            double s = 0;
            for (int j = 0; j < m; j++) s += Math.exp(tmp[j] - max);
            f[i] = -eps * (max + Math.log(s));
        }
    }

    private static void updateG(double[][] c, double[] la, double[] f, double[] g, double eps, double[] tmp) {
        int n = f.length;
        for (int j = 0; j < g.length; j++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double z = la[i] + (f[i] - c[i][j]) / eps;
                tmp[i] = z;
                if (z > max) max = z;
            }
            double s = 0;
            for (int i = 0; i < n; i++) s += Math.exp(tmp[i] - max);
            g[j] = -eps * (max + Math.log(s));
        }
    }

    /** \(\sum_i |\sum_j P_{ij} - a_i|\) for the current potentials. */
    private static double rowError(double[][] c, double[] la, double[] lb, double[] f, double[] g, double eps) {
        double err = 0;
        for (int i = 0; i < f.length; i++) {
            double s = 0;
            for (int j = 0; j < g.length; j++) s += Math.exp(lb[j] + (f[i] + g[j] - c[i][j]) / eps);
            double ai = Math.exp(la[i]);
            err += Math.abs(ai * s - ai);
        }
        return err;
    }

    private static double[] logWeights(String name, double[] w) {
        if (w == null || w.length == 0) throw new IllegalArgumentException(name + " must have at least one weight");
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            Require.positive(name + "[" + i + "]", w[i]);
            total += w[i];
        }
        double[] l = new double[w.length];
        for (int i = 0; i < w.length; i++) l[i] = Math.log(w[i] / total);
        return l;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
