package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * The 2-D toy data sets of the flow-matching literature, scaled as in TorchCFM
 * (A. Tong et al., {@code torchcfm/utils.py}) and FFJORD (W. Grathwohl et al.,
 * {@code lib/toy_data.py}), which the MIT 6.S184 labs also use. Each factory returns a fresh
 * immutable {@link Sampleable}; samples are deterministic functions of the generator passed to
 * {@code sample(n, rng)}. Where the exact density is known the factory returns a {@link Density}
 * too ({@link GaussianMixture}, {@link NealsFunnel}). These are data distributions; no time variable.
 */
public final class ToyData {
    private ToyData() {}

    /** TorchCFM's 8-Gaussians radius. */
    public static final double EIGHT_GAUSSIANS_RADIUS = 5.0;
    /**
     * TorchCFM's 8-Gaussians component standard deviation: {@code sample_8gaussians} passes
     * var = 0.1 to a {@code MultivariateNormal} with covariance √var·I, so the std is 0.1^{1/4} ≈ 0.562.
     */
    public static final double EIGHT_GAUSSIANS_STD = Math.pow(0.1, 0.25);

    /** 8 Gaussians with TorchCFM's scaling: radius 5, std 0.1^{1/4} ≈ 0.562. */
    public static GaussianMixture eightGaussians() {
        return eightGaussians(EIGHT_GAUSSIANS_RADIUS, EIGHT_GAUSSIANS_STD);
    }

    /**
     * Equal-weight mixture of 8 isotropic Gaussians with means r(cos(kπ/4), sin(kπ/4)), k = 0..7.
     *
     * @param radius r &gt; 0
     * @param std    component standard deviation &gt; 0
     */
    public static GaussianMixture eightGaussians(double radius, double std) {
        Require.positive("radius", radius);
        requireStd(std);
        double[][] means = new double[8][];
        for (int k = 0; k < 8; k++) means[k] = new double[]{radius * Math.cos(k * Math.PI / 4), radius * Math.sin(k * Math.PI / 4)};
        return GaussianMixture.isotropic(means, std);
    }

    /** Default grid3x3 spacing, standard deviation and corner-to-other weight ratio. */
    public static final double GRID_SPACING = 4.0, GRID_STD = 0.5, GRID_CORNER_RATIO = 1.0 / 3.0;

    /** {@link #grid3x3(double, double, double)} with spacing 4, std 0.5, corner weight ratio 1/3. */
    public static GaussianMixture grid3x3() {
        return grid3x3(GRID_SPACING, GRID_STD, GRID_CORNER_RATIO);
    }

    /**
     * A 3×3 grid of isotropic Gaussians with small and large modes, for measuring per-mode mass
     * recovery (the Kac-flow experiment, seed 000 "the Kac model can precisely recover the small
     * modes"). Component k = 0..8 has mean s·((k mod 3) − 1, ⌊k/3⌋ − 1); the four corners
     * k ∈ {0, 2, 6, 8} have weight ρ times that of the other five, i.e. weights ρ/(4ρ+5) and
     * 1/(4ρ+5) (for ρ = 1/3: 1/19 and 3/19).
     *
     * @param spacing           s &gt; 0
     * @param std               component standard deviation &gt; 0
     * @param cornerWeightRatio ρ &gt; 0
     */
    public static GaussianMixture grid3x3(double spacing, double std, double cornerWeightRatio) {
        Require.positive("spacing", spacing);
        requireStd(std);
        Require.positive("cornerWeightRatio", cornerWeightRatio);
        double[][] means = new double[9][];
        double[] w = new double[9];
        double[] s = new double[9];
        for (int k = 0; k < 9; k++) {
            means[k] = new double[]{spacing * (k % 3 - 1), spacing * (k / 3 - 1)};
            // for ρ > 1 the same proportions as 1 : 1/ρ, so that 4ρ + 5 cannot overflow
            w[k] = cornerWeightRatio <= 1 ? (isGridCorner(k) ? cornerWeightRatio : 1.0) : (isGridCorner(k) ? 1.0 : 1 / cornerWeightRatio);
            s[k] = std;
        }
        return GaussianMixture.isotropic(w, means, s);
    }

    /** The component indices of the grid3x3 corners (the small modes): {0, 2, 6, 8}. */
    public static int[] grid3x3CornerIndices() {
        return new int[]{0, 2, 6, 8};
    }

    private static boolean isGridCorner(int k) {
        return k == 0 || k == 2 || k == 6 || k == 8;
    }

    /** Two moons with TorchCFM's noise 0.2 (see {@link #moons(double)}). */
    public static Sampleable moons() {
        return moons(0.2);
    }

    /**
     * Two interleaved half circles (scikit-learn's {@code make_moons} geometry) mapped by
     * x ↦ 3x − 1 as in TorchCFM's {@code sample_moons}: with θ ~ U[0, π] and a fair coin, the point is
     * (cos θ, sin θ) or (1 − cos θ, ½ − sin θ), plus N(0, noise² I), then 3·(·) − 1 in each coordinate.
     *
     * @param noise standard deviation of the Gaussian noise in the unscaled coordinates, in [0, {@link #MAX_NOISE}]
     */
    public static Sampleable moons(double noise) {
        requireNoise(noise);
        return new PointSampler("moons(noise=" + noise + ")", (rng, p) -> {
            boolean upper = rng.nextDouble() < 0.5;
            double th = Math.PI * rng.nextDouble();
            double x = upper ? Math.cos(th) : 1 - Math.cos(th);
            double y = upper ? Math.sin(th) : 0.5 - Math.sin(th);
            p[0] = 3 * (x + noise * rng.nextGaussian()) - 1;
            p[1] = 3 * (y + noise * rng.nextGaussian()) - 1;
        });
    }

