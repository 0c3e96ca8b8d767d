package genflow.dist;

import java.util.random.RandomGenerator;

/** A distribution on R^d that can draw samples. */
public interface Sampleable {
    /** Dimension d of the samples. */
    int dim();

    /** Draws {@code n} independent samples as an array {@code [n][d]}. */
    double[][] sample(int n, RandomGenerator rng);
}
