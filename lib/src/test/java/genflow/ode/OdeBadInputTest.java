package genflow.ode;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.ode. */
class OdeBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    private static final VectorField DECAY = (t, x) -> {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) y[i][j] = -y[i][j];
        }
        return y;
    };

    @Test
    void stepCountsAreCheckedBeforeAllocation() {
        int max = Integer.MAX_VALUE;
        // steps + 1 recorded times overflowed to a negative array length
        rejects("steps = 2147483647", () -> new Euler().trajectory(DECAY, new double[][] {{1}}, 0, 1, max));
        rejects("steps = 2147483647", () -> new Langevin(0.1).trajectory(DECAY, 0, new double[][] {{1}}, max, Rngs.seeded(1)));
        rejects("steps = 2147483647", () -> new EulerMaruyama().trajectory(Sde.of(DECAY, t -> 1), new double[][] {{1}}, 0, 1, max, Rngs.seeded(1)));
    }

    @Test
    void aStateThatLeavesTheDoubleRangeNamesTheIntegrationParameters() {
        double[][] x0 = {{0.1, 0.2}};
        // before: the field was blamed ("v(t, x)[0][0] = -Infinity is not finite"), or the last step returned ∞ silently
        rejects("the state became non-finite", () -> new Heun().integrate(DECAY, x0, 1e300, 1.5, 4));
        rejects("t0 = 1.0E300, t1 = 1.5 and steps = 4", () -> new Heun().integrate(DECAY, x0, 1e300, 1.5, 4));
        rejects("t0 = 1.0E300", () -> DormandPrince45.of(1e-6, 1e-9).integrate(DECAY, x0, 1e300, 1.5, 4));
        // a Runge–Kutta stage of a state near the end of the double range overflows (NaN before)
        rejects("initialSteps = 4", () -> DormandPrince45.of(1e-8, 1e-8).solve(DECAY, new double[][] {{1.7e308, -1.7e308}}, -1, 1.5, 4));
        rejects("t0 = 1.0E300", () -> new EulerMaruyama().integrate(Sde.of(DECAY, t -> 1), x0, 1e300, 1.5, 4, Rngs.seeded(1)));
        rejects("tStart = 1.0E300", () -> new ReverseSde(DECAY, t -> 1, (t, x) -> x).sample(x0, 1e300, 0, 4, Rngs.seeded(1)));
        // the last step overflowing was returned as ∞ before (the field is never evaluated there)
        VectorField huge = (t, x) -> new double[][] {{1e308, 1e308}};
        rejects("the state became non-finite (x[0][0] = Infinity at t = 2.0)", () -> new Euler().integrate(huge, new double[][] {{1e308, 0}}, 0, 2, 1));
        rejects("check x, t = 0.0 and h = 2.0", () -> new Euler().step(huge, 0, 2, new double[][] {{1e308, 0}}));
        rejects("stepSize = 1.0E300", () -> new Langevin(1e300).run(DECAY, 0, x0, 3, Rngs.seeded(1)));
        rejects("stepSize = 1.7E308: 2·stepSize must be finite", () -> new Langevin(1.7e308));
        rejects("t1 - t0 = Infinity", () -> new Euler().integrate(DECAY, x0, -1.7e308, 1.7e308, 4));
    }

    @Test
    void diffusionCoefficientsAndRecordsAreChecked() {
        // g(t) = NaN made the probability-flow drift NaN silently
        ProbabilityFlowOde pf = new ProbabilityFlowOde(DECAY, t -> Double.NaN, DECAY);
        rejects("g(t = 0.5) = NaN", () -> pf.apply(0.5, new double[][] {{0.1, 0.2}}));
        // the diffusion field is named as g as well ("diffusion(t, x)" alone did not say which argument)
        rejects("(the SDE's diffusion g)", () -> new EulerMaruyama().integrate(Sde.of(DECAY, t -> Double.NaN), new double[][] {{1}}, 0, 1, 2, Rngs.seeded(1)));
        rejects("g (the diffusion) must not be null", () -> Sde.diagonal(DECAY, null));
        // Trajectory: NaN times and states were stored; a null row gave a NullPointerException
        double[][][] states = {{{0.0}}, {{1.0}}};
        rejects("times[1] = NaN", () -> new Trajectory(new double[] {0, Double.NaN}, states, new int[] {0}));
        rejects("states[1][0][0] = NaN", () -> new Trajectory(new double[] {0, 1}, new double[][][] {{{0.0}}, {{Double.NaN}}}, new int[] {0}));
        rejects("states[1][0] has dimension null", () -> new Trajectory(new double[] {0, 1}, new double[][][] {{{0.0}}, {null}}, new int[] {0}));
        rejects("particles[0] = -1", () -> new Trajectory(new double[] {0, 1}, states, new int[] {-1}));
        rejects("states has 2 entries but times has 0", () -> new Trajectory(new double[0], states, new int[] {0}));
        rejects("x[0][0] = NaN", () -> new DormandPrince45.Result(new double[][] {{Double.NaN}}, 1, 0, 7));
        rejects("accepted = -1", () -> new DormandPrince45.Result(new double[][] {{1}}, -1, 0, 7));
        rejects("minFactor = 2.0", () -> DormandPrince45.builder().minFactor(2));
        rejects("maxFactor = 0.5", () -> DormandPrince45.builder().maxFactor(0.5));
    }
}
