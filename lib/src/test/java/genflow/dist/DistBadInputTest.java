package genflow.dist;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.dist. */
class DistBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    private static final RandomGenerator RNG = Rngs.seeded(3);

    @Test
    void gmmResponsibilitiesAreFiniteAndRightFarFromTheData() {
        GaussianMixture eight = ToyData.eightGaussians();
        // NaN at |x| = 1e300 before (every log joint −∞); all mass on the mode in the direction of x
        assertArrayEquals(oneHot(8, 0), eight.responsibilities(new double[] {1e300, 0}), 0);
        assertArrayEquals(oneHot(8, 0), eight.responsibilities(new double[] {1e100, 0}), 0);
        assertArrayEquals(oneHot(8, 3), eight.responsibilities(new double[] {-1e300, 1e300}), 0);
        assertArrayEquals(oneHot(8, 6), eight.responsibilities(new double[] {0, -1.7e308}), 0);
        // means (0, 0) and (0, 1): far along the first axis the quadratic forms are huge and equal up to
        // the second coordinate, whose odds e^{1/2} the plain log-sum-exp lost (it returned [0.5, 0.5]
        // at 1e100, NaN at 1e300)
        GaussianMixture side = GaussianMixture.isotropic(new double[][] {{0, 0}, {0, 1}}, 1.0);
        double g0 = 1 / (1 + Math.exp(-0.5));
        for (double far : new double[] {1e4, 1e100, 1e160, 1e300, 1.7e308}) {
            double[] g = side.responsibilities(new double[] {far, 0});
            assertEquals(g0, g[0], 1e-12, "x = " + far);
            assertEquals(1 - g0, g[1], 1e-12, "x = " + far);
        }
        // unequal variances: the wider component wins far out; weights and variances as in the exact formula
        GaussianMixture wide = new GaussianMixture(new double[] {0.9, 0.1}, new double[][] {{0}, {0}}, new double[][] {{1}, {4}});
        assertArrayEquals(new double[] {0, 1}, wide.responsibilities(new double[] {1e200}), 0);
        double x = 40; // still on the plain path: exact log-sum-exp against the closed form
        double l0 = Math.log(0.9) - 0.5 * x * x - 0.5 * Math.log(2 * Math.PI), l1 = Math.log(0.1) - x * x / 8 - 0.5 * Math.log(8 * Math.PI);
        assertEquals(1 / (1 + Math.exp(l0 - l1)), wide.responsibilities(new double[] {x})[1], 1e-15);
        // the two far paths (double differences, exact BigDecimal differences) agree with the plain one where all apply
        GaussianMixture grid = ToyData.grid3x3();
        double[] near = grid.responsibilities(new double[] {900, 700}); // q ≈ 1e7: the difference path
        double[] pred = new double[9];
        double[] lj = grid.logJoint(new double[] {900, 700});
        double m = java.util.Arrays.stream(lj).max().getAsDouble(), tot = 0;
        for (int k = 0; k < 9; k++) tot += pred[k] = Math.exp(lj[k] - m);
        for (int k = 0; k < 9; k++) assertEquals(pred[k] / tot, near[k], 1e-6);
    }

    @Test
    void gmmLogDensityAndScoreFarOut() {
        GaussianMixture eight = ToyData.eightGaussians();
        double s2 = ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD;
        // log p(x) at 1e100 is finite; at 1e300 (≈ −1e600) it is not a double and is rejected, naming x
        assertEquals(-1e200 / (2 * s2), eight.logDensity(new double[] {1e100, 0}), 1e188);
        assertEquals(-(0.5 * 1.5e154) * 1.5e154, eight.logDensity(new double[] {1.5e154 * Math.sqrt(s2), 0}), 1e296);
        rejects("x = [1.0E300, 0.0] is so far from every component that log p(x)", () -> eight.logDensity(new double[] {1e300, 0}));
        rejects("x = [1.0E300, 0.0] is so far from component 0", () -> eight.logJoint(new double[] {1e300, 0}));
        // score (m − x)/σ² of the winning component: finite at 1e300, rejected when beyond the double range
        double[] s = eight.score(new double[] {1e300, 0});
        assertEquals(-1e300 / s2, s[0], 1e288);
        assertEquals(0, s[1], 1e-300);
        rejects("the score ∇log p(x) has entry 0", () -> GaussianMixture.isotropic(new double[][] {{0, 0}, {1, 1}}, 0.1).score(new double[] {-1.7e308, 0}));
    }

    @Test
    void densitiesFarOutAreFiniteOrRejected() {
        // Gaussian: −∞ before; now −x²/2 is computed from halves where x² alone overflows, or rejected
        Gaussian g = Gaussian.standard(2);
        assertEquals(-0.5 * 1.5e154 * 1.5e154 - Math.log(2 * Math.PI), g.logDensity(new double[] {1.5e154, 0}), 1e294);
        rejects("x = [1.0E300, 0.0] is so far from the mean", () -> g.logDensity(new double[] {1e300, 0}));
        rejects("x[0] = 1.7E308: the score", () -> Gaussian.isotropic(new double[] {0}, 0.01).score(new double[] {1.7e308}));
        rejects("sigma = 1.0E300: its square", () -> Gaussian.isotropic(new double[] {0}, 1e300));
        rejects("std[0] = 4.9E-324: its square", () -> new Gaussian(new double[] {0}, new double[] {Double.MIN_VALUE}));
        // Student-t: −∞ before; log(1 + x²/ν) ~ 2 log|x| − log ν
        StudentT t = StudentT.standard(3, 2);
        double expected = 2 * genflow.math.SpecialFunctions.studentTLogNormaliser(3) - 2 * (2 * Math.log(1e300) - Math.log(3));
        assertEquals(expected, t.logDensity(new double[] {1e300, 0}), 1e-12 * 2763);
        // score −(ν+1)r/(ν + r²) ≈ −(ν+1)/r: NaN (∞/∞) at ±1.7e308 before
        assertEquals(-4 / 1.7e308, t.score(new double[] {1.7e308, 0})[0], 1e-320);
        assertEquals(4 / 1.7e308, t.score(new double[] {-1.7e308, 0})[0], 1e-320);
        // Neal's funnel: v = 800 makes e^{−v} underflow; x² e^{−v} = e^{2 log|x| − v} is finite (NaN before)
        NealsFunnel f = new NealsFunnel(2);
        double v = 800, x1 = 1e200;
        double lp = f.logDensity(new double[] {v, x1});
        assertEquals(-v * v / 18 - Math.log(3) - Math.log(2 * Math.PI) - 0.5 * Math.exp(2 * Math.log(x1) - v) - 0.5 * v, lp, 1e-10 * Math.abs(lp));
        double[] sc = f.score(new double[] {v, x1});
        assertEquals(-v / 9 + 0.5 * (Math.exp(2 * Math.log(x1) - v) - 1), sc[0], 1e-10 * Math.abs(sc[0]));
        assertEquals(-Math.exp(Math.log(x1) - v), sc[1], 1e-10 * Math.abs(sc[1]));
        rejects("x = [1.0E300, 1.0E300]: log p(x)", () -> f.logDensity(new double[] {1e300, 1e300}));
        // uniform box wider than the double range: finite log volume, draws spread over the box
        Uniform wideBox = Uniform.cube(-1.7e308, 1.7e308, 1);
        assertEquals(-(Math.log(1.7e308) + Math.log(2)), wideBox.logDensity(new double[] {0}), 1e-12);
        double[][] draws = wideBox.sample(200, RNG);
        long negative = java.util.Arrays.stream(draws).filter(r -> r[0] < 0).count();
        assertTrue(negative > 60 && negative < 140, "negative draws " + negative);
    }

    @Test
    void sizesAndParametersAreCheckedBeforeAllocation() {
        int max = Integer.MAX_VALUE;
        rejects("n = 1073741823 times dimension d = 4", () -> Gaussian.standard(4).sample(max / 2, RNG)); // n·d overflow
        rejects("n = 1073741824 times dimension d = 2", () -> ToyData.eightGaussians().sample(max / 2 + 1, RNG));
        rejects("n = 2147483647", () -> ToyData.moons().sample(max, RNG));
        rejects("d = 2147483647", () -> new NealsFunnel(max));
        rejects("d = 2147483647", () -> StudentT.standard(3, max));
        rejects("d = 2147483647", () -> Uniform.cube(0, 1, max));
        rejects("d = 2147483647", () -> Gaussian.standard(max));
        rejects("n = 2147483647", () -> new Empirical(new double[][] {{1, 2}}).sample(max, RNG));
        // messages name the parameter that is wrong
        rejects("means must have at least one row", () -> GaussianMixture.isotropic(new double[0][], 1.0));
        rejects("means[0] must not be null", () -> GaussianMixture.isotropic(new double[] {1}, new double[][] {null}, new double[] {1, 2}));
        rejects("std = 1.0E300: its square", () -> ToyData.eightGaussians(5, 1e300));
        rejects("std = 4.9E-324: its square", () -> ToyData.grid3x3(4, Double.MIN_VALUE, 1));
        rejects("noise = 1.7E308 is outside [0, 1.0E300]", () -> ToyData.moons(1.7e308));
        rejects("noise = 1.7E308", () -> ToyData.circles(1.7e308, 0.5));
        rejects("noise = 1.7E308", () -> ToyData.spirals(1.7e308));
        // a corner weight ratio of 1.7e308 overflowed the weight sum ("weights must have a finite sum")
        GaussianMixture g = ToyData.grid3x3(4, 0.5, 1.7e308);
        assertEquals(0.25, g.weights()[0], 1e-15);
        assertEquals(0, g.weights()[1], 1e-300);
        assertEquals(1.0 / 19, ToyData.grid3x3().weights()[0], 1e-16); // the default is unchanged
        // Student-t draws beyond the double range (ν = 4.9e-324) are rejected, naming nu
        rejects("nu = 4.9E-324", () -> StudentT.standard(Double.MIN_VALUE, 1).sample(3, RNG));
    }

    private static double[] oneHot(int k, int i) {
        double[] e = new double[k];
        e[i] = 1;
        return e;
    }
}
