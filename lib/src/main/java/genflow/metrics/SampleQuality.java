package genflow.metrics;

import genflow.dist.Sampleable;
import genflow.math.Require;
import genflow.random.Rngs;

/**
 * Quality of a generated sample, printed next to a reference: the sliced W₂ (200 directions) and
 * the unbiased energy distance of n generated points against n fresh target points, and the same
 * two numbers between two fresh target samples of size n — the value a perfect generator would
 * get — as mean ± standard deviation over several seeds. A metric between finite samples is never
 * 0, so only the comparison with this reference says whether a model is good: the course's quality
 * gate is {@link Reference#ratio(Score)} = SW₂(model) / mean SW₂(reference) ≤ 1.5.
 */
public final class SampleQuality {
    private SampleQuality() {}

    /** Directions of the sliced W₂. */
    public static final int PROJECTIONS = 200;

    /** The two metrics of one generated sample against one target sample. */
    public record Score(double slicedW2, double energyDistance) {
        public Score {
            Require.nonNegative("slicedW2", slicedW2);
            Require.finite("energyDistance", energyDistance);
        }
    }

    /** The metrics between two fresh target samples: mean and standard deviation over {@code seeds} seeds. */
    public record Reference(int n, int seeds, double slicedW2Mean, double slicedW2Sd, double energyMean, double energySd) {
        public Reference {
            Require.atLeast("n", n, 2);
            Require.atLeast("seeds", seeds, 2);
            Require.positive("slicedW2Mean", slicedW2Mean);
            Require.nonNegative("slicedW2Sd", slicedW2Sd);
            Require.finite("energyMean", energyMean);
            Require.nonNegative("energySd", energySd);
        }

        /** SW₂(model) divided by the reference's mean SW₂ (1 = as close as a second target sample). */
        public double ratio(Score s) {
            if (s == null) throw new IllegalArgumentException("s must not be null");
            return s.slicedW2() / slicedW2Mean;
        }
    }

    /**
     * SW₂ ({@value #PROJECTIONS} directions from {@code seed}) and the unbiased energy distance of
     * {@code generated} against {@code target}.
     */
    public static Score score(double[][] generated, double[][] target, long seed) {
        int d = Require.nonEmptyBatch("generated", generated);
        Require.nonEmptyBatch("target", target, d);
        double sw = Wasserstein.slicedW2(generated, target, PROJECTIONS, Rngs.seeded(seed));
        double ed = Discrepancy.energyDistance(generated, target, Discrepancy.Estimator.UNBIASED);
        return new Score(sw, ed);
    }

    /**
     * The reference: for s = 0 … seeds−1, two fresh samples of size n drawn from {@code target} with
     * seeds {@code seed + 2s} and {@code seed + 2s + 1}, scored against each other.
     *
     * @param n     sample size (the size the model is scored with), ≥ 2
     * @param seeds number of repetitions, ≥ 2 (for a standard deviation)
     */
    public static Reference reference(Sampleable target, int n, int seeds, long seed) {
        if (target == null) throw new IllegalArgumentException("target must not be null");
        Require.cells("n", n, "target dimension", target.dim());
        Require.atLeast("n", n, 2);
        Require.atLeast("seeds", seeds, 2);
        double[] sw = new double[seeds], ed = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            double[][] a = target.sample(n, Rngs.seeded(seed + 2L * s)), b = target.sample(n, Rngs.seeded(seed + 2L * s + 1));
            Score sc = score(a, b, seed + 2L * s);
            sw[s] = sc.slicedW2();
            ed[s] = sc.energyDistance();
        }
        return new Reference(n, seeds, mean(sw), sd(sw), mean(ed), sd(ed));
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x), s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
