package genflow.nn;

import genflow.dist.Sampleable;
import genflow.math.Require;
import genflow.random.Rngs;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Minibatch training of an {@link Objective} with {@link Adam}. Each step draws a data batch from
 * the data {@link Sampleable}, a noise batch from the noise one (standard normal by default) and
 * the objective's own randomness, all from ONE generator seeded with {@link Builder#seed}, so the
 * same seed gives the same loss history bit for bit. The objective's parameters are trained in
 * place. Every {@code progressEvery} steps a permanent progress line (step, mean loss; no
 * wall-clock numbers) goes to the progress stream; in between, a live status line with steps/s and
 * the time left is written as {@code "\r" + status} without a newline, which a terminal overwrites
 * in place and the course kernel shows live without storing it.
 */
public final class Trainer {
    private final Objective objective;
    private final Sampleable data, noise;
    private final long seed;
    private final int steps, batchSize, progressEvery;
    private final Adam.Builder adam;
    private final PrintStream progress;

    private Trainer(Builder b) {
        this.objective = b.objective;
        this.data = b.data;
        this.noise = b.noise != null ? b.noise : standardNormal(b.objective.dim());
        this.seed = b.seed;
        this.steps = b.steps;
        this.batchSize = b.batchSize;
        this.progressEvery = b.progressEvery;
        this.adam = b.adam;
        this.progress = b.progress;
    }

    /** A trainer of {@code objective}: set at least {@link Builder#data} and {@link Builder#steps}. */
    public static Builder builder(Objective objective) {
        if (objective == null) throw new IllegalArgumentException("objective must not be null");
        return new Builder(objective);
    }

    /** Builder of {@link Trainer}. Defaults: seed 0, batch 256, lr 1e-3, progress every 500 steps to System.out. */
    public static final class Builder {
        private final Objective objective;
        private Sampleable data, noise;
        private long seed;
        private int steps = -1, batchSize = 256, progressEvery = 500;
        private Adam.Builder adam = Adam.builder();
        private PrintStream progress = System.out;

        private Builder(Objective objective) {
            this.objective = objective;
        }

        public Builder seed(long seed) { this.seed = seed; return this; }

        public Builder steps(int steps) { this.steps = Require.atLeast("steps", steps, 1); return this; }

        public Builder batchSize(int n) { this.batchSize = Require.atLeast("batchSize", n, 1); return this; }

        /** Adam learning rate (other Adam settings: {@link #optimizer}). */
        public Builder learningRate(double lr) { this.adam = this.adam.learningRate(lr); return this; }

        /** Full Adam configuration (replaces the learning rate set before). */
        public Builder optimizer(Adam.Builder adam) {
            if (adam == null) throw new IllegalArgumentException("optimizer must not be null");
            this.adam = adam;
            return this;
        }

        /** The data distribution (dimension must match the objective). */
        public Builder data(Sampleable data) {
            if (data == null) throw new IllegalArgumentException("data must not be null");
            if (data.dim() != objective.dim()) throw new IllegalArgumentException("data has dim " + data.dim() + ", objective expects " + objective.dim());
            this.data = data;
            return this;
        }

        /** The noise distribution (default standard normal N(0, I_d)). */
        public Builder noise(Sampleable noise) {
            if (noise == null) throw new IllegalArgumentException("noise must not be null");
            if (noise.dim() != objective.dim()) throw new IllegalArgumentException("noise has dim " + noise.dim() + ", objective expects " + objective.dim());
            this.noise = noise;
            return this;
        }

        /** Print a progress line every {@code every} steps (0 = never). */
        public Builder progressEvery(int every) { this.progressEvery = Require.atLeast("progressEvery", every, 0); return this; }

        /** Where progress lines go (default System.out). */
        public Builder progressTo(PrintStream out) {
            if (out == null) throw new IllegalArgumentException("progress stream must not be null");
            this.progress = out;
            return this;
        }

        public Trainer build() {
            if (data == null) throw new IllegalArgumentException("data must be set");
            if (steps < 0) throw new IllegalArgumentException("steps must be set");
            return new Trainer(this);
        }
    }

