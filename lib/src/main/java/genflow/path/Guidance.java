package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

/**
 * Guided velocity fields for conditional generation (chapter 10; Dhariwal &amp; Nichol 2021,
 * classifier guidance; Ho &amp; Salimans 2022, classifier-free guidance; MIT 6.S184 lecture 4).
 * For a Gaussian path x_t = α_t z + β_t ε, Bayes' rule splits the conditional score,
 * ∇log p_t(x | y) = ∇log p_t(x) + ∇log p_t(y | x), and Tweedie's affine map
 * u = a_t x + b_t s (see {@link Tweedie}) carries the split over to the velocities:
 * <pre>
 *   u_t(x | y) = u_t(x) + b_t ∇log p_t(y | x),      b_t = β_t (α̇_t β_t/α_t − β̇_t)
 *                                                  (CondOT: b_t = (1 − t)/t)
 * </pre>
 * Guidance with scale w scales the classifier term:
 * <pre>
 *   ũ_t(x | y) = u_t(x) + w b_t ∇log p_t(y | x)       (classifier guidance: score s + w ∇log p_t(y|x))
 *              = (1 − w) u_t(x | ∅) + w u_t(x | y)     (classifier-free guidance)
 * </pre>
 * The two coincide for exact fields; w = 0 is unconditional, w = 1 conditional, w &gt; 1
 * over-emphasises the class (the guided score is that of p_t(x) p_t(y | x)^w). Time direction:
 * t = 0 noise, t = 1 data.
 */
public final class Guidance {
    private Guidance() {}

    /** Classifier-free guidance ũ = (1 − w) u(∅) + w u(y) = u(∅) + w (u(y) − u(∅)) for one point. */
    public static double[] classifierFree(double[] unconditional, double[] conditional, double w) {
        Vectors.pair("unconditional", unconditional, "conditional", conditional);
        Require.finite("w", w);
        return Vectors.lin(1 - w, unconditional, w, conditional);
    }

    /**
     * The classifier-free guided field (t, x) ↦ (1 − w) u_t(x | ∅) + w u_t(x | y) from the
     * unconditional and the conditional field (two evaluations per call).
     */
    public static VectorField classifierFree(VectorField unconditional, VectorField conditional, double w) {
        Vectors.notNull("unconditional", unconditional);
        Vectors.notNull("conditional", conditional);
        Require.finite("w", w);
        return (t, x) -> {
            Require.nonEmptyBatch("x", x);
            double[][] u0 = unconditional.apply(t, x), u1 = conditional.apply(t, x);
            if (u0 == null || u1 == null || u0.length != x.length || u1.length != x.length) {
                throw new IllegalArgumentException("the fields must return one row per point (" + x.length + ")");
            }
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = classifierFree(u0[i], u1[i], w);
            return out;
        };
    }

    /**
     * b_t = β_t (α̇_t β_t/α_t − β̇_t), the coefficient of the score in Tweedie's velocity
     * u = (α̇_t/α_t) x + b_t s; so u_t(x | y) − u_t(x) = b_t ∇log p_t(y | x). Needs α_t &gt; 0.
     */
    public static double scoreCoefficient(Schedule schedule, double t) {
        Vectors.notNull("schedule", schedule);
        Vectors.time(t);
        double a = Vectors.positiveCoefficient("alpha_t", schedule.alpha(t), t, "b_t divides by alpha_t (" + schedule + ")");
        double b = schedule.beta(t);
        double c = b * (schedule.alphaDot(t) * b / a - schedule.betaDot(t));
        if (!Double.isFinite(c)) throw new IllegalArgumentException("t = " + t + " gives b_t = " + c + " (" + schedule + ")");
        return c;
    }

    /**
     * Classifier guidance for one point: the velocity of the guided score s + w ∇log p_t(y | x)
     * through Tweedie, ũ = (α̇_t/α_t) x + b_t (s + w ∇log p_t(y | x)). Needs α_t &gt; 0 (the
     * formula divides by it; near t = 0 use the classifier-free form, which is finite).
     *
     * @param score              the unconditional score ∇log p_t(x)
     * @param classifierGradient ∇_x log p_t(y | x)
     */
    public static double[] classifierGuided(Schedule schedule, double t, double[] x, double[] score, double[] classifierGradient, double w) {
        Vectors.notNull("schedule", schedule);
        Vectors.pair("x", x, "score", score);
        Vectors.pair("x", x, "classifierGradient", classifierGradient);
        Require.finite("w", w);
        double[] guided = Vectors.lin(1, score, w, classifierGradient);
        return new Tweedie(schedule).velocityFromScore(t, x, guided);
    }
}
