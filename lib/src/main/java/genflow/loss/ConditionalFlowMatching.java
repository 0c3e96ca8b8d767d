package genflow.loss;

import genflow.math.Require;
import genflow.nn.Mlp;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.ot.Assignment;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Conditional flow matching (Lipman et al. 2023; Tong et al. 2024 for OT-CFM; seed 004 ch. 3,
 * seed 000 "flow matching"). Time direction: t = 0 noise, t = 1 data.
 * <pre>
 *   L(θ) = E_{t~U[0,1], (x₀, x₁)~π} ‖ v_θ(t, x_t) − (x₁ − x₀) ‖²,   x_t = (1 − t) x₀ + t x₁
 * </pre>
 * (mean over the batch of the squared Euclidean norm). The coupling π is either independent
 * (x₀ noise and x₁ data paired as drawn) or exact minibatch OT: the batch is re-paired by the
 * permutation σ minimising Σᵢ ‖x₀ᵢ − x₁σ(i)‖² ({@link Assignment#solve}).
 */
public final class ConditionalFlowMatching implements Objective {
    private final Mlp net;
    private final boolean ot;
    private final Mlp.Workspace ws;
    private double[] xt, target, dOut, t, paired;

    private ConditionalFlowMatching(Mlp net, boolean ot) {
        if (net == null) throw new IllegalArgumentException("net must not be null");
        this.net = net;
        this.ot = ot;
        this.ws = net.workspace();
    }

    /** I-CFM: independent coupling. */
    public static ConditionalFlowMatching independent(Mlp net) {
        return new ConditionalFlowMatching(net, false);
    }

    /** OT-CFM: exact minibatch optimal-transport coupling on squared distances. */
    public static ConditionalFlowMatching minibatchOt(Mlp net) {
        return new ConditionalFlowMatching(net, true);
    }

    public boolean usesOptimalTransport() { return ot; }

    @Override
    public int dim() { return net.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(net); }

    /** Conditional path x_t = (1 − t) x₀ + t x₁ (one coordinate). */
    public static double interpolate(double t, double x0, double x1) {
        return (1 - t) * x0 + t * x1;
    }

    /** Conditional velocity target u_t(x | x₀, x₁) = x₁ − x₀ (one coordinate). */
    public static double target(double x0, double x1) {
        return x1 - x0;
    }

    /**
     * Permutation σ of the data rows minimising Σᵢ ‖x₀ᵢ − x₁σ(i)‖² (exact minibatch OT):
     * noise row i is paired with data row σ(i).
     */
    public static int[] otPairing(double[] noise, double[] data, int n, int d) {
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = noise[i * d + k] - data[j * d + k];
                    s += diff * diff;
                }
                cost[i][j] = s;
            }
        }
        return Assignment.solve(cost);
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = net.dim();
        Losses.check(data, noise, n, d, rng, grads, parameters());
        if (noise == null) throw new IllegalArgumentException("noise must not be null for CFM");
        double[] x1 = data;
        if (ot) {
            int[] s = otPairing(noise, data, n, d);
            paired = Losses.ensure(paired, n * d);
            for (int i = 0; i < n; i++) System.arraycopy(data, s[i] * d, paired, i * d, d);
            x1 = paired;
        }
        t = Losses.ensure(t, n);
        xt = Losses.ensure(xt, n * d);
        target = Losses.ensure(target, n * d);
        dOut = Losses.ensure(dOut, n * d);
        for (int i = 0; i < n; i++) {
            double ti = rng.nextDouble();
            t[i] = ti;
            for (int k = i * d; k < i * d + d; k++) {
                xt[k] = interpolate(ti, noise[k], x1[k]);
                target[k] = target(noise[k], x1[k]);
            }
        }
        double[] v = ws.forward(t, xt, n);
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return loss;
    }
}
