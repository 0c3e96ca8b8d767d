package genflow.path;

import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import genflow.process.KacProcess;
import genflow.process.Process1D;
import genflow.random.Rngs;
import genflow.schedule.CosineSchedule;
import genflow.schedule.LinearSchedule;
import genflow.schedule.Schedule;
import genflow.schedule.TimeChange;
import genflow.schedule.VpSchedule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static genflow.path.PathTesting.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

/** The one training entry point {@code sample(t, data, noise | rng)} and the flow-time conversion. */
class PathSampleTest {
    static final Process1D WIENER = MeanRevertingPathTest.WIENER;

    static double[][] gaussian(int n, int d, long seed, double shift) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) for (int j = 0; j < d; j++) row[j] = shift + r.nextGaussian();
        return x;
    }

    /**
     * x_t = α_t data + β_t noise and target = α̇_t data + β̇_t noise, which is the conditional
     * velocity u_t(x_t | data) = (α̇ − (β̇/β) α) data + (β̇/β) x_t of the lecture wherever β_t > 0.
     */
    @Test
    void gaussianSampleIsTheStraightThroughVelocity() {
        for (Schedule s : List.<Schedule>of(new LinearSchedule(), new VpSchedule(), new CosineSchedule())) {
            GaussianPath path = new GaussianPath(s);
            double[][] data = gaussian(5, 3, 1, 2), noise = gaussian(5, 3, 2, 0);
            double[] t = {0.05, 0.3, 0.5, 0.8, 0.97};
            PathSample p = path.sample(t, data, noise);
            for (int i = 0; i < 5; i++) {
                double[] u = path.conditionalVelocity(t[i], p.xt()[i], data[i]);
                for (int j = 0; j < 3; j++) {
                    assertEquals(s.alpha(t[i]) * data[i][j] + s.beta(t[i]) * noise[i][j], p.xt()[i][j], 1e-14, s + " x_t");
                    assertEquals(u[j], p.target()[i][j], 1e-9 * (1 + Math.abs(u[j])), s + " target at t = " + t[i]);
                }
            }
        }
        // linear schedule: the CFM target data − noise, exactly
        GaussianPath lin = new GaussianPath(new LinearSchedule());
        double[][] data = gaussian(4, 2, 3, 1), noise = gaussian(4, 2, 4, 0);
        PathSample p = lin.sample(0.37, data, noise);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(data[i][j] - noise[i][j], p.target()[i][j], 0.0);
                assertEquals((1 - 0.37) * noise[i][j] + 0.37 * data[i][j], p.xt()[i][j], 0.0);
            }
        }
    }

    /** The flat, allocation-free form used by the fused losses gives the same bits as the batch form. */
    @Test
    void flatFormIsBitIdenticalToTheBatchForm() {
        GaussianPath path = new GaussianPath(new CosineSchedule());
        double[][] data = gaussian(7, 3, 11, 1), noise = gaussian(7, 3, 12, 0);
        double[] t = {0, 0.1, 0.33, 0.5, 0.71, 0.9, 0.99};
        PathSample p = path.sample(t, data, noise);
        double[] fd = new double[21], fn = new double[21], xt = new double[21], u = new double[21];
        for (int i = 0; i < 7; i++) {
            System.arraycopy(data[i], 0, fd, 3 * i, 3);
            System.arraycopy(noise[i], 0, fn, 3 * i, 3);
        }
        path.sample(t, fd, fn, 3, xt, u);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(Double.doubleToRawLongBits(p.xt()[i][j]), Double.doubleToRawLongBits(xt[3 * i + j]));
                assertEquals(Double.doubleToRawLongBits(p.target()[i][j]), Double.doubleToRawLongBits(u[3 * i + j]));
            }
        }
        assertMessage("noise must hold n*d = 21 values", () -> path.sample(t, fd, new double[20], 3, xt, u));
        fd[4] = Double.NaN;
        assertMessage("data[1][1] = NaN", () -> path.sample(t, fd, fn, 3, xt, u));
    }

    @Test
    void gaussianSampleWithRngDrawsStandardNormalNoiseRowByRow() {
        GaussianPath path = new GaussianPath(new VpSchedule());
        double[][] data = gaussian(6, 2, 5, 1);
        double[] t = {0.1, 0.2, 0.4, 0.6, 0.8, 0.9};
        RandomGenerator r = Rngs.seeded(9);
        double[][] noise = new double[6][2];
        for (double[] row : noise) for (int j = 0; j < 2; j++) row[j] = r.nextGaussian();
        PathSample a = path.sample(t, data, Rngs.seeded(9)), b = path.sample(t, data, noise);
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(b.xt()[i], a.xt()[i], 0.0);
            assertArrayEquals(b.target()[i], a.target()[i], 0.0);
        }
    }

    @Test
    void gaussianSampleRejectsBadInput() {
        GaussianPath path = new GaussianPath(new LinearSchedule());
        double[][] z = {{1, 2}, {3, 4}};
        assertMessage("noise has 1 rows, expected 2", () -> path.sample(new double[]{0.1, 0.2}, z, new double[][]{{0, 0}}));
        assertMessage("t has 1 entries, expected 2", () -> path.sample(new double[]{0.1}, z, z));
        assertMessage("t[1] = 1.5 is outside [0, 1]", () -> path.sample(new double[]{0.1, 1.5}, z, z));
        assertMessage("data[1][0] = NaN", () -> path.sample(0.5, new double[][]{{1, 2}, {Double.NaN, 0}}, z));
        // VP's α̇ is infinite at the data end t = 1: the target cannot be formed there
        assertMessage("the path velocity is not finite", () -> new GaussianPath(new VpSchedule()).sample(1.0, z, z));
    }

    /**
     * The flow-time view of the mean-reverting path: x_t = X_{1−t} and target = −v_{1−t}(x_t | data),
     * checked against the process-time formulas; with Wiener noise and f = 1 − s, g = s² it is the
     * Gaussian FM path with target data − ε, ε = (x_t − t data)/(1 − t).
     */
    @Test
    void meanRevertingPathInFlowTimeIsTheTimeReversedProcessPath() {
        for (TimeChange c : List.of(TimeChange.flowMatching(), TimeChange.ornsteinUhlenbeck())) {
            MeanRevertingPath mr = new MeanRevertingPath(WIENER, c);
            double[][] data = gaussian(5, 2, 7, 1.5);
            double[] t = {0.1, 0.3, 0.5, 0.7, 0.9};
            PathSample p = mr.inFlowTime().sample(t, data, Rngs.seeded(3));
            for (int i = 0; i < 5; i++) {
                double[] v = mr.conditionalVelocity(1 - t[i], p.xt()[i], data[i]);
                for (int j = 0; j < 2; j++) assertEquals(-v[j], p.target()[i][j], 1e-9 * (1 + Math.abs(v[j])), c + " t = " + t[i]);
                if (c.toString().startsWith("TimeChange.flowMatching")) {
                    for (int j = 0; j < 2; j++) {
                        double eps = (p.xt()[i][j] - t[i] * data[i][j]) / (1 - t[i]);
                        assertEquals(data[i][j] - eps, p.target()[i][j], 1e-12);
                    }
                }
            }
        }
        // the same draws as the process-time sampler at s = 1 − t
        MeanRevertingPath kac = new MeanRevertingPath(KacProcess.of(4, 2), TimeChange.flowMatching());
        double[][] data = gaussian(3, 2, 8, 0);
        double[][] a = kac.inFlowTime().sample(new double[]{0.25, 0.25, 0.25}, data, Rngs.seeded(4)).xt();
        double[][] b = kac.sample(0.75, data, Rngs.seeded(4));
        for (int i = 0; i < 3; i++) assertArrayEquals(b[i], a[i], 0.0);
        // Kac velocities are bounded by c = 2: target = data − 2s v^Y(Y) with s = 1 − t = 0.5, so |target − data| ≤ c
        double[][] many = gaussian(400, 1, 9, 0);
        PathSample p = kac.inFlowTime().sample(0.5, many, Rngs.seeded(5));
        double worst = 0;
        for (int i = 0; i < 400; i++) worst = Math.max(worst, Math.abs(p.target()[i][0] - many[i][0]));
        assertTrue(worst <= 2 + 1e-12 && worst > 1, "max |target - data| = " + worst);
        assertMessage("data must not be null", () -> kac.inFlowTime().sample(0.5, null, Rngs.seeded(1)));
        assertMessage("rng must not be null", () -> kac.inFlowTime().sample(0.5, data, null));
        // Wiener velocity y/(2s) is singular at the data end
        assertThrows(IllegalArgumentException.class, () -> new MeanRevertingPath(WIENER, TimeChange.flowMatching()).inFlowTime().sample(1.0, data, Rngs.seeded(1)));
    }

    /** Reversed velocity fields move points the same way in the other clock; scores just change clock. */
    @Test
    void timeReversalOfFields() {
        VectorField v = (t, x) -> {
            double[][] o = new double[x.length][];
            for (int i = 0; i < x.length; i++) o[i] = new double[]{-x[i][1] * (1 + t), x[i][0] * (1 + t * t)};
            return o;
        };
        double[][] z = {{1, 0.5}, {-0.3, 2}};
        double[][] forward = new RungeKutta4().integrate(v, z, 1, 0, 200);
        double[][] reversed = new RungeKutta4().integrate(TimeReversal.velocity(v), z, 0, 1, 200);
        for (int i = 0; i < 2; i++) assertArrayEquals(forward[i], reversed[i], 1e-12);
        double[][] s = TimeReversal.score(v).apply(0.3, z), w = v.apply(0.7, z);
        for (int i = 0; i < 2; i++) assertArrayEquals(w[i], s[i], 0.0);
        assertEquals(0.25, TimeReversal.flip(0.75), 0.0);
        assertMessage("s = 1.5 is outside [0, 1]", () -> TimeReversal.flip(1.5));
        assertMessage("v must not be null", () -> TimeReversal.velocity(null));
    }
}
