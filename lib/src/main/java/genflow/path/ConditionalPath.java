package genflow.path;

import java.util.random.RandomGenerator;

/**
 * A conditional probability path as a loss uses it: given one time per row and a batch of data
 * points, {@link #sample} draws x_t and the regression target (the conditional velocity), in flow
 * time — t = 0 noise, t = 1 data — the one time convention of every flow-matching loss in genflow.
 * Implementations: {@link GaussianPath} (x_t = α_t data + β_t noise; it also takes given noise
 * points, {@link GaussianPath#sample(double[], double[][], double[][])}) and the flow-time view of
 * a {@link MeanRevertingPath} over a 1-D process such as Kac ({@link MeanRevertingPath#inFlowTime()}),
 * whose noise is the process itself and is drawn from {@code rng}.
 */
public interface ConditionalPath {
    /**
     * x_{t_i} and the target u_{t_i}(x_{t_i} | data_i, noise_i) for every row i, drawing the noise
     * from {@code rng}.
     *
     * @param t    one time in [0, 1] per row (flow time)
     * @param data data points x₁, [n][d], finite
     * @param rng  source of the noise
     * @throws IllegalArgumentException on bad arguments or where the target is not finite (e.g. a
     *                                  singular velocity at the data end t = 1)
     */
    PathSample sample(double[] t, double[][] data, RandomGenerator rng);

    /** {@link #sample(double[], double[][], RandomGenerator)} with the same time t for every row. */
    default PathSample sample(double t, double[][] data, RandomGenerator rng) {
        t = Vectors.time(t);
        if (data == null) throw new IllegalArgumentException("data must not be null");
        double[] ts = new double[data.length];
        java.util.Arrays.fill(ts, t);
        return sample(ts, data, rng);
    }
}
