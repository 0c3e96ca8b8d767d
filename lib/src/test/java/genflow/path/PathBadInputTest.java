package genflow.path;

import genflow.dist.ToyData;
import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import genflow.process.KacProcess;
import genflow.process.UniformProcess;
import genflow.schedule.LinearSchedule;
import genflow.schedule.TimeChange;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.DoubleAccumulator;

import static genflow.path.PathTesting.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.path. */
class PathBadInputTest {
    private static final LinearSchedule LINEAR = new LinearSchedule();
    private static final Tweedie TWEEDIE = new Tweedie(LINEAR);
    private static final GaussianPath PATH = new GaussianPath(LINEAR);
    private static final GmmMarginal GMM = new GmmMarginal(ToyData.eightGaussians(), LINEAR);

    @Test
    void anEmptyVectorIsReportedAsItselfNotAsAMismatchOfTheOther() {
        // before: "score has dimension 2, expected 0" for an empty x
        assertMessage("x has dimension 0", () -> TWEEDIE.posteriorMeanFromScore(0.5, new double[0], new double[] {1, 1}));
        assertMessage("x has dimension 0", () -> TWEEDIE.velocityFromScore(0.5, new double[0], new double[] {1, 1}));
        assertMessage("y has dimension 0", () -> Tweedie.denoise(new double[0], 1, new double[] {1, 1}));
        assertMessage("x has dimension 0", () -> PATH.conditionalVelocity(0.5, new double[0], new double[] {0, 0}));
        assertMessage("x has dimension 0", () -> PATH.conditionalLogDensity(0.5, new double[0], new double[] {0, 0}));
        MeanRevertingPath kac = new MeanRevertingPath(KacProcess.of(1, 2), TimeChange.flowMatching());
        assertMessage("x has dimension 0", () -> kac.conditionalVelocity(0.5, new double[0], new double[] {0, 0}));
        // a mismatch names both vectors
        assertMessage("score has dimension 2, expected 1 (the dimension of x)", () -> TWEEDIE.posteriorMeanFromScore(0.5, new double[] {1}, new double[] {1, 1}));
    }

    @Test
    void resultsBeyondTheDoubleRangeAreRejectedNamingTheInputs() {
        // 1/α_t = ∞ at t = 4.9e-324: ±∞ was returned
        assertMessage("t = 4.9E-324: the posterior mean (x + beta_t^2 score)/alpha_t is not finite here ([0] = Infinity",
                () -> TWEEDIE.posteriorMeanFromScore(Double.MIN_VALUE, new double[] {1, -1}, new double[] {1, 1}));
        assertMessage("these x, score", () -> TWEEDIE.posteriorMeanFromScore(Double.MIN_VALUE, new double[] {1, -1}, new double[] {1, 1}));
        double[] huge = {1.7e308, -1.7e308}, small = {0.25, -0.5};
        assertMessage("these noise", () -> TWEEDIE.scoreFromNoise(0.5, huge));
        assertMessage("these x, posteriorMean", () -> TWEEDIE.scoreFromPosteriorMean(0.5, small, huge));
        assertMessage("these x, posteriorMean", () -> TWEEDIE.velocityFromPosteriorMean(0.5, huge, small));
        assertMessage("these x, score", () -> TWEEDIE.velocityFromScore(0.5, huge, small));
        assertMessage("these x, velocity", () -> TWEEDIE.scoreFromVelocity(0.5, huge, small));
        assertMessage("sigma = 1.0E300", () -> Tweedie.denoise(small, 1e300, small));
        // the conditional score and velocity named only t ("not finite here") or returned ±∞
        assertMessage("these x, data", () -> PATH.conditionalScore(0.5, huge, small));
        assertMessage("these x, data", () -> PATH.conditionalVelocity(0.5, huge, small));
        // log N(x; α data, β² I) ≈ −2e600 at |x| = 1e300: −∞ was returned
        assertMessage("it lies below the double range for these x and data", () -> PATH.conditionalLogDensity(0.5, new double[] {1e300, 0}, new double[] {0, 0}));
        assertMessage("it lies below the double range for these x and data", () -> PATH.conditionalLogDensity(0.5, new double[] {0, 0}, new double[] {1e300, 0}));
        // x_t and the target of the training entry point: data − noise = ∞
        assertMessage("it exceeds the double range for data[0] and noise[0]",
                () -> PATH.sample(new double[] {0.5}, new double[][] {{1.7e308}}, new double[][] {{-1.7e308}}));
        double[] xt = new double[1], target = new double[1];
        assertMessage("it exceeds the double range for data[0] and noise[0]",
                () -> PATH.sample(new double[] {0.5}, new double[] {1.7e308}, new double[] {-1.7e308}, 1, xt, target));
    }

