package genflow.schedule;

/**
 * Scheduling functions f, g of the mean-reverting path X_t = f(t) X_0 + Y_{g(t)} over a 1-D noise
 * process Y started at 0 (seed 000, "Generative flows from 1D processes", Step 3), with
 * f(0) = 1, g(0) = 0 and f(1) ≈ 0, g(1) ≈ 1.
 *
 * <p>Time direction (as in seed 000 Step 3, OPPOSITE to {@link Schedule}): t = 0 data, t = 1 noise.
 *
 * <p>With Y a standard Brownian motion, Y_{g(t)} ~ N(0, g(t)), so X_t | X_0 = z ~ N(f(t) z, g(t) I):
 * the Gaussian path of a {@link Schedule} (α, β) is recovered by f(t) = α_{1−t}, g(t) = β_{1−t}²
 * (see {@link #fromSchedule}).
 */
public interface TimeChange {
    /** f(t), the weight of the data X_0. */
    double f(double t);

    /** ḟ(t) = df/dt. */
    double fDot(double t);

    /** g(t), the clock of the noise process. */
    double g(double t);

    /** ġ(t) = dg/dt. */
    double gDot(double t);

    /**
     * The flow-matching choice of seed 000: f(t) = 1 − t, g(t) = t². With Brownian Y this is the
     * CondOT path X_t = (1 − t) X_0 + t Z, Z ~ N(0, I) (t = 0 data).
     */
    static TimeChange flowMatching() { return new FlowMatchingTimeChange(); }

    /**
     * The diffusion (Ornstein–Uhlenbeck / VP-SDE) choice of seed 000: f(t) = exp(−h(t)/2),
     * g(t) = 1 − exp(−h(t)), h(t) = β_min t + ½ (β_max − β_min) t². With Brownian Y, X_t has the law of
     * the VP-SDE dX = −½ b(t) X dt + √b(t) dW started at X_0 (t = 0 data).
     *
     * @param betaMin rate b(0) ≥ 0
     * @param betaMax rate b(1) ≥ betaMin, &gt; 0
     */
    static TimeChange ornsteinUhlenbeck(double betaMin, double betaMax) { return new OuTimeChange(betaMin, betaMax); }

    /** {@link #ornsteinUhlenbeck(double, double)} with β_min = 0.1, β_max = 20. */
    static TimeChange ornsteinUhlenbeck() { return new OuTimeChange(0.1, 20); }

    /**
     * The time change whose Brownian mean-reverting path equals the Gaussian path of {@code schedule}
     * with the time flipped: f(t) = α_{1−t}, g(t) = β_{1−t}², hence ḟ(t) = −α̇_{1−t} and
     * ġ(t) = −2 β_{1−t} β̇_{1−t}.
     * Where β_{1−t} = 0 and β̇_{1−t} is infinite (VP, cosine at the data end) ġ is undefined and
     * {@code gDot} throws; use {@link #ornsteinUhlenbeck} for the VP case.
     */
    static TimeChange fromSchedule(Schedule schedule) { return new ScheduleTimeChange(schedule); }
}