    /** Loss history of a run. */
    public record History(double[] losses, double seconds) {
        /** Loss per step as a Tablesaw table with columns {@code step} (1-based) and {@code loss}. */
        public Table table() {
            int[] s = new int[losses.length];
            for (int i = 0; i < s.length; i++) s[i] = i + 1;
            return Table.create("loss history", IntColumn.create("step", s), DoubleColumn.create("loss", losses.clone()));
        }

        /** Steps per second of the run. */
        public double stepsPerSecond() {
            return losses.length / seconds;
        }

        /** Mean loss over the last k steps (k clipped to the history length). */
        public double meanOfLast(int k) {
            Require.atLeast("k", k, 1);
            int from = Math.max(0, losses.length - k);
            return Arrays.stream(losses, from, losses.length).average().orElse(Double.NaN);
        }
    }

    /**
     * Runs all steps. Throws {@link IllegalStateException} at the first non-finite loss or
     * gradient, naming the step, the last finite loss and the learning rate.
     */
    public History run() {
        RandomGenerator rng = Rngs.seeded(seed);
        List<Parametric> blocks = objective.parameters();
        Adam opt = adam.build(blocks);
        double[][] grads = new double[blocks.size()][];
        for (int b = 0; b < grads.length; b++) grads[b] = new double[blocks.get(b).numParameters()];
        int d = objective.dim();
        double[] x1 = new double[batchSize * d], x0 = new double[batchSize * d];
        double[] losses = new double[steps];
        double lastFinite = Double.NaN;
        long start = System.nanoTime(), lastLive = start;
        for (int k = 0; k < steps; k++) {
            genflow.math.Interrupts.check();
            fill(data.sample(batchSize, rng), x1, d);
            fill(noise.sample(batchSize, rng), x0, d);
            double loss = objective.lossAndGradient(x1, x0, batchSize, rng, grads);
            boolean finite = Double.isFinite(loss);
            for (int b = 0; finite && b < grads.length; b++) {
                for (double g : grads[b]) if (!Double.isFinite(g)) { finite = false; break; }
            }
            if (!finite) {
                if (progressEvery > 0) progress.print("\r\n");
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "training diverged at step %d: loss = %s (or a gradient is not finite); last finite loss = %s. "
                                + "Try a lower learning rate than %g.", k + 1, loss, lastFinite, opt.learningRate()));
            }
            lastFinite = loss;
            losses[k] = loss;
            opt.step(grads);
            if (progressEvery > 0) {
                long now = System.nanoTime();
                if ((k + 1) % progressEvery == 0 || k + 1 == steps) {
                    int since = (k + 1) % progressEvery == 0 ? progressEvery : (k + 1) % progressEvery;
                    int from = Math.max(0, k + 1 - since);
                    double mean = Arrays.stream(losses, from, k + 1).average().orElse(loss);
                    // a permanent line: no wall-clock numbers, so a re-executed notebook stores the same bytes
                    progress.printf(Locale.ROOT, "\rstep %d/%d  loss %.4f (mean of last %d)%n", k + 1, steps, mean, since);
                    progress.flush();
                    lastLive = now;
                } else if (now - lastLive > 250_000_000L) {
                    // a live status line (overwritten in place; the course kernel does not store it)
                    double rate = (k + 1) / ((now - start) * 1e-9);
                    progress.printf(Locale.ROOT, "\rstep %d/%d  loss %.4f  %.0f steps/s  %.0f s left", k + 1, steps, loss, rate,
                            (steps - k - 1) / rate);
                    progress.flush();
                    lastLive = now;
                }
            }
        }
        return new History(losses, (System.nanoTime() - start) * 1e-9);
    }

    private static void fill(double[][] batch, double[] flat, int d) {
        if (batch == null || batch.length * d != flat.length) throw new IllegalStateException("sampler returned a batch of the wrong size");
        for (int i = 0; i < batch.length; i++) {
            if (batch[i].length != d) throw new IllegalStateException("sampler returned a point of dimension " + batch[i].length + ", expected " + d);
            System.arraycopy(batch[i], 0, flat, i * d, d);
        }
    }

    private static Sampleable standardNormal(int d) {
        return new Sampleable() {
            @Override public int dim() { return d; }

            @Override public double[][] sample(int n, RandomGenerator rng) {
                double[][] x = new double[n][d];
                for (double[] r : x) for (int j = 0; j < d; j++) r[j] = rng.nextGaussian();
                return x;
            }
        };
    }
}
