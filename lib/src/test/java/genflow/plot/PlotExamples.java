package genflow.plot;

import genflow.dist.GaussianMixture;
import genflow.random.Rngs;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One seeded example of each plot type, shared by the tests and by {@link #main} (which writes
 * them to a folder so they can be looked at, and is also run in a fresh JVM by the
 * reproducibility test).
 */
final class PlotExamples {
    private PlotExamples() {}

    static GaussianMixture eightGaussians() {
        double[][] means = new double[8][];
        for (int k = 0; k < 8; k++) {
            double a = 2 * Math.PI * k / 8;
            means[k] = new double[] {2 * Math.cos(a), 2 * Math.sin(a)};
        }
        return GaussianMixture.isotropic(means, 0.25);
    }

    static double[][] gaussian(int n, RandomGenerator rng) {
        double[][] x = new double[n][2];
        for (double[] r : x) {
            r[0] = rng.nextGaussian();
            r[1] = rng.nextGaussian();
        }
        return x;
    }

    static XYChart scatter() {
        RandomGenerator rng = Rngs.seeded(1);
        return Plots.scatter("Data and noise", "x₁", "x₂",
                Points.of("data (8 Gaussians)", eightGaussians().sample(800, rng)),
                Points.of("noise N(0, I)", gaussian(800, rng)));
    }

    /** Global error at T = 1 of Euler and Heun for y' = y, y(0) = 1, against step size h. */
    static XYChart convergence() {
        int m = 7;
        double[] h = new double[m], euler = new double[m], heun = new double[m];
        for (int k = 0; k < m; k++) {
            int n = 4 << k;
            h[k] = 1.0 / n;
            double ye = 1, yh = 1;
            for (int i = 0; i < n; i++) {
                ye += h[k] * ye;
                double pred = yh + h[k] * yh;
                yh += 0.5 * h[k] * (yh + pred);
            }
            euler[k] = Math.abs(ye - Math.E);
            heun[k] = Math.abs(yh - Math.E);
        }
        return Plots.lines("Global error at T = 1 for y' = y", "step size h", "|y_N − e|", AxisScale.LOG_LOG,
                Curve.of("Euler (order 1)", h, euler), Curve.of("Heun (order 2)", h, heun));
    }

    static XYChart histogram() {
        RandomGenerator rng = Rngs.seeded(2);
        double[] v = new double[4000];
        for (int i = 0; i < v.length; i++) v[i] = rng.nextGaussian();
        return Plots.histogram("Samples against the N(0, 1) density", "x")
                .bins(40).range(-4, 4)
                .sample("4000 samples", v)
                .density("N(0, 1) pdf", x -> Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI))
                .build();
    }

    static HeatMapChart2D heatMap() {
        GaussianMixture gmm = eightGaussians();
        RandomGenerator rng = Rngs.seeded(3);
        return Plots.densityHeatMap("8-Gaussian density with samples", "x₁", "x₂",
                Grid2D.square(-3.2, 3.2, 160), (x, y) -> Math.exp(gmm.logDensity(new double[] {x, y})), "p(x)",
                Points.of("samples", gmm.sample(200, rng)));
    }

    static XYChart vectorField() {
        RandomGenerator rng = Rngs.seeded(4);
        return Plots.vectorField("Velocity field v(t, x) = (−x₂, x₁) − 0.3 x", "x₁", "x₂",
                Grid2D.square(-2, 2, 15),
                (t, x) -> {
                    double[][] v = new double[x.length][2];
                    for (int i = 0; i < x.length; i++) {
                        v[i][0] = -x[i][1] - 0.3 * x[i][0];
                        v[i][1] = x[i][0] - 0.3 * x[i][1];
                    }
                    return v;
                }, 0.5, Points.of("particles", gaussian(150, rng)));
    }

    static XYChart trajectories() {
        RandomGenerator rng = Rngs.seeded(5);
        int n = 120, steps = 40;
        double[][] x0 = gaussian(n, rng);
        double[][] x1 = eightGaussians().sample(n, rng);
        double[][][] snaps = new double[steps + 1][n][2];
        for (int k = 0; k <= steps; k++) {
            double t = (double) k / steps;
            for (int i = 0; i < n; i++) {
                double bend = 0.6 * t * (1 - t);
                double mx = (1 - t) * x0[i][0] + t * x1[i][0], my = (1 - t) * x0[i][1] + t * x1[i][1];
                snaps[k][i][0] = mx - bend * my;
                snaps[k][i][1] = my + bend * mx;
            }
        }
        return Plots.trajectoriesFromSnapshots("Paths from noise (t = 0) to data (t = 1)", "x₁", "x₂", snaps, n);
    }

    static XYChart loss() {
        double[] loss = new double[500];
        RandomGenerator rng = Rngs.seeded(6);
        for (int i = 0; i < loss.length; i++) loss[i] = 0.9 + 2.0 * Math.exp(-i / 60.0) + 0.05 * Math.abs(rng.nextGaussian());
        return Plots.lossCurve("Training loss", loss);
    }

    static Figure panels() {
        return Panels.grid("Flow matching at a glance", 2, scatter(), heatMap(), vectorField(), trajectories());
    }

    static List<XYChart> frames() {
        RandomGenerator rng = Rngs.seeded(7);
        int n = 300;
        double[][] x0 = gaussian(n, rng);
        double[][] x1 = eightGaussians().sample(n, rng);
        List<XYChart> frames = new ArrayList<>();
        for (int k = 0; k <= 5; k++) {
            double t = k / 5.0;
            double[][] xt = new double[n][2];
            for (int i = 0; i < n; i++) {
                xt[i][0] = (1 - t) * x0[i][0] + t * x1[i][0];
                xt[i][1] = (1 - t) * x0[i][1] + t * x1[i][1];
            }
            XYChart c = Plots.scatter(String.format(java.util.Locale.ROOT, "x_t at t = %.1f", t), "x₁", "x₂", xt);
            c.getStyler().setXAxisMin(-3.0).setXAxisMax(3.0).setYAxisMin(-3.0).setYAxisMax(3.0);
            frames.add(c);
        }
        return frames;
    }

    static Map<String, Chart<?, ?>> all() {
        Map<String, Chart<?, ?>> m = new LinkedHashMap<>();
        m.put("scatter", scatter());
        m.put("lines-loglog", convergence());
        m.put("loss", loss());
        m.put("histogram", histogram());
        m.put("heatmap", heatMap());
        m.put("vectorfield", vectorField());
        m.put("trajectories", trajectories());
        return m;
    }

    /** Writes every example as PNG and SVG (and the panel figure and GIF) into {@code args[0]}. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/plot-examples");
        java.util.Set<String> only = new java.util.HashSet<>(java.util.Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        for (Map.Entry<String, Chart<?, ?>> e : all().entrySet()) {
            if (!only.isEmpty() && !only.contains(e.getKey())) continue;
            Export.png(e.getValue(), dir.resolve(e.getKey() + ".png"));
            Export.svg(e.getValue(), dir.resolve(e.getKey() + ".svg"));
        }
        if (!only.isEmpty()) return;
        Figure f = panels();
        Export.png(f, dir.resolve("panels.png"));
        Export.svg(f, dir.resolve("panels.svg"));
        Gif.write(frames(), dir.resolve("interpolation.gif"), 400);
    }
}
