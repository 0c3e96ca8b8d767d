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

    /**
     * ẑ = (x + β_t² s)/α_t; needs α_t &gt; 0.
     *
     * @throws IllegalArgumentException also when ẑ lies beyond the double range (e.g. α_t tiny at
     *                                  t = 4.9e-324, or x, score near ±1.8e308)
     */
    public double[] posteriorMeanFromScore(double t, double[] x, double[] score) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "score", score);
        double a = alpha(t), b = schedule.beta(t);
        double[] r = Vectors.lin(1 / a, x, b * b / a, score);
        if (!Vectors.allFinite(r)) {
            for (int j = 0; j < r.length; j++) r[j] = Vectors.scaled(new double[]{a}, Vectors.term(x[j]), Vectors.term(b, b, score[j]));
            if (!Vectors.allFinite(r)) {
                throw Vectors.notFinite("the posterior mean (x + beta_t^2 score)/alpha_t", "t", t, r, "alpha_t = " + a + ", beta_t = " + b, "x, score");
            }
        }
        return r;
    }

    /** s = (α_t ẑ − x)/β_t²; needs β_t &gt; 0. @throws IllegalArgumentException also when s lies beyond the double range */
    public double[] scoreFromPosteriorMean(double t, double[] x, double[] posteriorMean) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "posteriorMean", posteriorMean);
        double b = beta(t), a = schedule.alpha(t);
        double[] r = Vectors.lin(-1 / (b * b), x, a / (b * b), posteriorMean);
        if (!Vectors.allFinite(r)) {
            for (int j = 0; j < r.length; j++) r[j] = Vectors.scaled(new double[]{b, b}, Vectors.term(a, posteriorMean[j]), Vectors.term(-1, x[j]));
            if (!Vectors.allFinite(r)) {
                throw Vectors.notFinite("the score (alpha_t posteriorMean - x)/beta_t^2", "t", t, r, "alpha_t = " + a + ", beta_t = " + b, "x, posteriorMean");
            }
        }
        return r;
    }

    /** u = (α̇_t − β̇_t α_t/β_t) ẑ + (β̇_t/β_t) x; needs β_t &gt; 0. @throws IllegalArgumentException also when u is not finite */
    public double[] velocityFromPosteriorMean(double t, double[] x, double[] posteriorMean) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "posteriorMean", posteriorMean);
        double b = beta(t);
        double r = schedule.betaDot(t) / b;
        double[] u = Vectors.lin(r, x, schedule.alphaDot(t) - r * schedule.alpha(t), posteriorMean);
        if (!Vectors.allFinite(u)) {
            // u = ((α̇β − β̇α) ẑ + β̇ x)/β
            double a = schedule.alpha(t), ad = schedule.alphaDot(t), bd = schedule.betaDot(t);
            for (int j = 0; j < u.length; j++) {
                u[j] = Vectors.scaled(new double[]{b}, Vectors.term(ad, b, posteriorMean[j]), Vectors.term(-bd, a, posteriorMean[j]), Vectors.term(bd, x[j]));
            }
            if (!Vectors.allFinite(u)) {
                throw Vectors.notFinite("the velocity", "t", t, u, "alpha_t = " + a + ", beta_t = " + b + ", alphaDot_t = " + ad + ", betaDot_t = " + bd,
                        "x, posteriorMean");
            }
        }
        return u;
    }

    /** ẑ = (β_t u − β̇_t x)/(α̇_t β_t − β̇_t α_t); needs α̇_t β_t − β̇_t α_t ≠ 0. @throws IllegalArgumentException also when ẑ is not finite */
    public double[] posteriorMeanFromVelocity(double t, double[] x, double[] velocity) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "velocity", velocity);
        double det = determinant(t);
        double b = schedule.beta(t), bd = schedule.betaDot(t);
        double[] r = Vectors.lin(-bd / det, x, b / det, velocity);
        if (!Vectors.allFinite(r)) {
            for (int j = 0; j < r.length; j++) r[j] = Vectors.scaled(new double[]{det}, Vectors.term(b, velocity[j]), Vectors.term(-bd, x[j]));
            if (!Vectors.allFinite(r)) {
                throw Vectors.notFinite("the posterior mean", "t", t, r, "beta_t = " + b + ", betaDot_t = " + bd + ", alphaDot*beta - betaDot*alpha = " + det,
                        "x, velocity");
            }
        }
        return r;
    }

    /** u = (α̇_t/α_t) x + β_t (α̇_t β_t/α_t − β̇_t) s; needs α_t &gt; 0. @throws IllegalArgumentException also when u is not finite */
    public double[] velocityFromScore(double t, double[] x, double[] score) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "score", score);
        double a = alpha(t), ad = schedule.alphaDot(t), b = schedule.beta(t), bd = schedule.betaDot(t);
        double cs = b * (ad * b / a - bd); // 0 · ∞ = NaN at β_t = 0 with infinite β̇_t is caught below
        double[] u = Vectors.lin(ad / a, x, cs, score);
        if (!Vectors.allFinite(u)) {
            // u = (α̇ x + α̇ β² s − β̇ α β s)/α
            for (int j = 0; j < u.length; j++) {
                u[j] = Vectors.scaled(new double[]{a}, Vectors.term(ad, x[j]), Vectors.term(ad, b, b, score[j]), Vectors.term(-bd, a, b, score[j]));
            }
            if (!Vectors.allFinite(u)) {
                throw Vectors.notFinite("the velocity", "t", t, u, "alpha_t = " + a + ", beta_t = " + b + ", alphaDot_t = " + ad + ", betaDot_t = " + bd,
                        "x, score");
            }
        }
        return u;
    }

    /** s = (α_t u − α̇_t x)/(β_t (α̇_t β_t − α_t β̇_t)); needs β_t &gt; 0 and α̇_t β_t − α_t β̇_t ≠ 0. @throws IllegalArgumentException also when s is not finite */
    public double[] scoreFromVelocity(double t, double[] x, double[] velocity) {
        t = Vectors.time(t);
        Vectors.pair("x", x, "velocity", velocity);
        double b = beta(t), det = determinant(t);
        double den = b * det;
        double a = schedule.alpha(t), ad = schedule.alphaDot(t);
        double[] s = Vectors.lin(-ad / den, x, a / den, velocity);
        if (!Vectors.allFinite(s)) {
            for (int j = 0; j < s.length; j++) s[j] = Vectors.scaled(new double[]{b, det}, Vectors.term(a, velocity[j]), Vectors.term(-ad, x[j]));
            if (!Vectors.allFinite(s)) {
                throw Vectors.notFinite("the score", "t", t, s, "alpha_t = " + a + ", beta_t = " + b + ", alphaDot_t = " + ad
                        + ", alphaDot*beta - betaDot*alpha = " + det, "x, velocity");
            }
        }
        return s;
    }

    /** Predicted noise E[ε | x_t = x] = −β_t s. @throws IllegalArgumentException also when it lies beyond the double range */
    public double[] noiseFromScore(double t, double[] score) {
        t = Vectors.time(t);
        Require.finite("score", score);
        double b = schedule.beta(t);
        double[] e = Vectors.lin(-b, score, 0, score);
        if (!Vectors.allFinite(e)) throw Vectors.notFinite("the predicted noise -beta_t score", "t", t, e, "beta_t = " + b, "score");
        return e;
    }

    /** s = −E[ε | x_t = x]/β_t; needs β_t &gt; 0. @throws IllegalArgumentException also when s lies beyond the double range */
    public double[] scoreFromNoise(double t, double[] noise) {
        t = Vectors.time(t);
        Require.finite("noise", noise);
        double b = beta(t);
        double[] s = Vectors.lin(-1 / b, noise, 0, noise);
        if (!Vectors.allFinite(s)) {
            for (int j = 0; j < s.length; j++) s[j] = Vectors.scaled(new double[]{b}, Vectors.term(-1, noise[j]));
            if (!Vectors.allFinite(s)) throw Vectors.notFinite("the score -noise/beta_t", "t", t, s, "beta_t = " + b, "noise");
        }
        return s;
    }

    /**
     * Tweedie's denoiser for y = x + η, η ~ N(0, σ² I) (seed 000 "Remark: Tweedie's formula"):
     * E[x | y] = y + σ² ∇log p(y), with p the density of y.
     *
     * @throws IllegalArgumentException also when E[x | y] lies beyond the double range (e.g. σ = 1e300)
     */
    public static double[] denoise(double[] y, double sigma, double[] scoreOfY) {
        Require.positive("sigma", sigma);
        Vectors.pair("y", y, "scoreOfY", scoreOfY);
        double[] r = Vectors.lin(1, y, sigma * sigma, scoreOfY);
        if (!Vectors.allFinite(r)) {
            for (int j = 0; j < r.length; j++) r[j] = Vectors.scaled(new double[]{1}, Vectors.term(y[j]), Vectors.term(sigma, sigma, scoreOfY[j]));
            if (!Vectors.allFinite(r)) {
                throw new IllegalArgumentException("sigma = " + sigma + ": E[x | y] = y + sigma^2 scoreOfY is not finite (it exceeds the double range for"
                        + " this sigma and these y, scoreOfY)");
            }
        }
        return r;
    }

    /** The velocity field u_t(x) built from a score field, row by row ({@link #velocityFromScore}). */
    public VectorField velocityFieldFromScore(VectorField score) {
        Vectors.notNull("score", score);
        return (t, x) -> {
            Require.nonEmptyBatch("x", x);
            double[][] s = score.apply(t, x);
            Vectors.rows("score(t, x)", s, x.length);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = velocityFromScore(t, x[i], s[i]);
            return out;
        };
    }

    /** The score field built from a velocity field, row by row ({@link #scoreFromVelocity}). */
    public VectorField scoreFieldFromVelocity(VectorField velocity) {
        Vectors.notNull("velocity", velocity);
        return (t, x) -> {
            Require.nonEmptyBatch("x", x);
            double[][] u = velocity.apply(t, x);
            Vectors.rows("velocity(t, x)", u, x.length);
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

    @Override public String toString() { return "Tweedie(" + schedule + ")"; }
}
