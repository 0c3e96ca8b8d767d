package genflow.dist;

/** A distribution on R^d with a known (possibly unnormalised) log density and its score. */
public interface Density {
    /** Dimension d. */
    int dim();

    /** log p(x). */
    double logDensity(double[] x);

    /** The score ∇_x log p(x), a vector of length d. */
    double[] score(double[] x);
}
