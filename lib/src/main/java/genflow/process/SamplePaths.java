package genflow.process;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * Sample paths on a uniform time grid t_k = kΔt, k = 0..n, for pictures of the Kac walk next to
 * Brownian motion (seed 000 Figure 1, seed 001 §2.1). Time runs forward from x = 0 at t = 0.
 * Static; every path takes its own {@link RandomGenerator}.
 */
public final class SamplePaths {
    private SamplePaths() {}

    /**
     * The discrete Kac walk (seed 001 §2.1, Mark Kac 1974): start at 0 with direction ε₀ = ±1
     * (probability ½ each); in every step of length Δt the particle moves cΔt in its current direction
     * and then keeps the direction with probability 1 − aΔt or reverses it with probability aΔt:
     * <pre>
     *   S_k = cΔt Σ_{j&lt;k} ε₀ (−1)^{N_j},   N_j ~ Bin(j, aΔt) reversals up to step j.
     * </pre>
     * As Δt → 0 with kΔt → t, N_k → Poi(at) and S_k → the Kac process K_t.
     *
     * @param a     reversal rate &gt; 0 (aΔt ≤ 1 required)
     * @param c     speed &gt; 0
     * @param dt    step Δt &gt; 0
     * @param steps number of steps n ≥ 0
     * @return positions S_0 = 0, S_1, …, S_n
     */
    public static double[] kacWalk(double a, double c, double dt, int steps, RandomGenerator rng) {
        Require.positive("a", a);
        Require.positive("c", c);
        Require.positive("dt", dt);
        Require.size("steps", steps, 0, 1);
        if (a * dt > 1) throw new IllegalArgumentException("a*dt = " + a * dt + " must be at most 1 (it is the reversal probability per step)");
        if (!Double.isFinite(c * dt * steps)) {
            throw new IllegalArgumentException("c = " + c + ", dt = " + dt + ", steps = " + steps
                    + ": the walk can reach c·dt·steps, beyond the double range");
        }
        requireRng(rng);
        double[] s = new double[steps + 1];
        double dir = rng.nextBoolean() ? 1 : -1;
        double p = a * dt, h = c * dt;
        for (int k = 1; k <= steps; k++) {
            s[k] = s[k - 1] + dir * h;
            if (rng.nextDouble() < p) dir = -dir;
        }
        return s;
    }

    /**
     * Brownian motion σW on the grid: W_{k+1} = W_k + √Δt Z_k, Z_k ~ N(0, 1), W_0 = 0
     * (exact in law at the grid points).
     *
     * @param sigma σ &gt; 0 (σ² = c²/a is the diffusion limit of the Kac walk)
     * @return positions σW_{t_0}, …, σW_{t_n}
     */
    public static double[] brownian(double sigma, double dt, int steps, RandomGenerator rng) {
        Require.positive("sigma", sigma);
        Require.positive("dt", dt);
        Require.size("steps", steps, 0, 1);
        // |Z| < 100 for every normal variate a double generator produces: the path stays below this bound
        if (!Double.isFinite(100 * sigma * Math.sqrt(dt) * steps)) {
            throw new IllegalArgumentException("sigma = " + sigma + ", dt = " + dt + ", steps = " + steps
                    + ": the path could leave the double range (sigma·√dt·steps is too large)");
        }
        requireRng(rng);
        double[] w = new double[steps + 1];
        double sd = sigma * Math.sqrt(dt);
        for (int k = 1; k <= steps; k++) w[k] = w[k - 1] + sd * rng.nextGaussian();
        return w;
    }

    /** The grid times t_k = kΔt, k = 0..n. */
    public static double[] times(double dt, int steps) {
        Require.positive("dt", dt);
        Require.size("steps", steps, 0, 1);
        if (!Double.isFinite(dt * steps)) {
            throw new IllegalArgumentException("dt = " + dt + ", steps = " + steps + ": the last time dt·steps exceeds the double range");
        }
        double[] t = new double[steps + 1];
        for (int k = 0; k <= steps; k++) t[k] = k * dt;
        return t;
    }

    private static void requireRng(RandomGenerator rng) {
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }
}
