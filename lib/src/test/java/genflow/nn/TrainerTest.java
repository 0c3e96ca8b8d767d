package genflow.nn;

import genflow.dist.GaussianMixture;
import genflow.dist.Sampleable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {
    static final Sampleable DATA = GaussianMixture.isotropic(new double[][]{{-2, 0}, {2, 1}}, 0.3);

    /** Regression of the net output at t onto data − noise (CFM-like, written here independently). */
    static Objective regression(Mlp m) {
        return new Objective() {
            final Mlp.Workspace ws = m.workspace();
            public int dim() { return 2; }
            public List<Parametric> parameters() { return List.of(m); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                double[] t = new double[n], x = new double[n * 2], dv = new double[n * 2];
                for (int i = 0; i < n; i++) {
                    t[i] = rng.nextDouble();
                    for (int k = 2 * i; k < 2 * i + 2; k++) x[k] = (1 - t[i]) * noise[k] + t[i] * data[k];
                }
                double[] v = ws.forward(t, x, n);
                double s = 0;
                for (int k = 0; k < 2 * n; k++) {
                    double r = v[k] - (data[k] - noise[k]);
                    s += r * r;
                    dv[k] = 2 * r / n;
                }
                ws.backward(dv, g[0], null);
                return s / n;
            }
        };
    }

    @Test
    void sameSeedSameLossHistoryBitForBitAndLossDecreases() {
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            Mlp m = Mlp.builder(2).hidden(32, 32).seed(1).build();
            runs[r] = Trainer.builder(regression(m)).data(DATA).seed(7).steps(300).batchSize(64)
                    .learningRate(3e-3).progressEvery(0).build().run().losses();
        }
        assertEquals(300, runs[0].length);
        for (int i = 0; i < 300; i++) assertEquals(Double.doubleToRawLongBits(runs[0][i]), Double.doubleToRawLongBits(runs[1][i]));
        double first = 0, last = 0;
        for (int i = 0; i < 30; i++) { first += runs[0][i]; last += runs[0][299 - i]; }
        assertTrue(last < 0.75 * first, "loss did not decrease: " + first / 30 + " -> " + last / 30);
        Mlp m = Mlp.builder(2).hidden(32, 32).seed(1).build();
        double[] other = Trainer.builder(regression(m)).data(DATA).seed(8).steps(5).batchSize(64).progressEvery(0).build().run().losses();
        assertNotEquals(runs[0][1], other[1]);
    }

    @Test
    void historyTableAndProgressLinesFollowTheConvention() {
        String[] outs = new String[2];
        Trainer.History h = null;
        for (int r = 0; r < 2; r++) {
            Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            h = Trainer.builder(regression(m)).data(DATA).steps(20).batchSize(16).progressEvery(10)
                    .progressTo(new PrintStream(buf, true, StandardCharsets.UTF_8)).build().run();
            outs[r] = buf.toString(StandardCharsets.UTF_8);
        }
        Table t = h.table();
        assertEquals(List.of("step", "loss"), t.columnNames());
        assertEquals(20, t.rowCount());
        assertEquals(h.losses()[19], t.doubleColumn("loss").get(19), 0);
        assertEquals(20, t.intColumn("step").get(19));
        String out = outs[0];
        // live status: "\r" + status without a newline, with steps/s and time left
        assertTrue(out.startsWith("\rstep 10/20  loss ") && out.contains("steps/s") && out.contains("left"), out);
        // exactly one newline: the final line "\r" + line + "\n", without wall-clock numbers
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.endsWith("\n"), out);
        String last = out.substring(out.lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("trained 20 steps: loss "), last);
        assertFalse(last.contains("/s") || last.contains(" left") || last.matches("(?s).*\\d s\\b.*"), last);
        assertEquals(outs[0].substring(outs[0].lastIndexOf('\r')), outs[1].substring(outs[1].lastIndexOf('\r')), "same seed, same final line");
        String mean = String.format(java.util.Locale.ROOT, "%.4f (mean of last 10)", java.util.Arrays.stream(h.losses(), 10, 20).average().orElseThrow());
        assertTrue(last.contains(mean), last + " should contain " + mean);
    }

    /** A loss that keeps growing (finite gradients) stops once it is 1000× its best window mean. */
    @Test
    void lossGrowingByOrdersOfMagnitudeStopsWithAClearMessage() {
        Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
        Objective base = regression(m);
        Objective growing = new Objective() {
            int calls;
            public int dim() { return 2; }
            public List<Parametric> parameters() { return base.parameters(); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                double l = base.lossAndGradient(data, noise, n, rng, g);
                return l * Math.pow(10, ++calls / 20.0); // ×10 every 20 steps
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.builder(growing).data(DATA).steps(400).batchSize(8).progressEvery(0).build().run());
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("more than 1000 times")
                && e.getMessage().contains("lower learning rate"), e.getMessage());
        int step = Integer.parseInt(e.getMessage().replaceAll("(?s).*at step (\\d+).*", "$1"));
        assertTrue(step > 60 && step < 140, "stopped at step " + step + " (loss ×1000 after about 60 steps)");
        // an ordinary run whose loss falls and fluctuates does not stop
        Mlp ok = Mlp.builder(2).hidden(8).seed(1).build();
        assertEquals(400, Trainer.builder(regression(ok)).data(DATA).steps(400).batchSize(8).learningRate(1e-2).progressEvery(0).build().run().losses().length);
    }

    /** An interrupt stops the loop before the next step, names the step and keeps the flag set. */
    @Test
    void interruptStopsPromptly() {
        Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
        Objective base = regression(m);
        int[] calls = {0};
        Objective interrupting = new Objective() {
            public int dim() { return 2; }
            public List<Parametric> parameters() { return base.parameters(); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                if (++calls[0] == 5) Thread.currentThread().interrupt();
                return base.lossAndGradient(data, noise, n, rng, g);
            }
        };
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            var e = assertThrows(java.util.concurrent.CancellationException.class, () -> Trainer.builder(interrupting).data(DATA).steps(1000)
                    .batchSize(8).progressEvery(2).progressTo(new PrintStream(buf, true, StandardCharsets.UTF_8)).build().run());
            assertTrue(e.getMessage().contains("interrupted after 5 of 1000 steps"), e.getMessage());
            assertEquals(5, calls[0]);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set");
            assertTrue(buf.toString(StandardCharsets.UTF_8).endsWith("\rtraining interrupted after 5 of 1000 steps\n"), buf.toString(StandardCharsets.UTF_8));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nanLossStopsWithAClearMessage() {
        Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
        Objective base = regression(m);
        Objective bad = new Objective() {
            int calls;
            public int dim() { return 2; }
            public List<Parametric> parameters() { return base.parameters(); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                double l = base.lossAndGradient(data, noise, n, rng, g);
                return ++calls == 4 ? Double.NaN : l;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.builder(bad).data(DATA).steps(10).batchSize(8).progressEvery(0).build().run());
        assertTrue(e.getMessage().contains("step 4") && e.getMessage().contains("last finite loss")
                && e.getMessage().contains("lower learning rate"), e.getMessage());
    }

    @Test
    void rejectsBadConfiguration() {
        Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder(regression(m)).steps(5).build());
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder(regression(m)).steps(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder(regression(m)).learningRate(-1));
        Sampleable threeD = GaussianMixture.isotropic(new double[][]{{0, 0, 0}}, 1);
        assertThrows(IllegalArgumentException.class, () -> Trainer.builder(regression(m)).data(threeD));
    }
}
