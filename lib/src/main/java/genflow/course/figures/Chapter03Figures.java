package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.GaussianMixture;
import genflow.path.GmmMarginal;
import genflow.path.Tweedie;
import genflow.plot.Grid2D;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.knowm.xchart.internal.chartpart.Chart;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Figures of 03_tweedie. The prior is the 3-component GMM of the lecture ({@link #prior()}). */
public final class Chapter03Figures implements FigureSource {
    /** Noise level of the denoising figure. */
    public static final double SIGMA = 0.8;

    /** The lecture's prior: weights (0.5, 0.3, 0.2), means (−2, 0), (2, 1), (0.5, 3), isotropic std 0.4. */
    public static GaussianMixture prior() {
        return GaussianMixture.isotropic(new double[] {0.5, 0.3, 0.2},
                new double[][] {{-2, 0}, {2, 1}, {0.5, 3}}, new double[] {0.4, 0.4, 0.4});
    }

    /** The density of y = x + η, η ~ N(0, σ² I), x ~ prior: the same mixture with variances s_k² + σ². */
    public static GaussianMixture noisy(GaussianMixture prior, double sigma) {
        double[][] v = prior.variances();
        double[][] w = new double[v.length][v[0].length];
        for (int k = 0; k < v.length; k++) for (int j = 0; j < v[k].length; j++) w[k][j] = v[k][j] + sigma * sigma;
        return new GaussianMixture(prior.weights(), prior.means(), w);
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("03-tweedie-denoising", 3,
                        "Clean GMM samples x, noisy y = x + η (σ = 0.8) and Tweedie's denoised x̂(y) = y + σ²∇log p(y)",
                        seed -> {
                            GaussianMixture p = prior(), py = noisy(p, SIGMA);
                            RandomGenerator rng = Rngs.seeded(seed);
                            double[][] x = p.sample(300, rng);
                            double[][] y = new double[x.length][2], xh = new double[x.length][];
                            for (int i = 0; i < x.length; i++) {
                                for (int j = 0; j < 2; j++) y[i][j] = x[i][j] + SIGMA * rng.nextGaussian();
                                xh[i] = Tweedie.denoise(y[i], SIGMA, py.score(y[i]));
                            }
                            return Plots.scatter("Tweedie denoising, σ = " + SIGMA + " (seed " + seed + ")", "x₁", "x₂",
                                    Points.of("noisy y", y), Points.of("denoised x̂(y)", xh), Points.of("clean x", x));
                        }),
                LectureFigure.still("03-score-velocity-field", 0,
                        "CondOT path towards the GMM (t = 0 noise, t = 1 data): log p_t and the exact velocity v_t = x/t + ((1−t)/t)∇log p_t",
                        seed -> {
                            GmmMarginal m = new GmmMarginal(prior(), new LinearSchedule());
                            List<Chart<?, ?>> charts = new ArrayList<>();
                            for (double t : new double[] {0.4, 0.8}) {
                                Grid2D heat = Grid2D.square(-4, 4, 80);
                                charts.add(Plots.densityHeatMap("log p_t, t = " + t, "x₁", "x₂", heat,
                                        (a, b) -> m.logDensity(t, new double[] {a, b}), "log density"));
                                charts.add(Plots.vectorField("velocity v_t, t = " + t, "x₁", "x₂",
                                        Grid2D.square(-4, 4, 17), m.velocityField(), t));
                            }
                            return Panels.grid("Exact score and velocity of the CondOT path", 2, charts);
                        }),
                LectureFigure.still("03-posterior-mean", 7,
                        "Samples of X_t (CondOT, t = 0 noise) and their denoised predictions E[X_1 | X_t] at t = 0.2, 0.5, 0.8",
                        seed -> {
                            GmmMarginal m = new GmmMarginal(prior(), new LinearSchedule());
                            RandomGenerator rng = Rngs.seeded(seed);
                            List<Chart<?, ?>> charts = new ArrayList<>();
                            for (double t : new double[] {0.2, 0.5, 0.8}) {
                                double[][] xt = m.marginal(t).sample(300, rng);
                                double[][] e = new double[xt.length][];
                                for (int i = 0; i < xt.length; i++) e[i] = m.posteriorMean(t, xt[i]);
                                charts.add(Plots.scatter("t = " + t, "x₁", "x₂",
                                        Points.of("X_t", xt), Points.of("E[X₁ | X_t]", e)));
                            }
                            return Panels.grid("Denoised predictions sharpen as t → 1 (seed " + seed + ")", 3, charts);
                        }));
    }
}
