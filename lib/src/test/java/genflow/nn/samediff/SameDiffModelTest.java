package genflow.nn.samediff;

import genflow.dist.GaussianMixture;
import genflow.loss.ConditionalFlowMatching;
import genflow.nn.Activation;
import genflow.nn.FieldModel;
import genflow.nn.GradCheck;
import genflow.nn.Mlp;
import genflow.nn.Precision;
import genflow.nn.TimeEmbedding;
import genflow.nn.Trainer;
import genflow.ode.RungeKutta4;
import genflow.path.GaussianPath;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The SameDiff modelling layer checked against the fused {@link Mlp} — and the fused kernels
 * checked against SameDiff's automatic differentiation of the same network with the same
 * parameters (issue 11, item 3).
 */
class SameDiffModelTest {
    static final int D = 2;

    /** The Mlp's architecture written as a student would: [x, e(t)] → dense → act → … → dense(d). */
    static SameDiffModel like(Mlp m, Precision p) {
        return SameDiffModel.builder(m.dim()).precision(p).seed(m.seed()).network(g -> {
            SDVariable h = g.concat(g.x(), g.timeFeatures(m.timeEmbedding()));
            for (int w : m.hidden()) h = g.activation(m.activation(), g.dense(h, w));
            return g.dense(h, m.dim());
        }).build();
    }

    static double[] times(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = r.nextDouble();
        return t;
    }

    static double maxAbs(double[] a) {
        return Arrays.stream(a).map(Math::abs).max().orElse(0);
    }

    /**
     * Forward pass, parameter gradient and input gradient of the fused kernels against SameDiff
     * autodiff, for every activation, in DOUBLE (relative tolerance 1e-10: both are exact up to
     * rounding) and FLOAT (2e-5 of the largest entry, float rounding of a 3-layer net with sinusoidal
     * time features). The loss is L = Σ w ⊙ v with fixed random weights w.
     */
    @Test
    void fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat() {
        int n = 9;
        double[] x = GradCheck.gaussian(n, D, 3, 1.5, 0), t = times(n, 4), w = GradCheck.gaussian(n, D, 5, 1, 0);
        for (Precision p : Precision.values()) {
            double tol = p == Precision.DOUBLE ? 1e-10 : 2e-5;
            for (Activation act : Activation.values()) {
                Mlp mlp = Mlp.builder(D).hidden(16, 12).activation(act).timeEmbedding(TimeEmbedding.sinusoidal(2)).precision(p).seed(7).build();
                SameDiffModel sd = like(mlp, p);
                // same seed, same layers: the student's graph starts from exactly the Mlp's parameters
                assertArrayEquals(mlp.parameters(), sd.parameters(), 0.0, "initial parameters");
                FieldModel.Workspace a = mlp.workspace(), b = sd.workspace();
                double[] va = a.forward(t, x, n).clone(), vb = b.forward(t, x, n).clone();
                double scale = Math.max(1, maxAbs(va));
                for (int i = 0; i < va.length; i++) assertEquals(va[i], vb[i], tol * scale, p + " " + act + " forward " + i);
                double[] ga = new double[mlp.numParameters()], gb = new double[sd.numParameters()];
                double[] xa = new double[n * D], xb = new double[n * D];
                a.backward(w, ga, xa);
                b.backward(w, gb, xb);
                double gs = maxAbs(ga), xs = maxAbs(xa);
                for (int i = 0; i < ga.length; i++) assertEquals(ga[i], gb[i], tol * gs, p + " " + act + " parameter gradient " + i);
                for (int i = 0; i < xa.length; i++) assertEquals(xa[i], xb[i], tol * xs, p + " " + act + " input gradient " + i);
            }
        }
    }

    /**
     * The chosen way to run SameDiff training steps (one pass of the gradient function, parameters
     * in a double vector, genflow's Adam) proven correct: a CFM loss written as a SameDiff
     * expression on path.sample(...) gives the library loss's value and gradient on the same
     * parameters, and 120 Trainer steps on the same seed give the fused Mlp's loss trajectory
     * (DOUBLE: 1e-9 relative per step; FLOAT: 1e-3 — float rounding that Adam carries along).
     */
    @Test
    void samediffCfmTrainsAlongTheFusedTrajectory() {
        GaussianMixture data = GaussianMixture.isotropic(new double[][]{{-2, 0}, {2, 1}, {0, 3}}, 0.4);
        for (Precision p : Precision.values()) {
            Mlp mlp = Mlp.builder(D).hidden(24, 24).timeEmbedding(TimeEmbedding.sinusoidal(1)).precision(p).seed(3).build();
            SameDiffModel net = like(mlp, p);
            SameDiffObjective cfm = studentCfm(net);
            int steps = 120;
            double[] fused = Trainer.builder(ConditionalFlowMatching.independent(mlp)).data(data).steps(steps).batchSize(64)
                    .learningRate(3e-3).seed(11).progressEvery(0).build().run().losses();
            double[] samediff = Trainer.builder(cfm).data(data).steps(steps).batchSize(64)
                    .learningRate(3e-3).seed(11).progressEvery(0).build().run().losses();
            double tol = p == Precision.DOUBLE ? 1e-9 : 1e-3;
            for (int k = 0; k < steps; k++) assertEquals(fused[k], samediff[k], tol * fused[k], p + " step " + (k + 1));
            assertTrue(fused[steps - 1] < 0.7 * fused[0], "training reduced the loss: " + fused[0] + " -> " + fused[steps - 1]);
            double ps = maxAbs(mlp.parameters());
            for (int i = 0; i < mlp.numParameters(); i++) assertEquals(mlp.parameters()[i], net.parameters()[i], (p == Precision.DOUBLE ? 1e-9 : 2e-3) * ps);
        }
    }

