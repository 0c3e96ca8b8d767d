package genflow.schedule;

import genflow.math.Require;

/**
 * Variance-exploding (NCSN / VE-SDE) schedule, written in the flow-matching time direction.
 *
 * <p>The VE-SDE dX_s = √(d σ²(s)/ds) dW_s has X_s | X_0 = z ~ N(z, σ(s)² I) (up to the σ(0)² offset)
 * with the geometric noise level σ(s) = σ_min (σ_max/σ_min)^s, s = 0 data, s = 1 noise
 * (seed 003 "Variance Exploding SDE"; Song et al. 2021). With s = 1 − t:
 * <pre>
 *   α_t = 1,  β_t = σ(1 − t) = σ_min (σ_max/σ_min)^{1−t}.
 * </pre>
 * Convention, unlike the other schedules: the ends are NOT (α, β) = (0, 1) and (1, 0). At t = 0 the
 * path is N(z, σ_max² I), which is close to the prior N(0, σ_max² I) only when σ_max is much larger
 * than the data's spread; at t = 1 the data are blurred by σ_min &gt; 0. Sampling starts from
 * N(0, σ_max² I), not N(0, I). Time direction: t = 0 noise, t = 1 data.
 */
public final class VeSchedule implements Schedule {
    private final double sigmaMin;
    private final double sigmaMax;

    /**
     * @param sigmaMin noise level at the data end (t = 1), &gt; 0
     * @param sigmaMax noise level at the noise end (t = 0), ≥ sigmaMin
     */
    public VeSchedule(double sigmaMin, double sigmaMax) {
        this.sigmaMin = Require.positive("sigmaMin", sigmaMin);
        this.sigmaMax = Require.positive("sigmaMax", sigmaMax);
        if (sigmaMax < sigmaMin) throw new IllegalArgumentException("sigmaMax = " + sigmaMax + " must be >= sigmaMin = " + sigmaMin);
    }

    public double sigmaMin() { return sigmaMin; }
    public double sigmaMax() { return sigmaMax; }

    /** α_t = 1. */
    @Override public double alpha(double t) { Require.inRange("t", t, 0, 1); return 1; }

    /**
     * β_t = σ_min (σ_max/σ_min)^{1−t} (as exp(log σ_min + (1 − t) log(σ_max/σ_min)) when the ratio
     * overflows; β_t lies between σ_min and σ_max, so it is always finite).
     */
    @Override public double beta(double t) {
        Require.inRange("t", t, 0, 1);
        double b = sigmaMin * Math.pow(sigmaMax / sigmaMin, 1 - t);
        if (Double.isFinite(b) && b > 0) return b;
        return Math.exp(Math.log(sigmaMin) + (1 - t) * logRatio());
    }

    /** log(σ_max/σ_min), without forming the ratio when it overflows. */
    private double logRatio() {
        double r = sigmaMax / sigmaMin;
        return Double.isFinite(r) ? Math.log(r) : Math.log(sigmaMax) - Math.log(sigmaMin);
    }

    /** α̇_t = 0. */
    @Override public double alphaDot(double t) { Require.inRange("t", t, 0, 1); return 0; }

    /** β̇_t = −log(σ_max/σ_min) β_t. */
    @Override public double betaDot(double t) {
        double d = -logRatio() * beta(t);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("t = " + t + ": betaDot = −log(sigmaMax/sigmaMin)·beta_t exceeds the double range (sigmaMax = "
                    + sigmaMax + ", sigmaMin = " + sigmaMin + ")");
        }
        return d;
    }

    @Override public String toString() { return "VeSchedule(sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax + ")"; }
}