    @Test
    void finiteAnswersAreComputedWithoutIntermediateOverflow() {
        // (x + β² s)/α = (1e308 − 0.25e308)/0.5 = 1.5e308, although x/α = 2e308 overflows
        assertEquals(1.5e308, TWEEDIE.posteriorMeanFromScore(0.5, new double[] {1e308}, new double[] {-1e308})[0], 1e294);
        // s = (α ẑ − x)/β² = (0.5·1.6e308 − 1e308)/0.25 = −0.8e308, although x/β² = 4e308 overflows
        assertEquals(-0.8e308, TWEEDIE.scoreFromPosteriorMean(0.5, new double[] {1e308}, new double[] {1.6e308})[0], 1e294);
        // y + σ² s = 1e308 − 0.5e308, although σ² = 1e400 overflows (σ = 1e200, s = −0.5e−92)
        assertEquals(0.5e308, Tweedie.denoise(new double[] {1e308}, 1e200, new double[] {-0.5e-92})[0], 1e294);
        // −‖x − α data‖²/(2β²) − log(2πβ²) at ‖x‖ = 1e150, β = 1/2: −2e300 − log(π/2) (‖x‖² = 1e300 is finite, ‖x‖²/(2β²) too)
        assertEquals(-2e300, PATH.conditionalLogDensity(0.5, new double[] {1e150, 0}, new double[] {0, 0}), 1e286);
        // far out along (1, −1) all mass is on the mode with mean m = 5(cos(−π/4), sin(−π/4)):
        // E[z | x] = m + α v (x − α m)/(α² v + β²) and u = α̇ E[z|x] + β̇ E[ε|x] are finite; the direct
        // formula divided (x − α m) by α² v + β² < 1 first and overflowed
        double v = ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD, m = 5 * Math.sqrt(0.5), var = 0.25 * v + 0.25;
        double ez = m + (0.5 * v / var) * (1.7e308 - 0.5 * m), u = m + ((0.5 * v - 0.5) / var) * (1.7e308 - 0.5 * m);
        double[] x = {1.7e308, -1.7e308};
        assertArrayEquals(new double[] {ez, -ez}, GMM.posteriorMean(0.5, x), 1e-14 * ez);
        assertArrayEquals(new double[] {u, -u}, GMM.velocity(0.5, x), 1e-14 * Math.abs(u));
        assertArrayEquals(new double[] {u, -u}, GMM.velocity(0.5, new double[][] {x})[0], 1e-14 * Math.abs(u));
        // ordinary inputs: bit for bit the formulas as written
        double[] z = {0.3, -1.2}, s = {0.7, 0.1};
        double a = 0.4, b = 0.6;
        assertArrayEquals(new double[] {1 / a * z[0] + b * b / a * s[0], 1 / a * z[1] + b * b / a * s[1]}, TWEEDIE.posteriorMeanFromScore(0.4, z, s), 0.0);
    }

    @Test
    void pathSamplesRejectNonFiniteEntriesAndShapeMismatches() {
        // NaN and ±∞ were stored silently and surfaced later as a NaN loss
        assertMessage("xt[0][1] = NaN", () -> new PathSample(new double[][] {{0, Double.NaN}}, new double[][] {{0, 0}}));
        assertMessage("target[0][0] = -Infinity", () -> new PathSample(new double[][] {{0, 0}}, new double[][] {{Double.NEGATIVE_INFINITY, 0}}));
        assertMessage("target[0] has dimension 3, expected 2", () -> new PathSample(new double[][] {{0, 0}}, new double[][] {{0, 0, 0}}));
        assertMessage("xt[1] has dimension 1, expected 2", () -> new PathSample(new double[][] {{0, 0}, {0}}, new double[][] {{0, 0}, {0, 0}}));
        assertEquals(0, new PathSample(new double[0][], new double[0][]).size());
    }

    /**
     * RK4 from t = 1 to 0 in 40 steps evaluates its last stage at t0 + 39h + h = −9.0e-17; the
     * exact marginal field rejected it ("t = -9.020562075079397E-17 is outside [0, 1]").
     */
    @Test
    void rk4FromOneToZeroInFortyStepsRunsOnTheExactGmmField() {
        DoubleAccumulator lowest = new DoubleAccumulator(Math::min, 1);
        VectorField field = GMM.velocityField();
        VectorField recorded = (t, x) -> {
            lowest.accumulate(t);
            return field.apply(t, x);
        };
        double[][] data = ToyData.eightGaussians().sample(64, genflow.random.Rngs.seeded(3));
        double[][] noise = new RungeKutta4().integrate(recorded, data, 1, 0, 40);
        assertTrue(lowest.get() < 0, "the solver evaluated the field at t = " + lowest.get() + " (precondition of this test)");
        // the same as with the stage time clamped to 0 by hand, bit for bit
        VectorField clamped = (t, x) -> field.apply(Math.max(0, Math.min(1, t)), x);
        assertArrayEquals(noise[5], new RungeKutta4().integrate(clamped, data, 1, 0, 40)[5], 0.0);
        // and the flow is invertible: forward again from 0 to 1 returns the data (RK4 error ~ h⁴)
        double[][] back = new RungeKutta4().integrate(field, noise, 0, 1, 40);
        for (int i = 0; i < data.length; i++) assertArrayEquals(data[i], back[i], 1e-3);
        // a time clearly outside [0, 1] is still rejected
        assertMessage("t = -1.0E-9 is outside [0, 1]", () -> field.apply(-1e-9, data));
        // the other fields and paths of the package accept the same stage times
        assertArrayEquals(GMM.velocity(1, data[0]), GMM.velocity(1 + 2.3e-16, data[0]), 0.0);
        assertArrayEquals(PATH.conditionalVelocity(0, data[0], data[1]), PATH.conditionalVelocity(-9e-17, data[0], data[1]), 0.0);
        assertEquals(1.0, TimeReversal.flip(-9e-17));
        assertMessage("s = -1.0E-9 is outside [0, 1]", () -> TimeReversal.flip(-1e-9));
        UniformAtomsMarginal atoms = new UniformAtomsMarginal(UniformProcess.of(1), TimeChange.flowMatching(), new double[] {0.5, 0.5}, new double[] {-1, 1});
        assertEquals(atoms.velocity(1, 0.3), atoms.velocity(1 + 2.3e-16, 0.3));
        assertArrayEquals(PATH.sample(new double[] {1}, new double[][] {{0.2}}, new double[][] {{0.5}}).xt()[0],
                PATH.sample(new double[] {1 + 2.3e-16}, new double[][] {{0.2}}, new double[][] {{0.5}}).xt()[0], 0.0);
    }
}
