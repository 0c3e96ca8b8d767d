package genflow.ode;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class DivergenceTest {
    /**
     * A nonlinear, time-dependent field with a non-symmetric Jacobian:
     * v = (x₁x₂ + sin(3t) x₁², cos x₁ − t x₂³ + x₁). Exact: ∇·v = x₂ + 2 sin(3t) x₁ − 3t x₂²,
     * J = [[x₂ + 2 sin(3t) x₁, x₁], [−sin x₁ + 1, −3t x₂²]].
     */
    static final VectorField FIELD = (t, x) -> {
        double[][] o = new double[x.length][2];
        for (int i = 0; i < x.length; i++) {
            double a = x[i][0], b = x[i][1];
            o[i][0] = a * b + Math.sin(3 * t) * a * a;
            o[i][1] = Math.cos(a) - t * b * b * b + a;
        }
        return o;
    };

    static double exactDiv(double t, double[] x) {
        return x[1] + 2 * Math.sin(3 * t) * x[0] - 3 * t * x[1] * x[1];
    }

    static double[][] exactJacobian(double t, double[] x) {
        return new double[][]{{x[1] + 2 * Math.sin(3 * t) * x[0], x[0]}, {-Math.sin(x[0]) + 1, -3 * t * x[1] * x[1]}};
    }

    static final double[][] POINTS = {{0.3, -1.1}, {1.7, 0.4}, {-2.0, 2.5}};

    @Test
    void centralDifferencesMatchTheAnalyticDivergence() {
        for (double t : new double[]{0.0, 0.35, 0.9}) {
            double[] div = Divergence.exact(FIELD, t, POINTS);
            for (int i = 0; i < POINTS.length; i++) assertEquals(exactDiv(t, POINTS[i]), div[i], 1e-8, "t = " + t + ", row " + i);
        }
    }

    @Test
    void centralDifferenceErrorShrinksLikeEpsSquared() {
        // a cubic term: error of the central difference = ε² ∂³v/6 exactly; for v₂ = −t x₂³: −t ε² (per coordinate 2)
        double t = 0.7;
        double[][] x = {{0.5, 0.8}};
        for (double eps : new double[]{1e-1, 1e-2}) {
            double err = Divergence.centralDifferences(FIELD, t, x, eps)[0] - exactDiv(t, x[0]);
            // v₁ has no x₁³ term (a·b and a² are exact); v₂'s x₂³ term gives −t ε²
            assertEquals(-t * eps * eps, err, 1e-10, "eps = " + eps);
        }
    }

    @Test
    void jacobianMatchesAnalyticEntries() {
        double[][] j = Divergence.jacobian(FIELD, 0.4, POINTS[1], 1e-5);
        double[][] e = exactJacobian(0.4, POINTS[1]);
        for (int a = 0; a < 2; a++) assertArrayEquals(e[a], j[a], 1e-8);
    }

    @Test
    void aDivergenceFieldSuppliesItsOwnDivergence() {
        // v = A x with tr A = 0.25, but the field claims 42: exact() must use the field's own answer
        DivergenceField f = new DivergenceField() {
            public double[][] apply(double t, double[][] x) {
                double[][] o = new double[x.length][2];
                for (int i = 0; i < x.length; i++) { o[i][0] = 0.5 * x[i][0] - x[i][1]; o[i][1] = x[i][0] - 0.25 * x[i][1]; }
                return o;
            }
            public double[] divergence(double t, double[][] x) { double[] d = new double[x.length]; java.util.Arrays.fill(d, 42); return d; }
        };
        assertArrayEquals(new double[]{42, 42, 42}, Divergence.exact(f, 0.1, POINTS), 0);
        assertEquals(0.25, Divergence.centralDifferences(f, 0.1, POINTS, 1e-5)[2], 1e-9);
    }

    @Test
    void rademacherHutchinsonIsExactForADiagonalJacobian() {
        // v = (2x₁, −3x₂ + x₂²): J diagonal, so εᵀJε = Σ J_jj ε_j² = tr J for every Rademacher probe (variance 0)
        VectorField diag = (t, x) -> {
            double[][] o = new double[x.length][2];
            for (int i = 0; i < x.length; i++) { o[i][0] = 2 * x[i][0]; o[i][1] = -3 * x[i][1] + x[i][1] * x[i][1]; }
            return o;
        };
        double[] est = Divergence.hutchinson(diag, 0, POINTS, Divergence.Probe.RADEMACHER, 1, Rngs.seeded(3));
        for (int i = 0; i < POINTS.length; i++) assertEquals(2 - 3 + 2 * POINTS[i][1], est[i], 1e-8);
        double[][] j = Divergence.jacobian(diag, 0, POINTS[0], 1e-5);
        assertEquals(0, Divergence.hutchinsonVariance(j, Divergence.Probe.RADEMACHER), 1e-12);
        assertEquals(2 * (4 + Math.pow(-3 + 2 * POINTS[0][1], 2)), Divergence.hutchinsonVariance(j, Divergence.Probe.GAUSSIAN), 1e-8);
    }

    /**
     * One-probe estimates at a point with a non-symmetric Jacobian: their mean is ∇·v within 4
     * standard errors and their variance matches 2‖J_s‖_F² − 2ΣJ_jj² (Rademacher) or 2‖J_s‖_F²
     * (Gaussian) within 4 standard errors of a sample variance (SE from the sample's 4th moment).
     * The "symmetric" formula 2‖J‖_F² − 2ΣJ_jj² is far outside that band here.
     */
    @Test
    void hutchinsonIsUnbiasedWithTheStatedVariance() {
        double t = 0.6;
        double[] p = {1.2, -0.7};
        int reps = 40_000;
        double[][] x = new double[reps][];
        for (int r = 0; r < reps; r++) x[r] = p.clone();   // the same point in every row: independent probes
        double[][] jac = exactJacobian(t, p);
        for (Divergence.Probe probe : Divergence.Probe.values()) {
            double[] est = Divergence.hutchinson(FIELD, t, x, probe, 1, Rngs.seeded(17));
            double m = 0;
            for (double e : est) m += e / reps;
            double v = 0, m4 = 0;
            for (double e : est) { v += (e - m) * (e - m) / (reps - 1); m4 += Math.pow(e - m, 4) / reps; }
            double theory = Divergence.hutchinsonVariance(jac, probe);
            // in 2-D a Rademacher estimate takes two values (m4 = v²): its sample variance is exact up to O(1/reps)
            double seVar = Math.max(Math.sqrt(Math.max(m4 - v * v, 0) / reps), 0.005 * theory);
            System.out.printf("Hutchinson %s: mean %.4f (exact %.4f), variance %.4f (theory %.4f ± %.4f)%n",
                    probe, m, exactDiv(t, p), v, theory, seVar);
            assertEquals(exactDiv(t, p), m, 4 * Math.sqrt(theory / reps), probe + " mean");
            assertEquals(theory, v, 4 * seVar, probe + " variance");
            double fro = 0, diag = 0;
            for (int a = 0; a < 2; a++) { diag += jac[a][a] * jac[a][a]; for (int b = 0; b < 2; b++) fro += jac[a][b] * jac[a][b]; }
            if (probe == Divergence.Probe.RADEMACHER) assertTrue(Math.abs(2 * fro - 2 * diag - v) > 0.2 * v, "J is not symmetric here");
        }
    }

    @Test
    void theMeanOfKProbesHasOneKthTheVariance() {
        double t = 0.6;
        double[] p = {1.2, -0.7};
        int reps = 20_000, k = 8;
        double[][] x = new double[reps][];
        for (int r = 0; r < reps; r++) x[r] = p.clone();
        double[] est = Divergence.hutchinson(FIELD, t, x, Divergence.Probe.GAUSSIAN, k, Rngs.seeded(5));
        double m = 0, v = 0;
        for (double e : est) m += e / reps;
        for (double e : est) v += (e - m) * (e - m) / (reps - 1);
        double theory = Divergence.hutchinsonVariance(exactJacobian(t, p), Divergence.Probe.GAUSSIAN) / k;
        assertEquals(theory, v, 0.1 * theory);
    }

    @Test
    void probesHaveTheRightEntriesAndAreReproducible() {
        double[][][] r = Divergence.probes(Divergence.Probe.RADEMACHER, 3, 50, 4, Rngs.seeded(9));
        int plus = 0;
        for (double[][] a : r) for (double[] b : a) for (double c : b) { assertEquals(1, Math.abs(c), 0); if (c > 0) plus++; }
        assertEquals(300, plus, 4 * Math.sqrt(150), "about half are +1");
        double[][][] g1 = Divergence.probes(Divergence.Probe.GAUSSIAN, 2, 5, 3, Rngs.seeded(9));
        double[][][] g2 = Divergence.probes(Divergence.Probe.GAUSSIAN, 2, 5, 3, Rngs.seeded(9));
        for (int m = 0; m < 2; m++) for (int i = 0; i < 5; i++) assertArrayEquals(g1[m][i], g2[m][i], 0);
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        RandomGenerator rng = Rngs.seeded(1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.exact(null, 0, POINTS)).getMessage().contains("v"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.centralDifferences(FIELD, 0, POINTS, 0)).getMessage().contains("eps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.exact(FIELD, Double.NaN, POINTS)).getMessage().contains("t"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.exact(FIELD, 0, new double[0][])).getMessage().contains("x"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.hutchinson(FIELD, 0, POINTS, Divergence.Probe.GAUSSIAN, 0, rng)).getMessage().contains("k"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Divergence.hutchinson(FIELD, 0, POINTS, null, 1, rng)).getMessage().contains("probe"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Divergence.hutchinson(FIELD, 0, POINTS, new double[1][2][2], 1e-5)).getMessage().contains("probes[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Divergence.hutchinsonVariance(new double[][]{{1, 2}}, Divergence.Probe.GAUSSIAN)).getMessage().contains("jacobian"));
        VectorField nan = (t, x) -> new double[x.length][2 * 0 + 2 - 1];
        assertThrows(IllegalArgumentException.class, () -> Divergence.exact(nan, 0, POINTS));
    }
}
