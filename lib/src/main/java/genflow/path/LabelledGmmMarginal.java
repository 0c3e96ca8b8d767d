package genflow.path;

import genflow.dist.GaussianMixture;
import genflow.dist.Sampleable;
import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

import java.util.random.RandomGenerator;

/**
 * Exact conditional and guided fields of a <b>labelled</b> Gaussian mixture (chapter 10): every
 * component k of p(x) = Σ_k w_k N(m_k, diag(s_k²)) carries a class label c(k) ∈ {0, …, K−1},
 * so the class y has prior π_y = Σ_{c(k)=y} w_k and the conditional law
 * p(x | y) = Σ_{c(k)=y} (w_k/π_y) N(m_k, diag(s_k²)) — again a mixture. Along the Gaussian path
 * x_t = α_t z + β_t ε of a {@link Schedule} every quantity is then closed-form ({@link GmmMarginal}
 * per class and for the whole mixture):
 * <pre>
 *   p_t(x | y)      = the path marginal of the class-y mixture,      u_t(x | y) its velocity,
 *   p_t(x)          = Σ_y π_y p_t(x | y),                          u_t(x) = Σ_y p_t(y | x) u_t(x | y),
 *   p_t(y | x)      = π_y p_t(x | y)/p_t(x) = Σ_{c(k)=y} γ_k^t(x)   (responsibilities of p_t),
 *   ∇log p_t(y | x) = ∇log p_t(x | y) − ∇log p_t(x)                 (Bayes' rule),
 * </pre>
 * and the guided velocity with scale w ({@link Guidance}):
 * ũ_t(x | y) = (1 − w) u_t(x) + w u_t(x | y) = u_t(x) + w b_t ∇log p_t(y | x).
 * Time direction: t = 0 noise, t = 1 data. Immutable.
 */
public final class LabelledGmmMarginal {
    private final GaussianMixture data;
    private final int[] classOf;
    private final int classes;
    private final double[] prior;
    private final GaussianMixture[] classData;
    private final GmmMarginal all;
    private final GmmMarginal[] perClass;
    private final Schedule schedule;

    /**
     * @param data     the mixture p(x)
     * @param classOf  the class label c(k) ∈ {0, …, K−1} of each component; every class in
     *                 0..K−1 must own at least one component of positive weight
     * @param schedule the Gaussian path's α_t, β_t
     */
    public LabelledGmmMarginal(GaussianMixture data, int[] classOf, Schedule schedule) {
        Vectors.notNull("data", data);
        Vectors.notNull("schedule", schedule);
        if (classOf == null || classOf.length != data.components()) {
            throw new IllegalArgumentException("classOf must have one label per component (" + data.components() + ")");
        }
        int max = -1;
        for (int k = 0; k < classOf.length; k++) {
            if (classOf[k] < 0) throw new IllegalArgumentException("classOf[" + k + "] = " + classOf[k] + " must be >= 0");
            max = Math.max(max, classOf[k]);
        }
        this.data = data;
        this.classOf = classOf.clone();
        this.classes = max + 1;
        this.schedule = schedule;
        double[] w = data.weights();
        double[][] m = data.means(), v = data.variances();
        prior = new double[classes];
        for (int k = 0; k < w.length; k++) prior[classOf[k]] += w[k];
        classData = new GaussianMixture[classes];
        perClass = new GmmMarginal[classes];
        for (int y = 0; y < classes; y++) {
            if (!(prior[y] > 0)) throw new IllegalArgumentException("class " + y + " has no component of positive weight (labels must be 0.." + (classes - 1) + ")");
            int count = 0;
            for (int c : classOf) if (c == y) count++;
            double[] wy = new double[count];
            double[][] my = new double[count][], vy = new double[count][];
            for (int k = 0, j = 0; k < w.length; k++) {
                if (classOf[k] != y) continue;
                wy[j] = w[k];
                my[j] = m[k];
                vy[j++] = v[k];
            }
            classData[y] = new GaussianMixture(wy, my, vy);
            perClass[y] = new GmmMarginal(classData[y], schedule);
        }
        all = new GmmMarginal(data, schedule);
    }

    public GaussianMixture data() { return data; }
    public Schedule schedule() { return schedule; }
    public int dim() { return data.dim(); }

    /** Number of classes K. */
    public int classes() { return classes; }

    /** The class labels c(k) of the components (a copy). */
    public int[] classOf() { return classOf.clone(); }

    /** Class priors π_y = Σ_{c(k)=y} w_k. */
    public double[] classWeights() { return prior.clone(); }

    /** p(x | y), the mixture of class y's components with weights w_k/π_y. */
    public GaussianMixture classData(int y) { return classData[label(y)]; }

    /** The exact path of class y: p_t(x | y), u_t(x | y), ∇log p_t(x | y). */
    public GmmMarginal conditional(int y) { return perClass[label(y)]; }