    /** Two circles with FFJORD's noise 0.08 and factor 0.5. */
    public static Sampleable circles() {
        return circles(0.08, 0.5);
    }

    /**
     * Two concentric circles (scikit-learn's {@code make_circles}) scaled by 3 as in FFJORD: with
     * θ ~ U[0, 2π) and a fair coin, radius 1 or {@code factor}, plus N(0, noise² I), times 3.
     *
     * @param noise  standard deviation of the Gaussian noise before scaling, in [0, {@link #MAX_NOISE}]
     * @param factor inner radius relative to the outer one, in (0, 1)
     */
    public static Sampleable circles(double noise, double factor) {
        requireNoise(noise);
        if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("factor = " + factor + " is outside (0, 1)");
        return new PointSampler("circles(noise=" + noise + ", factor=" + factor + ")", (rng, p) -> {
            double r = rng.nextDouble() < 0.5 ? 1.0 : factor;
            double th = 2 * Math.PI * rng.nextDouble();
            p[0] = 3 * (r * Math.cos(th) + noise * rng.nextGaussian());
            p[1] = 3 * (r * Math.sin(th) + noise * rng.nextGaussian());
        });
    }

    /**
     * FFJORD's checkerboard: uniform on the 8 "black" squares of side 2 of a 4×4 board covering
     * [−4, 4]², density 1/32 there. Per point: x₁ = 4U − 2, x₂ = U' − 2B + (⌊x₁⌋ mod 2) with
     * B a fair bit, then (2x₁, 2x₂). The square [−4,−2)×[−4,−2) is black.
     */
    public static Sampleable checkerboard() {
        return new PointSampler("checkerboard", (rng, p) -> {
            double x1 = 4 * rng.nextDouble() - 2;
            double x2 = rng.nextDouble() - 2 * (rng.nextDouble() < 0.5 ? 1 : 0) + Math.floorMod((long) Math.floor(x1), 2L);
            p[0] = 2 * x1;
            p[1] = 2 * x2;
        });
    }

    /** Two spirals with FFJORD's noise 0.1. */
    public static Sampleable spirals() {
        return spirals(0.1);
    }

    /**
     * FFJORD's "2spirals": with t = 3π√U (the angle, up to 540°), a fair sign s = ±1 and
     * jitter U', U'' ~ U[0, ½): s(−t cos t + U', t sin t + U'')/3 + N(0, noise² I).
     *
     * @param noise standard deviation of the final Gaussian noise, in [0, {@link #MAX_NOISE}]
     */
    public static Sampleable spirals(double noise) {
        requireNoise(noise);
        return new PointSampler("spirals(noise=" + noise + ")", (rng, p) -> {
            double t = 3 * Math.PI * Math.sqrt(rng.nextDouble());
            double sign = rng.nextDouble() < 0.5 ? 1.0 : -1.0;
            double x = -Math.cos(t) * t + 0.5 * rng.nextDouble();
            double y = Math.sin(t) * t + 0.5 * rng.nextDouble();
            p[0] = sign * x / 3 + noise * rng.nextGaussian();
            p[1] = sign * y / 3 + noise * rng.nextGaussian();
        });
    }

    /** Largest accepted noise level of the toy sets: samples, a few times noise, stay far inside the double range. */
    public static final double MAX_NOISE = 1e300;

    private static void requireStd(double std) {
        Require.positive("std", std);
        if (!(std * std > 0) || !Double.isFinite(std * std)) {
            throw new IllegalArgumentException("std = " + std + ": its square, the component variance, must be finite and > 0");
        }
    }

    private static void requireNoise(double noise) {
        Require.inRange("noise", noise, 0, MAX_NOISE);
    }

    /** Neal's funnel in d dimensions (v ~ N(0, 3²), x_i | v ~ N(0, e^v)); exact density and score. */
    public static NealsFunnel nealsFunnel(int d) {
        return new NealsFunnel(d);
    }

    /** Draws one 2-D point into {@code out} from the generator. */
    @FunctionalInterface
    private interface PointRule {
        void draw(RandomGenerator rng, double[] out);
    }

    /** A 2-D data set defined by a per-point rule. */
    private static final class PointSampler implements Sampleable {
        private final String name;
        private final PointRule rule;

        PointSampler(String name, PointRule rule) {
            this.name = name;
            this.rule = rule;
        }

        @Override public int dim() { return 2; }

        @Override
        public double[][] sample(int n, RandomGenerator rng) {
            Require.cells("n", n, "dimension d", 2);
            if (rng == null) throw new IllegalArgumentException("rng must not be null");
            double[][] out = new double[n][2];
            for (int i = 0; i < n; i++) rule.draw(rng, out[i]);
            return out;
        }

        @Override public String toString() { return name; }
    }
}
