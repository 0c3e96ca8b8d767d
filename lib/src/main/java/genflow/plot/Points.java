package genflow.plot;


/**
 * A named set of 2-D points {@code double[n][2]} (n ≥ 1, finite), as drawn by a scatter plot.
 * The array is copied in.
 *
 * @param name   legend name, non-blank
 * @param points the points, row i = (x_i, y_i)
 */
public record Points(String name, double[][] points) {
    public Points {
        Plots.requireName("name", name);
        points = Plots.copyPoints("points", points);
    }

    /** {@code new Points(name, points)}. */
    public static Points of(String name, double[][] points) {
        return new Points(name, points);
    }

    /** Number of points. */
    public int size() {
        return points.length;
    }

    @Override
    public double[][] points() {
        double[][] c = new double[points.length][];
        for (int i = 0; i < c.length; i++) c[i] = points[i].clone();
        return c;
    }

    double[] xs() {
        double[] x = new double[points.length];
        for (int i = 0; i < x.length; i++) x[i] = points[i][0];
        return x;
    }

    double[] ys() {
        double[] y = new double[points.length];
        for (int i = 0; i < y.length; i++) y[i] = points[i][1];
        return y;
    }

}
