package genflow.plot;

import genflow.math.Require;

/**
 * A rectangle [xMin, xMax] × [yMin, yMax] cut into nx × ny equal cells; functions and vector
 * fields are sampled at the cell centres x_i = xMin + (i + ½)Δx, y_j = yMin + (j + ½)Δy.
 * Immutable.
 */
public final class Grid2D {
    private final double xMin, xMax, yMin, yMax;
    private final int nx, ny;

    private Grid2D(double xMin, double xMax, double yMin, double yMax, int nx, int ny) {
        Require.finite("xMin", xMin);
        Require.finite("xMax", xMax);
        Require.finite("yMin", yMin);
        Require.finite("yMax", yMax);
        if (!(xMax > xMin)) throw new IllegalArgumentException("xMax = " + xMax + " must be > xMin = " + xMin);
        if (!(yMax > yMin)) throw new IllegalArgumentException("yMax = " + yMax + " must be > yMin = " + yMin);
        if (!Double.isFinite(xMax - xMin)) throw new IllegalArgumentException("xMax - xMin must be finite (xMin = " + xMin + ", xMax = " + xMax + ")");
        if (!Double.isFinite(yMax - yMin)) throw new IllegalArgumentException("yMax - yMin must be finite (yMin = " + yMin + ", yMax = " + yMax + ")");
        Require.atLeast("nx", nx, 1);
        Require.atLeast("ny", ny, 1);
        if ((long) nx * ny > MAX_CELLS) {
            throw new IllegalArgumentException("nx * ny = " + ((long) nx * ny) + " must be <= " + MAX_CELLS);
        }
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.nx = nx;
        this.ny = ny;
    }

    /** The square [lo, hi]² with n × n cells. */
    public static Grid2D square(double lo, double hi, int n) {
        extent("lo", lo, "hi", hi);
        if (n < 1) throw new IllegalArgumentException("n = " + n + " must be >= 1 (nx = " + n + ", ny = " + n + ")");
        if ((long) n * n > MAX_CELLS) throw new IllegalArgumentException("n = " + n + ": n² = " + (long) n * n + " cells must be <= " + MAX_CELLS);
        return new Grid2D(lo, hi, lo, hi, n, n);
    }

    /** Largest number of cells nx·ny. */
    public static final long MAX_CELLS = 4_000_000L;

    /** A finite extent min &lt; max whose width max − min is finite; the message names the parameters. */
    private static void extent(String minName, double min, String maxName, double max) {
        Require.finite(minName, min);
        Require.finite(maxName, max);
        if (!(max > min)) {
            throw new IllegalArgumentException(maxName + " = " + max + " must be > " + minName + " = " + min + " (xMax > xMin, yMax > yMin)");
        }
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException(maxName + " - " + minName + " must be finite (" + minName + " = " + min + ", " + maxName + " = " + max + ")");
        }
    }

    /** Starts a builder for a general rectangle. */
    public static Builder builder() {
        return new Builder();
    }

    public double xMin() { return xMin; }
    public double xMax() { return xMax; }
    public double yMin() { return yMin; }
    public double yMax() { return yMax; }
    public int nx() { return nx; }
    public int ny() { return ny; }

    /** Cell width Δx = (xMax − xMin)/nx. */
    public double dx() {
        return (xMax - xMin) / nx;
    }

    /** Cell height Δy = (yMax − yMin)/ny. */
    public double dy() {
        return (yMax - yMin) / ny;
    }

    /** Centre abscissa of column i ∈ [0, nx). */
    public double x(int i) {
        if (i < 0 || i >= nx) throw new IllegalArgumentException("i = " + i + " is outside [0, " + (nx - 1) + "]");
        return xMin + (i + 0.5) * dx();
    }

    /** Centre ordinate of row j ∈ [0, ny). */
    public double y(int j) {
        if (j < 0 || j >= ny) throw new IllegalArgumentException("j = " + j + " is outside [0, " + (ny - 1) + "]");
        return yMin + (j + 0.5) * dy();
    }

    /** All cell centres as a batch {@code double[nx*ny][2]}, row index k = j*nx + i. */
    public double[][] centres() {
        double[][] p = new double[nx * ny][];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) p[j * nx + i] = new double[] {x(i), y(j)};
        }
        return p;
    }

    @Override
    public String toString() {
        return "Grid2D[" + xMin + ", " + xMax + "] x [" + yMin + ", " + yMax + "], " + nx + " x " + ny;
    }

    /** Builder: {@code Grid2D.builder().x(-3, 3).y(-2, 2).cells(120, 80).build()}. */
    public static final class Builder {
        private double xMin = -1, xMax = 1, yMin = -1, yMax = 1;
        private int nx = 100, ny = 100;

        private Builder() {}

        /** Horizontal extent (default [−1, 1]). */
        public Builder x(double min, double max) {
            extent("min", min, "max", max);
            this.xMin = min;
            this.xMax = max;
            return this;
        }

        /** Vertical extent (default [−1, 1]). */
        public Builder y(double min, double max) {
            extent("min", min, "max", max);
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        /** Number of cells along x and y (default 100 × 100). */
        public Builder cells(int nx, int ny) {
            Require.atLeast("nx", nx, 1);
            Require.atLeast("ny", ny, 1);
            if ((long) nx * ny > MAX_CELLS) throw new IllegalArgumentException("nx * ny = " + ((long) nx * ny) + " must be <= " + MAX_CELLS);
            this.nx = nx;
            this.ny = ny;
            return this;
        }

        public Grid2D build() {
            return new Grid2D(xMin, xMax, yMin, yMax, nx, ny);
        }
    }
}
