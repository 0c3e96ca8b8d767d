package genflow.plot;

/**
 * A named curve y(x) given by samples {@code x[i], y[i]} (same length ≥ 1, finite), drawn as a
 * line. Arrays are copied in and out.
 *
 * @param name legend name, non-blank
 * @param x    abscissae
 * @param y    ordinates, same length as {@code x}
 */
public record Curve(String name, double[] x, double[] y) {
    public Curve {
        Plots.requireName("name", name);
        x = Plots.copyFinite("x", x);
        y = Plots.copyFinite("y", y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got x.length = "
                    + x.length + ", y.length = " + y.length);
        }
    }

    /** {@code new Curve(name, x, y)}. */
    public static Curve of(String name, double[] x, double[] y) {
        return new Curve(name, x, y);
    }

    /** The curve (i, y[i]) for i = 0..n−1, e.g. a loss per training step. */
    public static Curve of(String name, double[] y) {
        if (y == null) throw new IllegalArgumentException("y must not be null");
        if (y.length == 0) throw new IllegalArgumentException("y must contain at least one value");
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new Curve(name, x, y);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    double[] xRaw() {
        return x;
    }

    double[] yRaw() {
        return y;
    }
}
