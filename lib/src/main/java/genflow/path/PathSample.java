package genflow.path;

/**
 * One training batch drawn from a conditional path: the points x_t and the regression target at
 * those points, row by row — what every flow-matching loss regresses its model on (Lipman et al.
 * 2023, "conditional flow matching"; Meta's flow_matching {@code path.sample(...)}; MIT 6.S184
 * lab 2). For the flow-matching paths the target is the conditional velocity
 * u_t(x_t | data, noise) in flow time (t = 0 noise, t = 1 data).
 *
 * @param xt     x_t, one row per data point, [n][d]
 * @param target the regression target at x_t, [n][d]
 */
public record PathSample(double[][] xt, double[][] target) {
    /**
     * Checks that both batches are present, rectangular, of the same shape [n][d] with d ≥ 1, and
     * finite (a NaN or ±∞ point or target would only surface later as a NaN loss).
     */
    public PathSample {
        if (xt == null || target == null) throw new IllegalArgumentException("xt and target must not be null");
        if (xt.length != target.length) throw new IllegalArgumentException("xt has " + xt.length + " rows, target " + target.length);
        if (xt.length > 0) {
            int d = genflow.math.Require.nonEmptyBatch("xt", xt);
            genflow.math.Require.batch("target", target, d);
        }
    }

    /** Number of rows n. */
    public int size() {
        return xt.length;
    }
}
