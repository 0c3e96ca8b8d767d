package genflow.nn;

import genflow.random.Rngs;

import java.util.List;
import java.util.SplittableRandom;

/** Central finite-difference checks of {@link Objective} gradients (double precision). */
public final class GradCheck {
    private GradCheck() {}

    /**
     * Largest relative error |g − fd| / max(1e-3, |g| + |fd|) (with g, fd scaled by the largest
     * gradient entry of the block) over {@code samples} random coordinates of every block.
     */
    public static double maxError(Objective o, double[] data, double[] noise, int n, long seed, int samples) {
        List<Parametric> blocks = o.parameters();
        double[][] g = new double[blocks.size()][];
        for (int b = 0; b < g.length; b++) g[b] = new double[blocks.get(b).numParameters()];
        o.lossAndGradient(data, noise, n, Rngs.seeded(seed), g);
        double[][] scratch = new double[blocks.size()][];
        for (int b = 0; b < g.length; b++) scratch[b] = new double[g[b].length];
        SplittableRandom pick = new SplittableRandom(seed + 1);
        double worst = 0;
        for (int b = 0; b < g.length; b++) {
            double[] p = blocks.get(b).parameters();
            double scale = 0;
            for (double v : g[b]) scale = Math.max(scale, Math.abs(v));
            for (int s = 0; s < Math.min(samples, p.length); s++) {
                int i = samples >= p.length ? s : pick.nextInt(p.length);
                double keep = p[i], h = 1e-6 * Math.max(1, Math.abs(keep));
                p[i] = keep + h;
                double up = o.lossAndGradient(data, noise, n, Rngs.seeded(seed), scratch);
                p[i] = keep - h;
                double down = o.lossAndGradient(data, noise, n, Rngs.seeded(seed), scratch);
                p[i] = keep;
                double fd = (up - down) / (2 * h);
                double err = Math.abs(fd - g[b][i]) / Math.max(1e-3 * scale, Math.abs(fd) + Math.abs(g[b][i]));
                worst = Math.max(worst, err);
            }
        }
        return worst;
    }

    /** Gaussian batch n × d from a seed. */
    public static double[] gaussian(int n, int d, long seed, double scale, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) x[i] = shift + scale * r.nextGaussian();
        return x;
    }
}
