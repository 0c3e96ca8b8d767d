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
 * same seed gives the same loss history bit for bit (and the same parameter bytes). The
 * objective's parameters are trained in place. It trains every {@link Objective}: the losses of
 * {@code genflow.loss} on a fused {@link Mlp} or on a SameDiff model, and losses students write as
 * SameDiff expressions ({@code genflow.nn.samediff.SameDiffObjective}) — one trainer, one
 * behaviour. Progress follows the course convention (see {@link #run()}).
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

        /** Number of training steps ≥ 1 (the loss history keeps one number per step). */
        public Builder steps(int steps) {
            Require.atLeast("steps", steps, 1);
            Require.doubles("steps = " + steps + " (one loss per step)", steps);
            this.steps = steps;
            return this;
        }

        /** Points per batch ≥ 1; a data and a noise batch of batchSize × d numbers must fit in memory. */
        public Builder batchSize(int batchSize) {
            Require.atLeast("batchSize", batchSize, 1);
            Require.cells("batchSize", batchSize, "dimension d of the objective", objective.dim());
            this.batchSize = batchSize;
            return this;
        }

        /** Adam learning rate (other Adam settings: {@link #optimizer}). */
        public Builder learningRate(double learningRate) { this.adam = this.adam.learningRate(learningRate); return this; }

        /** Full Adam configuration (replaces the learning rate set before). */
        public Builder optimizer(Adam.Builder adam) {
            if (adam == null) throw new IllegalArgumentException("adam (the optimizer) must not be null");
            this.adam = adam;
            return this;
        }

        /** The data distribution (dimension must match the objective's {@link Objective#dataDim()}). */
        public Builder data(Sampleable data) {
            if (data == null) throw new IllegalArgumentException("data must not be null");
            if (data.dim() != objective.dataDim()) {
                throw new IllegalArgumentException("data has dim " + data.dim() + ", objective expects " + objective.dataDim()
                        + (objective.dataDim() != objective.dim() ? " (rows of " + objective.dim() + " point coordinates and side information)" : ""));
            }
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

        /** A live progress status every {@code every} steps and one final line (0 = print nothing). */
        public Builder progressEvery(int progressEvery) { this.progressEvery = Require.atLeast("progressEvery", progressEvery, 0); return this; }

        /** Where progress lines go (default System.out). */
        public Builder progressTo(PrintStream out) {
            if (out == null) throw new IllegalArgumentException("out (the progress stream) must not be null");
            this.progress = out;
            return this;
        }

        public Trainer build() {
            if (data == null) throw new IllegalArgumentException("data must be set");
            if (steps < 0) throw new IllegalArgumentException("steps must be set");
            return new Trainer(this);
        }
    }

    /**
     * Loss history of a run.
     *
     * @param losses  the loss of every step (at least one, all finite)
     * @param seconds the run's wall-clock time, finite and ≥ 0
     */
    public record History(double[] losses, double seconds) {
        /** Checks that there is at least one loss, that every loss is finite and that seconds is finite and ≥ 0. */
        public History {
            Require.finite("losses", losses);
            if (losses.length == 0) throw new IllegalArgumentException("losses must hold at least one step");
            Require.nonNegative("seconds", seconds);
        }

        /** Loss per step as a Tablesaw table with columns {@code step} (1-based) and {@code loss}. */
        public Table table() {
            int[] s = new int[losses.length];
            for (int i = 0; i < s.length; i++) s[i] = i + 1;
            return Table.create("loss history", IntColumn.create("step", s), DoubleColumn.create("loss", losses.clone()));
        }

        /** Steps per second of the run (the time counted as at least 1 ns, the clock's resolution). */
        public double stepsPerSecond() {
            return losses.length / Math.max(seconds, 1e-9);
        }

        /** Mean loss over the last k steps (k clipped to the history length). */
        public double meanOfLast(int k) {
            Require.atLeast("k", k, 1);
            int from = Math.max(0, losses.length - k);
            return Arrays.stream(losses, from, losses.length).average().orElse(Double.NaN);
        }
    }

    /**
     * Runs all steps and returns the loss history. Stops with an exception, naming the step, the
     * loss and the learning rate, when
     * <ul>
     *   <li>a loss or a gradient is not finite, or the objective cannot evaluate a batch after the
     *       first step (its model's output overflowed) ({@link IllegalStateException});</li>
     *   <li>the loss has grown by orders of magnitude ({@link IllegalStateException}): the mean
     *       loss of the last {@value #DIVERGENCE_WINDOW} steps is more than
     *       {@value #DIVERGENCE_FACTOR}× the lowest such mean seen so far AND above the mean of the
     *       first {@value #DIVERGENCE_WINDOW} steps (so a fit that is still better than where it
     *       started never stops; losses that go negative are not checked this way);</li>
     *   <li>the calling thread is interrupted, checked once per step
     *       ({@link java.util.concurrent.CancellationException}; the interrupt status stays set and
     *       the model keeps the parameters of the last finished step).</li>
     * </ul>
     * Progress: every {@code progressEvery} steps a live status {@code "\r" + status} (step, mean
     * loss, steps/s, time left; not stored in notebooks), and at the end the permanent line
     * {@code "\r" + line + "\n"} with the mean loss of the first and last steps and no
     * wall-clock numbers, so re-running a notebook changes no bytes.
     */
    public History run() {
        RandomGenerator rng = Rngs.seeded(seed);
        List<Parametric> blocks = objective.parameters();
        Adam opt = adam.build(blocks);
        double[][] grads = new double[blocks.size()][];
        for (int b = 0; b < grads.length; b++) grads[b] = new double[blocks.get(b).numParameters()];
        int d = objective.dim(), dData = objective.dataDim();
        double[] x1 = new double[batchSize * dData], x0 = new double[batchSize * d];
        double[] losses = new double[steps];
        double lastFinite = Double.NaN;
        Divergence divergence = new Divergence();
        Progress bar = progressEvery > 0 ? new Progress(progress, steps) : null;
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
            if (Thread.currentThread().isInterrupted()) {
                if (bar != null) bar.done(String.format(Locale.ROOT, "training interrupted after %d of %d steps", k, steps));
                throw new java.util.concurrent.CancellationException(String.format(Locale.ROOT,
                        "training interrupted after %d of %d steps; the model keeps the parameters of step %d", k, steps, k));
            }
            fill(data.sample(batchSize, rng), x1, dData);
            fill(noise.sample(batchSize, rng), x0, d);
            double loss;
            try {
                loss = objective.lossAndGradient(x1, x0, batchSize, rng, grads);
            } catch (IllegalArgumentException e) {
                if (k == 0) throw e; // bad data or a bad objective: reported as such
                // after k updates the same data and model passed: the parameters have run away
                if (bar != null) bar.done(String.format(Locale.ROOT, "training stopped at step %d: the loss cannot be evaluated", k + 1));
                throw new IllegalStateException(String.format(Locale.ROOT, "training diverged at step %d: %s; last finite loss = %s. Try a lower learning rate than %g.",
                        k + 1, e.getMessage(), lastFinite, opt.learningRate()), e);
            }
            boolean finite = Double.isFinite(loss);
            for (int b = 0; finite && b < grads.length; b++) {
                for (double g : grads[b]) if (!Double.isFinite(g)) { finite = false; break; }
            }
            if (!finite) {
                if (bar != null) bar.done(String.format(Locale.ROOT, "training stopped at step %d: loss not finite", k + 1));
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "training diverged at step %d: loss = %s (or a gradient is not finite); last finite loss = %s. "
                                + "Try a lower learning rate than %g.", k + 1, loss, lastFinite, opt.learningRate()));
            }
            String grown = divergence.add(k, loss);
            if (grown != null) {
                if (bar != null) bar.done(String.format(Locale.ROOT, "training stopped at step %d: loss grew by orders of magnitude", k + 1));
                throw new IllegalStateException(grown + String.format(Locale.ROOT, " Try a lower learning rate than %g.", opt.learningRate()));
            }
            lastFinite = loss;
            losses[k] = loss;
            opt.step(grads);
            if (bar != null && ((k + 1) % progressEvery == 0 && k + 1 < steps)) {
                int since = Math.min(progressEvery, k + 1);
                bar.live(k + 1, String.format(Locale.ROOT, "step %d/%d  loss %.4f (mean of last %d)", k + 1, steps,
                        mean(losses, k + 1 - since, k + 1), since));
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        if (bar != null) {
            int w = Math.min(progressEvery, steps);
            bar.done(String.format(Locale.ROOT, "trained %d steps: loss %.4f (mean of first %d) -> %.4f (mean of last %d)",
                    steps, mean(losses, 0, w), w, mean(losses, steps - w, steps), w));
        }
        return new History(losses, seconds);
    }

    /** Steps per window of the divergence check. */
    static final int DIVERGENCE_WINDOW = 20;
    /** Growth factor of the windowed mean loss over its lowest value that counts as divergence. */
    static final double DIVERGENCE_FACTOR = 1e3;

    /** The "loss grew by orders of magnitude" rule of {@link #run()} on a rolling window mean. */
    static final class Divergence {
        private final double[] ring = new double[DIVERGENCE_WINDOW];
        private double sum, first = Double.NaN, best = Double.POSITIVE_INFINITY;
        private int bestStep;

        /** Adds the loss of step k (0-based); returns a message when the loss has diverged, else null. */
        String add(int k, double loss) {
            int w = DIVERGENCE_WINDOW;
            sum += loss - ring[k % w];
            ring[k % w] = loss;
            if (k + 1 < w) return null;
            double mean = sum / w;
            if (k + 1 == w) first = mean;
            if (mean < best) {
                best = mean;
                bestStep = k + 1;
            }
            if (best >= 0 && mean > DIVERGENCE_FACTOR * best && mean > first) {
                return String.format(Locale.ROOT, "training diverged at step %d: the mean loss of the last %d steps, %.4g, "
                                + "is more than %.0f times its lowest value %.4g (steps %d-%d) and above the starting loss %.4g.",
                        k + 1, w, mean, DIVERGENCE_FACTOR, best, bestStep - w + 1, bestStep, first);
            }
            return null;
        }
    }

    private static double mean(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += a[i];
        return s / Math.max(1, to - from);
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
