package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.plot.AxisScale;
import genflow.plot.Curve;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.process.KacDiagnostics;
import genflow.process.KacProcess;
import genflow.process.SamplePaths;
import genflow.random.Rngs;
import genflow.plot.Export;
import org.knowm.xchart.XYChart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Figures of 06_kac_flows (seed 000 "Generative flows from 1D processes", seed 001 "Kac model and
 * telegrapher's equation"). Time runs forward from 0 (the Kac process started at 0).
 */
public final class Chapter06Figures implements FigureSource {
    /** The (a, c) pairs of seed 000 Figure 1. */
    static final double[][] PAIRS = {{1, 1}, {2, 1}, {4, 2}, {25, 5}};

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("06-kac-paths", 1,
                        "Componentwise 2-D Kac walks up to T = 10 for (a, c) = (1,1), (2,1), (4,2), (25,5) next to Brownian motion, and the x-coordinates against time",
                        Chapter06Figures::kacPaths),
                LectureFigure.still("06-telegrapher-density", 2,
                        "Exact Kac samples (a = 2, c = 1) against the telegrapher density p_t, and the fraction of samples on the atoms ±ct against e^{-at}",
                        Chapter06Figures::telegrapherDensity),
                LectureFigure.still("06-velocity-norm", 0,
                        "Kinetic energy ‖v_t‖² of Kac flows (bounded by c²) and of diffusion σ²/(4t) (unbounded as t → 0)",
                        seed -> velocityNorm()),
                LectureFigure.animation("06-kac-vs-diffusion", 4,
                        "Ten 2-D Kac paths (a = 4, c = 2) and ten Brownian paths (σ² = c²/a = 1) growing up to t = 3",
                        200, Chapter06Figures::kacVsDiffusionFrames));
    }

    private static double[] every(double[] x, int k) {
        double[] out = new double[(x.length - 1) / k + 1];
        for (int i = 0; i < out.length; i++) out[i] = x[i * k];
        return out;
    }

    static Object kacPaths(long seed) {
        double dt = 0.002, T = 10;
        int steps = (int) Math.round(T / dt), thin = 10;
        RandomGenerator rng = Rngs.seeded(seed);
        List<XYChart> charts = new ArrayList<>();
        List<Curve> oneDim = new ArrayList<>();
        double[] times = every(SamplePaths.times(dt, steps), thin);
        for (double[] ac : PAIRS) {
            double[] x = SamplePaths.kacWalk(ac[0], ac[1], dt, steps, rng);
            double[] y = SamplePaths.kacWalk(ac[0], ac[1], dt, steps, rng);
            String name = String.format("a = %s, c = %s", fmt(ac[0]), fmt(ac[1]));
            XYChart ch = Plots.lines("Kac, " + name, "x₁", "x₂", Curve.of(name, every(x, thin), every(y, thin)));
            charts.add(ch);
            oneDim.add(Curve.of(name, times, every(x, thin)));
        }
        double[] bx = SamplePaths.brownian(1, dt, steps, rng), by = SamplePaths.brownian(1, dt, steps, rng);
        charts.add(Plots.lines("Brownian motion", "x₁", "x₂", Curve.of("W", every(bx, thin), every(by, thin))));
        oneDim.add(Curve.of("Brownian", times, every(bx, thin)));
        charts.add(Plots.lines("x-coordinate against time", "t", "x₁", oneDim.toArray(new Curve[0])));
        return Panels.grid("Kac walks (reversal probability aΔt, Δt = 0.002) and Brownian motion, seed " + seed, 3, charts);
    }

    static Object telegrapherDensity(long seed) {
        KacProcess kac = KacProcess.of(2, 1);
        RandomGenerator rng = Rngs.seeded(seed);
        List<XYChart> charts = new ArrayList<>();
        int n = 20_000;
        for (double t : new double[]{0.25, 1, 2.5}) {
            double[] s = kac.sampleBatch(t, n, rng);
            double ct = kac.c() * t, eps = 1e-9 * ct;
            // the range excludes the atoms at ±ct, which still count in n: bars estimate p_t itself
            charts.add(Plots.histogram(String.format("t = %s (atoms e^{-at} = %.3f)", fmt(t), kac.atomMass(t)), "x")
                    .bins(40).range(-ct + eps, ct - eps)
                    .sample("20,000 exact samples", s)
                    .density("telegrapher density p_t", x -> kac.density(t, x))
                    .build());
        }
        double[] ts = new double[12], frac = new double[12], exact = new double[12];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 0.1 + 0.2 * i;
            double[] s = kac.sampleBatch(ts[i], 5000, rng);
            int on = 0;
            for (double v : s) if (Math.abs(v) == kac.c() * ts[i]) on++;
            frac[i] = (double) on / s.length;
            exact[i] = kac.atomMass(ts[i]);
        }
        charts.add(Plots.lines("Mass on the atoms ±ct", "t", "P(|K_t| = ct)", AxisScale.LOG_Y,
                Curve.of("simulated (5,000 samples)", ts, frac), Curve.of("e^{-at}", ts, exact)));
        return Panels.grid("Kac process a = 2, c = 1: histograms vs telegrapher density (seed " + seed + ")", 2, charts);
    }

    static Object velocityNorm() {
        int m = 60;
        double[] t = new double[m];
        for (int i = 0; i < m; i++) t[i] = Math.pow(10, -3 + 3.5 * i / (m - 1));
        List<Curve> curves = new ArrayList<>();
        for (double[] ac : new double[][]{{1, 1}, {4, 2}, {25, 5}}) {
            KacProcess kac = KacProcess.of(ac[0], ac[1]);
            double[] e = new double[m];
            for (int i = 0; i < m; i++) e[i] = KacDiagnostics.velocityNormSquared(kac, t[i]);
            curves.add(Curve.of(String.format("Kac a = %s, c = %s (bound c² = %s)", fmt(ac[0]), fmt(ac[1]), fmt(ac[1] * ac[1])), t, e));
        }
        double[] d = new double[m];
        for (int i = 0; i < m; i++) d[i] = KacDiagnostics.diffusionVelocityNormSquared(1, t[i]);
        curves.add(Curve.of("diffusion σ²/(4t), σ² = c²/a = 1", t, d));
        return Plots.lines("Kinetic energy ‖v_t‖² of the flow started at δ₀", "t", "‖v_t‖² in L²(μ_t)", AxisScale.LOG_LOG,
                curves.toArray(new Curve[0]));
    }

    static List<?> kacVsDiffusionFrames(long seed) {
        double a = 4, c = 2, T = 3, dt = 0.005;
        int steps = (int) Math.round(T / dt), paths = 10, frames = 12;
        RandomGenerator rng = Rngs.seeded(seed);
        double[][][] kac = new double[paths][2][], bm = new double[paths][2][];
        for (int p = 0; p < paths; p++) {
            kac[p][0] = SamplePaths.kacWalk(a, c, dt, steps, rng);
            kac[p][1] = SamplePaths.kacWalk(a, c, dt, steps, rng);
            bm[p][0] = SamplePaths.brownian(Math.sqrt(c * c / a), dt, steps, rng);
            bm[p][1] = SamplePaths.brownian(Math.sqrt(c * c / a), dt, steps, rng);
        }
        double lim = 0;
        for (double[][][] set : new double[][][][]{kac, bm}) for (double[][] p : set) for (double[] x : p) for (double v : x) lim = Math.max(lim, Math.abs(v));
        lim = Math.ceil(lim + 0.5);
        List<Object> out = new ArrayList<>();
        for (int f = 1; f <= frames; f++) {
            int k = steps * f / frames;
            double t = k * dt;
            // frames as small images (two 400×360 panels): GIF encoding time grows with the pixel count
            BufferedImage img = new BufferedImage(800, 360, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.drawImage(Export.image(frame(String.format("Kac, a = 4, c = 2 (t = %.2f)", t), kac, k, lim), 400, 360), 0, 0, null);
            g.drawImage(Export.image(frame(String.format("Brownian, σ = 1 (t = %.2f)", t), bm, k, lim), 400, 360), 400, 0, null);
            g.dispose();
            out.add(img);
        }
        return out;
    }

    private static XYChart frame(String title, double[][][] paths, int k, double lim) {
        Curve[] curves = new Curve[paths.length];
        for (int p = 0; p < paths.length; p++) {
            int len = k / 2 + 1; // every second grid point
            double[] x = new double[len], y = new double[len];
            for (int i = 0; i < len; i++) { x[i] = paths[p][0][2 * i]; y[i] = paths[p][1][2 * i]; }
            curves[p] = Curve.of("path " + (p + 1), x, y);
        }
        XYChart ch = Plots.lines(title, "x₁", "x₂", curves);
        ch.getStyler().setLegendVisible(false);
        ch.getStyler().setXAxisMin(-lim).setXAxisMax(lim).setYAxisMin(-lim).setYAxisMax(lim);
        return ch;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
