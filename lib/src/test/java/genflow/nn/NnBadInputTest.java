package genflow.nn;

import genflow.dist.GaussianMixture;
import genflow.loss.ConditionalFlowMatching;
import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.nn. */
class NnBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    static final GaussianMixture DATA = GaussianMixture.isotropic(new double[][] {{-2, 0}, {2, 1}}, 0.3);

    static Mlp small() {
        return Mlp.builder(2).hidden(4).seed(1).build();
    }

    @Test
    void sizesAreCheckedBeforeAllocation() {
        int max = Integer.MAX_VALUE;
        // NegativeArraySizeException: -4 before (sizes·sizes overflowed)
        rejects("hidden[0] = 2147483647 exceeds the largest layer width 46340", () -> Mlp.builder(2).hidden(max).build());
        rejects("hidden = [40000, 40000] with dim = 2 gives a net with 1600280002 parameters, more than 134217728", () -> Mlp.builder(2).hidden(40_000, 40_000).build());
        rejects("dim = 2147483647", () -> Mlp.builder(max));
        rejects("hidden lists 1025 widths", () -> Mlp.builder(2).hidden(new int[1025]));
        // OutOfMemoryError: Java heap space before
        rejects("dim = 2147483647 with bins = 8 gives", () -> RqSpline.identity(max, 8, 5));
        rejects("dim = 10000000 with bins = 1024 gives 30710000000 parameters", () -> RqSpline.identity(10_000_000, 1024, 5));
        rejects("n = 2147483647", () -> small().workspace().forward(new double[1], new double[2], max));
        rejects("rows = 2147483647 times cols = 2147483647", () -> Nd4jBridge.matrix(new double[1], max, max));
        rejects("steps = 2147483647 (one loss per step) needs", () -> Trainer.builder(ConditionalFlowMatching.independent(small())).steps(max));
        rejects("batchSize = 2147483647 times dimension d of the objective = 2", () -> Trainer.builder(ConditionalFlowMatching.independent(small())).batchSize(max));
    }

    @Test
    void splineFilesAndSplinesHaveTheSameConstraints(@TempDir Path dir) throws Exception {
        // NaN quantiles from a bound whose double 2B overflows
        rejects("bound = 1.7E308 must be <= 1.0E150", () -> RqSpline.identity(1, 8, 1.7e308));
        Path f = dir.resolve("big-bound.bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(0x47525153);
            out.writeInt(1);
            out.writeInt(1);
            out.writeInt(2);
            out.writeLong(Double.doubleToRawLongBits(1e300));
            for (int i = 0; i < 5; i++) out.writeLong(Double.doubleToRawLongBits(0.0));
        }
        rejects("has bound = 1.0E300, which must be <= 1.0E150", () -> RqSpline.load(f));
        // a folder or a missing folder is named as the file, not an I/O error
        rejects("is a folder", () -> small().save(dir));
        rejects("does not exist", () -> small().save(dir.resolve("missing").resolve("net.bin")));
        rejects("is a folder", () -> Mlp.load(dir));
        rejects("is a folder", () -> RqSpline.identity(1).save(dir));
        rejects("does not exist", () -> RqSpline.load(dir.resolve("none.bin")));
    }

    @Test
    void inputsTheArithmeticCannotHoldAreRejected() {
        // (float) 1e200 = ∞: the FLOAT net returned NaN
        rejects("x[0][0] = 1.0E200 exceeds the float range", () -> small().forward(0.5, new double[][] {{1e200, 0}}));
        // parameters that have run away (1e200 each): the output 1e400 was returned as ∞
        Mlp dbl = Mlp.builder(2).hidden(4).seed(1).precision(Precision.DOUBLE).build();
        java.util.Arrays.fill(dbl.parameters(), 1e200);
        rejects("the net's output v(t, x) is not finite at row 0", () -> dbl.forward(0.5, new double[][] {{1, 1}}));
        rejects("or its parameters are (a diverged training", () -> dbl.forward(0.5, new double[][] {{1, 1}}));
        // the INDArray entry points name t and x ("array element 0 = NaN must be finite" before)
        rejects("t element 0 = NaN", () -> small().forward(Nd4j.scalar(Double.NaN), Nd4j.zeros(1, 2)));
        rejects("x element 1 = NaN", () -> small().forward(Nd4j.scalar(0.5), Nd4j.create(new double[][] {{0, Double.NaN}})));
        // flat workspace: x and dOut are checked (NaN passed through before)
        rejects("x[1][0] = NaN", () -> small().workspace().forward(new double[] {0.5, 0.5}, new double[] {0, 0, Double.NaN, 0}, 2));
        Mlp.Workspace ws = small().workspace();
        ws.forward(new double[] {0.5}, new double[] {0, 0}, 1);
        rejects("dOut[1] = Infinity", () -> ws.backward(new double[] {0, Double.POSITIVE_INFINITY}, new double[26], null));
        // the spline's flat backward named dq "output"
        RqSpline q = RqSpline.identity(2, 4, 3);
        rejects("dq must hold n*d = 4 values", () -> q.backward(new double[] {0.3, 0.6, 0.2, 0.9}, 2, new double[3], new double[22]));
        rejects("out must hold n*d = 4 values", () -> q.forward(new double[] {0.3, 0.6, 0.2, 0.9}, 2, new double[3]));
        rejects("u[1][0] = 1.5 is outside (0, 1)", () -> q.quantile(new double[][] {{0.5, 0.5}, {1.5, 0.5}}));
        rejects("u must have at least one row", () -> q.quantile(new double[0][]));
        // time features: NaN was embedded silently, a short buffer threw ArrayIndexOutOfBounds
        rejects("t = NaN must be a finite number", () -> TimeEmbedding.sinusoidal(2).embed(Double.NaN, new double[5], 0));
        rejects("off = 1: the 5 features do not fit in out of length 5", () -> TimeEmbedding.sinusoidal(2).embed(0.5, new double[5], 1));
        rejects("out must not be null", () -> TimeEmbedding.raw().embed(0.5, null, 0));
    }

    @Test
    void optimizerAndTrainerArgumentsAreNamed() {
        // a learning rate that sends a parameter to ∞ (the parameters were ∞ silently)
        double[] p = {0.5, -0.5};
        rejects("learningRate = 1.7E308", () -> Adam.builder().learningRate(1.7e308).build((Parametric) () -> p).step(new double[][] {{1, -1}}));
        rejects("blocks must not be null", () -> Adam.builder().build((Parametric[]) null));
        rejects("blocks[0] must not be null", () -> Adam.builder().build(new Parametric[] {null}));
        rejects("blocks[0] has no parameter vector", () -> Adam.builder().build((Parametric) () -> null));
        // parameter names the messages use
        rejects("adam (the optimizer) must not be null", () -> Trainer.builder(ConditionalFlowMatching.independent(small())).optimizer(null));
        rejects("out (the progress stream) must not be null", () -> Trainer.builder(ConditionalFlowMatching.independent(small())).progressTo(null));
        // histories with NaN losses or no step; steps per second of a zero-length run stays finite
        rejects("losses[1] = NaN", () -> new Trainer.History(new double[] {1, Double.NaN}, 1));
        rejects("losses must hold at least one step", () -> new Trainer.History(new double[0], 1));
        rejects("seconds = -1.0", () -> new Trainer.History(new double[] {1}, -1));
        assertEquals(1e9, new Trainer.History(new double[] {1}, 0).stepsPerSecond(), 1);
        rejects("loss = NaN", () -> new Objective.Value(Double.NaN, List.of()));
        rejects("gradients[0] has an entry that is not finite", () -> new Objective.Value(1, List.of(Nd4j.create(new double[] {0, Double.NaN}))));
    }

    /** An objective that cannot evaluate a batch after training started has diverged; before the first step it is bad input. */
    @Test
    void aModelThatBlowsUpDuringTrainingStopsAsDivergence() {
        Mlp m = small();
        Objective base = ConditionalFlowMatching.independent(m);
        Objective failsAt3 = new Objective() {
            int calls;
            public int dim() { return 2; }
            public List<Parametric> parameters() { return base.parameters(); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                if (++calls == 3) throw new IllegalArgumentException("the net's output v(t, x) is not finite at row 0");
                return base.lossAndGradient(data, noise, n, rng, g);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Trainer.builder(failsAt3).data(DATA).steps(10).batchSize(8).progressEvery(0).build().run());
        assertTrue(e.getMessage().startsWith("training diverged at step 3: the net's output") && e.getMessage().contains("lower learning rate"), e.getMessage());
        Objective failsAt1 = new Objective() {
            public int dim() { return 2; }
            public List<Parametric> parameters() { return base.parameters(); }
            public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] g) {
                throw new IllegalArgumentException("noise must not be null");
            }
        };
        rejects("noise must not be null", () -> Trainer.builder(failsAt1).data(DATA).steps(10).batchSize(8).progressEvery(0).build().run());
        // data too large for the squared error: named as data (the FLOAT net cannot hold x_t)
        rejects("check the data and noise", () -> base.evaluate(Nd4j.create(new double[][] {{1e300, 1e300}}), Nd4j.zeros(1, 2), Rngs.seeded(1)));
    }

    /**
     * RK4 from t = 1 to 0 in 40 steps evaluates its last stage at −9.0e-17; the net's field threw
     * "t = -9.020562075079397E-17 is outside [0, 1]".
     */
    @Test
    void rk4FromOneToZeroInFortyStepsRunsOnAnMlpField() {
        Mlp net = Mlp.builder(2).hidden(16).seed(4).build();
        VectorField field = net.asVectorField();
        DoubleAccumulator lowest = new DoubleAccumulator(Math::min, 1);
        VectorField recorded = (t, x) -> {
            lowest.accumulate(t);
            return field.apply(t, x);
        };
        double[][] x1 = DATA.sample(32, Rngs.seeded(5));
        double[][] x0 = new RungeKutta4().integrate(recorded, x1, 1, 0, 40);
        assertTrue(lowest.get() < 0, "the solver evaluated the field at t = " + lowest.get() + " (precondition of this test)");
        // exactly what the field gives with the stage time clamped to 0 by hand
        VectorField clamped = (t, x) -> field.apply(Math.max(0, Math.min(1, t)), x);
        double[][] ref = new RungeKutta4().integrate(clamped, x1, 1, 0, 40);
        for (int i = 0; i < x1.length; i++) assertArrayEquals(ref[i], x0[i], 0.0);
        // the flat workspace and the INDArray form accept the same times; outside the tolerance they are rejected
        double[] atZero = net.workspace().forward(new double[] {0}, x1[0], 1).clone();
        assertArrayEquals(atZero, net.workspace().forward(new double[] {-9e-17}, x1[0], 1), 0.0);
        assertArrayEquals(net.forward(1, new double[][] {x1[0]})[0], net.forward(1 + 2.3e-16, new double[][] {x1[0]})[0], 0.0);
        rejects("t = -1.0E-9 is outside [0, 1]", () -> field.apply(-1e-9, x1));
        rejects("t[0] = 1.000000001 is outside [0, 1]", () -> net.workspace().forward(new double[] {1.000000001}, x1[0], 1));
    }
}