    /** The exact path of the whole mixture: p_t(x), u_t(x), ∇log p_t(x). */
    public GmmMarginal unconditional() { return all; }

    /** The conditional velocity u_t(x | y). */
    public double[] velocity(double t, double[] x, int y) { return conditional(y).velocity(t, x); }

    /** The unconditional velocity u_t(x). */
    public double[] velocity(double t, double[] x) { return all.velocity(t, x); }

    /** ∇log p_t(x | y). */
    public double[] score(double t, double[] x, int y) { return conditional(y).score(t, x); }

    /** ∇log p_t(x). */
    public double[] score(double t, double[] x) { return all.score(t, x); }

    /** The exact classifier p_t(y | x) for every class y (sums to 1): Σ_{c(k)=y} γ_k^t(x). */
    public double[] classProbabilities(double t, double[] x) {
        Vectors.time(t);
        double[] gamma = all.marginal(t).responsibilities(checkX(x));
        double[] p = new double[classes];
        for (int k = 0; k < gamma.length; k++) p[classOf[k]] += gamma[k];
        return p;
    }

    /** ∇_x log p_t(y | x) = ∇log p_t(x | y) − ∇log p_t(x) (Bayes' rule; the class prior drops out). */
    public double[] classifierGradient(double t, double[] x, int y) {
        double[] sy = score(t, x, y), s = score(t, x);
        return Vectors.lin(1, sy, -1, s);
    }

    /** Classifier-free guided velocity (1 − w) u_t(x) + w u_t(x | y). */
    public double[] guidedVelocity(double t, double[] x, int y, double w) {
        return Guidance.classifierFree(velocity(t, x), velocity(t, x, y), w);
    }

    /**
     * Classifier-guided velocity: Tweedie's velocity of the score ∇log p_t(x) + w ∇log p_t(y | x)
     * (equal to {@link #guidedVelocity} for these exact fields; needs α_t &gt; 0).
     */
    public double[] classifierGuidedVelocity(double t, double[] x, int y, double w) {
        return Guidance.classifierGuided(schedule, t, x, score(t, x), classifierGradient(t, x, y), w);
    }

    /**
     * The guided field (t, x) ↦ (1 − w) u_t(x) + w u_t(x | y) on batches (finite on all of
     * [0, 1]; p_t is built once per call), for the ODE solvers.
     */
    public VectorField guidedField(int y, double w) {
        label(y);
        Require.finite("w", w);
        GmmMarginal cond = perClass[y];
        return (t, x) -> {
            double[][] u0 = all.velocity(t, x), u1 = cond.velocity(t, x);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = Guidance.classifierFree(u0[i], u1[i], w);
            return out;
        };
    }

    /**
     * The most probable class under the data, argmax_y p(y | x) (t = 1), for each row — e.g. to
     * measure how many guided samples land in their class.
     */
    public int[] classify(double[][] x) {
        int d = Require.nonEmptyBatch("x", x);
        if (d != dim()) throw new IllegalArgumentException("x has dimension " + d + ", expected " + dim());
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] p = classProbabilities(1, x[i]);
            int best = 0;
            for (int y = 1; y < classes; y++) if (p[y] > p[best]) best = y;
            out[i] = best;
        }
        return out;
    }

    /**
     * Labelled data: rows [x, y] of width d + 1 (component k drawn with weight w_k, x from it, its
     * label c(k) as a double in the last column) — the data rows of label-conditioned training
     * ({@code SameDiffObjective.of(model, d + 1, …)}).
     */
    public Sampleable labelledData() {
        int d = dim();
        double[][] m = data.means(), v = data.variances();
        return new Sampleable() {
            @Override public int dim() { return d + 1; }

            @Override public double[][] sample(int n, RandomGenerator rng) {
                Require.cells("n", n, "dimension d + 1", d + 1);
                if (rng == null) throw new IllegalArgumentException("rng must not be null");
                double[][] out = new double[n][d + 1];
                for (double[] row : out) {
                    int k = data.sampleComponent(rng);
                    for (int j = 0; j < d; j++) row[j] = m[k][j] + Math.sqrt(v[k][j]) * rng.nextGaussian();
                    row[d] = classOf[k];
                }
                return out;
            }

            @Override public String toString() { return "labelled rows [x, y] of " + LabelledGmmMarginal.this; }
        };
    }

    private int label(int y) {
        if (y < 0 || y >= classes) throw new IllegalArgumentException("y = " + y + " is outside [0, " + (classes - 1) + "]");
        return y;
    }

    private double[] checkX(double[] x) {
        return Require.finite("x", Require.dim("x", x, data.dim()));
    }

    @Override
    public String toString() {
        return "LabelledGmmMarginal(" + data.components() + " components in " + classes + " classes in R^" + dim() + ", " + schedule + ")";
    }
}
