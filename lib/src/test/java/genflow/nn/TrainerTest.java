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
    void historyTableAndProgressLines() {
        Mlp m = Mlp.builder(2).hidden(8).seed(1).build();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Trainer.History h = Trainer.builder(regression(m)).data(DATA).steps(20).batchSize(16).progressEvery(10)
                .progressTo(new PrintStream(buf, true, StandardCharsets.UTF_8)).build().run();
        Table t = h.table();
        assertEquals(List.of("step", "loss"), t.columnNames());
        assertEquals(20, t.rowCount());
        assertEquals(h.losses()[19], t.doubleColumn("loss").get(19), 0);
        assertEquals(20, t.intColumn("step").get(19));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\rstep 10/20  loss ") && out.contains("\rstep 20/20  loss "), out);
        for (String line : out.split("\n")) {
            // permanent lines (ending in a newline) carry no wall-clock numbers: a re-run stores the same bytes
            String permanent = line.substring(line.lastIndexOf('\r') + 1);
            assertFalse(permanent.contains("steps/s") || permanent.contains(" s left"), permanent);
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