    static SameDiffObjective studentCfm(SameDiffModel net) {
        GaussianPath path = new GaussianPath(new LinearSchedule());
        return SameDiffObjective.of(net,
                (data, noise, rng) -> {
                    double[] t = new double[data.length];
                    for (int i = 0; i < t.length; i++) t[i] = rng.nextDouble();
                    return Batch.of(t, path.sample(t, data, noise));
                },
                (g, v) -> v.squaredDifference(g.target()).sum(1).mean());
    }

    /** The library losses accept a SameDiff model through FieldModel (vector–Jacobian products). */
    @Test
    void libraryLossOnASameDiffModelHasTheFusedValueAndGradient() {
        Mlp mlp = Mlp.builder(D).hidden(10, 10).timeEmbedding(TimeEmbedding.sinusoidal(1)).precision(Precision.DOUBLE).seed(2).build();
        SameDiffModel net = like(mlp, Precision.DOUBLE);
        int n = 12;
        double[] x1 = GradCheck.gaussian(n, D, 1, 1, 1.5), x0 = GradCheck.gaussian(n, D, 2, 1, 0);
        double[][] ga = {new double[mlp.numParameters()]}, gb = {new double[net.numParameters()]};
        double la = ConditionalFlowMatching.independent(mlp).lossAndGradient(x1, x0, n, Rngs.seeded(5), ga);
        double lb = ConditionalFlowMatching.independent(net).lossAndGradient(x1, x0, n, Rngs.seeded(5), gb);
        assertEquals(la, lb, 1e-12 * la);
        double s = maxAbs(ga[0]);
        for (int i = 0; i < ga[0].length; i++) assertEquals(ga[0][i], gb[0][i], 1e-10 * s);
        // and the samediff loss written by hand gives the same value on the same batch
        var rng = Rngs.seeded(5);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = rng.nextDouble();
        double[][] data = new double[n][], noise = new double[n][];
        for (int i = 0; i < n; i++) {
            data[i] = new double[]{x1[2 * i], x1[2 * i + 1]};
            noise[i] = new double[]{x0[2 * i], x0[2 * i + 1]};
        }
        assertEquals(la, studentCfm(net).value(Batch.of(t, new GaussianPath(new LinearSchedule()).sample(t, data, noise))), 1e-12 * la);
    }

    /**
     * Denoising score matching written as a SameDiff expression with a per-row weight input
     * (λ_t = β_t², target −ε/β_t) has the value of the library's DenoisingScoreMatching on the same
     * batch, parameters and times: E β_t²‖s − (−ε/β_t)‖² = E‖β_t s + ε‖².
     */
    @Test
    void samediffDsmWithAWeightInputEqualsTheLibraryDsm() {
        Mlp mlp = Mlp.builder(D).hidden(12).timeEmbedding(TimeEmbedding.sinusoidal(2)).precision(Precision.DOUBLE).seed(8).build();
        SameDiffModel net = like(mlp, Precision.DOUBLE);
        var vp = new genflow.schedule.VpSchedule();
        GaussianPath path = new GaussianPath(vp);
        double tMax = 0.95;
        SameDiffObjective dsm = SameDiffObjective.of(net,
                (data, noise, rng) -> {
                    int n = data.length;
                    double[] t = new double[n], weight = new double[n];
                    double[][] score = new double[n][D];
                    for (int i = 0; i < n; i++) t[i] = tMax * rng.nextDouble();
                    var sample = path.sample(t, data, noise);
                    for (int i = 0; i < n; i++) {
                        double b = vp.beta(t[i]);
                        weight[i] = b * b;
                        for (int j = 0; j < D; j++) score[i][j] = -noise[i][j] / b;
                    }
                    return Batch.of(t, sample.xt(), score).with("weight", weight);
                },
                (g, v) -> v.squaredDifference(g.target()).sum(true, 1).mul(g.input("weight", 1)).mean());
        int n = 16;
        double[] x1 = GradCheck.gaussian(n, D, 3, 1, 1), x0 = GradCheck.gaussian(n, D, 4, 1, 0);
        double[][] ga = {new double[mlp.numParameters()]}, gb = {new double[net.numParameters()]};
        double la = new genflow.loss.DenoisingScoreMatching(mlp, vp, tMax).lossAndGradient(x1, x0, n, Rngs.seeded(2), ga);
        double lb = dsm.lossAndGradient(x1, x0, n, Rngs.seeded(2), gb);
        assertEquals(la, lb, 1e-10 * la);
        double s = maxAbs(ga[0]);
        for (int i = 0; i < ga[0].length; i++) assertEquals(ga[0][i], gb[0][i], 1e-9 * s, "gradient " + i);
    }

    /** As a VectorField the SameDiff model integrates like the fused Mlp. */
    @Test
    void asVectorFieldSamplesLikeTheMlp() {
        Mlp mlp = Mlp.builder(D).hidden(8).precision(Precision.DOUBLE).seed(4).build();
        SameDiffModel net = like(mlp, Precision.DOUBLE);
        double[][] z = {{0.3, -1}, {1.5, 0.2}, {-0.7, 0.9}};
        double[][] a = new RungeKutta4().integrate(mlp.asVectorField(), z, 0, 1, 10);
        double[][] b = new RungeKutta4().integrate(net.asVectorField(), z, 0, 1, 10);
        for (int i = 0; i < z.length; i++) assertArrayEquals(a[i], b[i], 1e-12);
        assertEquals(mlp.forward(0.4, z)[2][1], net.forward(0.4, z)[2][1], 1e-12);
    }
}
