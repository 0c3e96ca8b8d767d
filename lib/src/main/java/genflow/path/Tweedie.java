package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

/**
 * Tweedie (Miyasawa) conversions between the posterior mean E[z | x_t = x], the marginal score
 * ∇log p_t(x), the predicted noise E[ε | x_t = x] and the marginal velocity u_t(x) of the Gaussian
 * path x_t = α_t z + β_t ε of a {@link Schedule} (seed 000 "Tweedie's formula"; seed 004 eqs. (21), (27)).
 * Writing ẑ = E[z | x], s = ∇log p_t(x), u = u_t(x):
 * <pre>
 *   α_t ẑ = x + β_t² s                                  (Tweedie)
 *   u = α̇_t ẑ + β̇_t E[ε | x] = (α̇_t − β̇_t α_t/β_t) ẑ + (β̇_t/β_t) x
 *   u = (α̇_t/α_t) x + β_t (α̇_t β_t/α_t − β̇_t) s
 * </pre>
 * For CondOT (α = t, β = 1 − t) the last line is u = x/t + ((1 − t)/t) s, which is seed 000's
 * formula: that slide also puts the noise at t = 0 (X_t = (1 − t) X_0 + t X_1, X_0 ~ N(0, I)).
 * Time direction: t = 0 noise, t = 1 data. Each method names the coefficient it divides by and
 * throws when that coefficient is 0 at t (e.g. α_0 = 0, β_1 = 0).
 */
public final class Tweedie {
    private final Schedule schedule;

    public Tweedie(Schedule schedule) {
        Vectors.notNull("schedule", schedule);
        this.schedule = schedule;
    }

    public Schedule schedule() { return schedule; }

    /** ẑ = (x + β_t² s)/α_t; needs α_t &gt; 0. */
    public double[] posteriorMeanFromScore(double t, double[] x, double[] score) {
        Vectors.time(t);
        Vectors.pair("x", x, "score", score);
        double a = alpha(t), b = schedule.beta(t);
        return Vectors.lin(1 / a, x, b * b / a, score);
    }

    /** s = (α_t ẑ − x)/β_t²; needs β_t &gt; 0. */
    public double[] scoreFromPosteriorMean(double t, double[] x, double[] posteriorMean) {
        Vectors.time(t);
        Vectors.pair("x", x, "posteriorMean", posteriorMean);
        double b = beta(t);
        return Vectors.lin(-1 / (b * b), x, schedule.alpha(t) / (b * b), posteriorMean);
    }

    /** u = (α̇_t − β̇_t α_t/β_t) ẑ + (β̇_t/β_t) x; needs β_t &gt; 0. */
    public double[] velocityFromPosteriorMean(double t, double[] x, double[] posteriorMean) {
        Vectors.time(t);
        Vectors.pair("x", x, "posteriorMean", posteriorMean);
        double r = schedule.betaDot(t) / beta(t);
        return finite("the velocity", t, Vectors.lin(r, x, schedule.alphaDot(t) - r * schedule.alpha(t), posteriorMean));
    }

    /** ẑ = (β_t u − β̇_t x)/(α̇_t β_t − β̇_t α_t); needs α̇_t β_t − β̇_t α_t ≠ 0. */
    public double[] posteriorMeanFromVelocity(double t, double[] x, double[] velocity) {
        Vectors.time(t);
        Vectors.pair("x", x, "velocity", velocity);
        double det = determinant(t);
        return finite("the posterior mean", t, Vectors.lin(-schedule.betaDot(t) / det, x, schedule.beta(t) / det, velocity));
    }

    /** u = (α̇_t/α_t) x + β_t (α̇_t β_t/α_t − β̇_t) s; needs α_t &gt; 0. */
    public double[] velocityFromScore(double t, double[] x, double[] score) {
        Vectors.time(t);
        Vectors.pair("x", x, "score", score);
        double a = alpha(t), ad = schedule.alphaDot(t), b = schedule.beta(t), bd = schedule.betaDot(t);
        double cs = b * (ad * b / a - bd); // 0 · ∞ = NaN at β_t = 0 with infinite β̇_t is caught below
        return finite("the velocity", t, Vectors.lin(ad / a, x, cs, score));
    }

    /** s = (α_t u − α̇_t x)/(β_t (α̇_t β_t − α_t β̇_t)); needs β_t &gt; 0 and α̇_t β_t − α_t β̇_t ≠ 0. */
    public double[] scoreFromVelocity(double t, double[] x, double[] velocity) {
        Vectors.time(t);
        Vectors.pair("x", x, "velocity", velocity);
        double den = beta(t) * determinant(t);
        return finite("the score", t, Vectors.lin(-schedule.alphaDot(t) / den, x, schedule.alpha(t) / den, velocity));
    }

    /** Predicted noise E[ε | x_t = x] = −β_t s. */
    public double[] noiseFromScore(double t, double[] score) {
        Vectors.time(t);
        Require.finite("score", score);
        double b = schedule.beta(t);
        return Vectors.lin(-b, score, 0, score);
    }

    /** s = −E[ε | x_t = x]/β_t; needs β_t &gt; 0. */
    public double[] scoreFromNoise(double t, double[] noise) {
        Vectors.time(t);
        Require.finite("noise", noise);
        return Vectors.lin(-1 / beta(t), noise, 0, noise);
    }

    /**
     * Tweedie's denoiser for y = x + η, η ~ N(0, σ² I) (seed 000 "Remark: Tweedie's formula"):
     * E[x | y] = y + σ² ∇log p(y), with p the density of y.
     */
    public static double[] denoise(double[] y, double sigma, double[] scoreOfY) {
        Require.positive("sigma", sigma);
        Vectors.pair("y", y, "scoreOfY", scoreOfY);
        return Vectors.lin(1, y, sigma * sigma, scoreOfY);
    }

    /** The velocity field u_t(x) built from a score field, row by row ({@link #velocityFromScore}). */
    public VectorField velocityFieldFromScore(VectorField score) {
        Vectors.notNull("score", score);
        return (t, x) -> {
            double[][] s = score.apply(t, x);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = velocityFromScore(t, x[i], s[i]);
            return out;
        };
    }

    /** The score field built from a velocity field, row by row ({@link #scoreFromVelocity}). */
    public VectorField scoreFieldFromVelocity(VectorField velocity) {
        Vectors.notNull("velocity", velocity);
        return (t, x) -> {
            double[][] u = velocity.apply(t, x);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = scoreFromVelocity(t, x[i], u[i]);
            return out;
        };
    }

    private double alpha(double t) {
        return Vectors.positiveCoefficient("alpha_t", schedule.alpha(t), t, "this conversion divides by alpha_t (" + schedule + ")");
    }

    private double beta(double t) {
        return Vectors.positiveCoefficient("beta_t", schedule.beta(t), t, "this conversion divides by beta_t (" + schedule + ")");
    }

    /** α̇_t β_t − β̇_t α_t (≥ 0 for increasing α and decreasing β). */
    private double determinant(double t) {
        double det = schedule.alphaDot(t) * schedule.beta(t) - schedule.betaDot(t) * schedule.alpha(t);
        if (det == 0 || !Double.isFinite(det)) {
            throw new IllegalArgumentException("t = " + t + " gives alphaDot*beta - betaDot*alpha = " + det + "; the conversion divides by it (" + schedule + ")");
        }
        return det;
    }

    private static double[] finite(String what, double t, double[] v) {
        return Vectors.requireFiniteResult(what, t, v);
    }

    @Override public String toString() { return "Tweedie(" + schedule + ")"; }
}
