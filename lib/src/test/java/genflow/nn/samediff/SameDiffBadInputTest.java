package genflow.nn.samediff;

import genflow.nn.Precision;
import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.DoubleAccumulator;

import static genflow.nn.samediff.SameDiffInputTest.rejected;
import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.nn.samediff. */
class SameDiffBadInputTest {
    /** v = [x, t] W + b: the cheapest model (8 parameters). */
    static SameDiffModel linear(Precision p) {
        return SameDiffModel.builder(2).precision(p).seed(1).network(g -> g.dense(g.concat(g.x(), g.t()), 2)).build();
    }

    @Test
    void graphSizesAreCheckedBeforeAllocation() {
        int max = Integer.MAX_VALUE;
        // the probe batch 3·dim overflowed (NegativeArraySizeException)
        rejected("dim = 2147483647 exceeds 1048576", () -> SameDiffModel.builder(max));
        // the layer's in × width initial values overflowed
        rejected("columns of h = 2 times width = 2147483647", () -> SameDiffModel.builder(2).network(g -> g.dense(g.x(), max)).build());
        rejected("columns = 2147483647 must be <= 1048576 (input w)", () -> SameDiffObjective.of(linear(Precision.FLOAT),
                (d, z, r) -> Batch.of(new double[d.length], d, d), (g, v) -> v.mul(g.input("w", max)).sum(1).mean()));
        // a null layer input was a NullPointerException inside ND4J, reported as "the network definition failed"
        rejected("h must not be null", () -> SameDiffModel.builder(2).network(g -> g.dense(g.silu(null), 2)).build());
        rejected("a (the activation) must not be null", () -> SameDiffModel.builder(2).network(g -> g.dense(g.activation(null, g.x()), 2)).build());
        rejected("parts must list at least one variable", () -> SameDiffModel.builder(2).network(g -> g.dense(g.concat(), 2)).build());
    }

    @Test
    void valuesTheFloatGraphCannotHoldAreRejected(@TempDir Path dir) {
        SameDiffModel net = linear(Precision.FLOAT);
        // (float) 1e200 = ∞: NaN came back
        rejected("x[0][0] = 1.0E200 exceeds the float range", () -> net.forward(0.5, new double[][] {{1e200, 0}}));
        SameDiffObjective cfm = SameDiffModelTest.studentCfm(net);
        double[] t = {0.5};
        double[][] x = {{0, 0}};
        rejected("batch input target[0][0] = 1.0E200 exceeds the float range", () -> cfm.value(Batch.of(t, x, new double[][] {{1e200, 1}})));
        // (1e30)² overflows float: the loss was ∞
        rejected("is not finite for this batch: its inputs (t, x, target)", () -> cfm.value(Batch.of(t, x, new double[][] {{1e30, 1}})));
        // the trainer's batch: named as data and noise, not as the loss's inputs
        rejected("the batch made from this data and noise cannot be used", () -> cfm.lossAndGradient(new double[] {1e300, 0}, new double[] {0, 0}, 1,
                Rngs.seeded(1), new double[1][net.numParameters()]));
        rejected("data[0][1] = NaN", () -> cfm.lossAndGradient(new double[] {0, Double.NaN}, new double[] {0, 0}, 1, Rngs.seeded(1), new double[1][net.numParameters()]));
        rejected("column (the values of input w) must not be null", () -> Batch.of(t, x).with("w", (double[]) null));
        rejected("is a folder", () -> net.save(dir));
        rejected("is a folder", () -> SameDiffModel.load(dir));
        rejected("does not exist", () -> net.save(dir.resolve("missing").resolve("m.bin")));
    }

    /** RK4 from 1 to 0 in 40 steps evaluates at t = −9.0e-17, which the model rejected. */
    @Test
    void stageTimesAHairOutsideTheIntervalAreClamped() {
        SameDiffModel net = linear(Precision.DOUBLE);
        VectorField field = net.asVectorField();
        DoubleAccumulator lowest = new DoubleAccumulator(Math::min, 1);
        double[][] x1 = {{0.5, -1}, {2, 0.25}};
        double[][] x0 = new RungeKutta4().integrate((s, x) -> {
            lowest.accumulate(s);
            return field.apply(s, x);
        }, x1, 1, 0, 40);
        assertTrue(lowest.get() < 0, "precondition: the solver evaluated at t = " + lowest.get());
        double[][] ref = new RungeKutta4().integrate((s, x) -> field.apply(Math.max(0, Math.min(1, s)), x), x1, 1, 0, 40);
        for (int i = 0; i < x1.length; i++) assertArrayEquals(ref[i], x0[i], 0.0);
        assertArrayEquals(net.forward(1, x1)[1], net.forward(1 + 2.3e-16, x1)[1], 0.0);
        rejected("t = -1.0E-9 is outside [0, 1]", () -> net.forward(-1e-9, x1));
        // a loss batch with such a time is accepted too
        SameDiffObjective cfm = SameDiffModelTest.studentCfm(net);
        double[][] target = {{1, 1}, {0, 1}};
        assertEquals(cfm.value(Batch.of(new double[] {0, 1}, x1, target)), cfm.value(Batch.of(new double[] {-9e-17, 1 + 2.3e-16}, x1, target)));
    }
}
