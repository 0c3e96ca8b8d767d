package genflow.nn;

import genflow.math.Require;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015) with bias correction and optional decoupled weight decay (AdamW,
 * Loshchilov &amp; Hutter 2019):
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·(m/(1−β₁^k)) / (√(v/(1−β₂^k)) + ε) − lr·λ·θ.
 * The optimizer owns the moment buffers of the parameter blocks it was built for and updates those
 * blocks' live arrays in place.
 */
public final class Adam {
    private final double lr, beta1, beta2, eps, weightDecay;
    private final double[][] params, m, v;
    private long steps;

    private Adam(Builder b, List<? extends Parametric> blocks) {
        this.lr = b.lr;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.eps = b.eps;
        this.weightDecay = b.weightDecay;
        params = new double[blocks.size()][];
        m = new double[blocks.size()][];
        v = new double[blocks.size()][];
        for (int i = 0; i < params.length; i++) {
            params[i] = blocks.get(i).parameters();
            m[i] = new double[params[i].length];
            v[i] = new double[params[i].length];
        }
    }

    /** Defaults: lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8, no weight decay (PyTorch's defaults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Adam}. */
    public static final class Builder {
        private double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, weightDecay = 0;

        private Builder() {}

        public Builder learningRate(double learningRate) { this.lr = Require.positive("learningRate", learningRate); return this; }

        /** β₁ in [0, 1). */
        public Builder beta1(double beta1) { this.beta1 = range("beta1", beta1); return this; }

        /** β₂ in [0, 1). */
        public Builder beta2(double beta2) { this.beta2 = range("beta2", beta2); return this; }

        public Builder epsilon(double epsilon) { this.eps = Require.positive("epsilon", epsilon); return this; }

        /** Decoupled weight decay λ ≥ 0 (AdamW). */
        public Builder weightDecay(double weightDecay) { this.weightDecay = Require.nonNegative("weightDecay", weightDecay); return this; }

        private static double range(String name, double b) {
            if (!(b >= 0 && b < 1)) throw new IllegalArgumentException(name + " = " + b + " is outside [0, 1)");
            return b;
        }

        /** An optimizer for these parameter blocks (their live arrays are updated by {@link Adam#step}). */
        public Adam build(List<? extends Parametric> blocks) {
            if (blocks == null || blocks.isEmpty()) throw new IllegalArgumentException("blocks must list at least one Parametric");
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) == null) throw new IllegalArgumentException("blocks[" + i + "] must not be null");
                if (blocks.get(i).parameters() == null) throw new IllegalArgumentException("blocks[" + i + "] has no parameter vector (parameters() is null)");
            }
            return new Adam(this, blocks);
        }

        public Adam build(Parametric... blocks) {
            if (blocks == null) throw new IllegalArgumentException("blocks must not be null");
            return build(java.util.Arrays.asList(blocks));
        }
    }

    public double learningRate() { return lr; }

    /** Number of steps taken so far. */
    public long steps() { return steps; }

    /**
     * One update with the gradients {@code grads[b]} of block b (same lengths as the blocks).
     * Non-finite gradients are rejected before any parameter changes. A learning rate (or weight
     * decay) so large that a parameter leaves the double range is reported after the update,
     * naming the parameter entry; the model is then unusable.
     */
    public void step(double[][] grads) {
        if (grads == null || grads.length != params.length) {
            throw new IllegalArgumentException("grads must hold " + params.length + " blocks");
        }
        for (int b = 0; b < params.length; b++) {
            if (grads[b] == null || grads[b].length != params[b].length) {
                throw new IllegalArgumentException("grads[" + b + "] must have length " + params[b].length);
            }
            Require.finite("grads[" + b + "]", grads[b]);
        }
        steps++;
        double c1 = 1 - Math.pow(beta1, steps), c2 = 1 - Math.pow(beta2, steps);
        double a = lr / c1, sc2 = 1 / Math.sqrt(c2), decay = 1 - lr * weightDecay;
        for (int b = 0; b < params.length; b++) {
            double[] p = params[b], g = grads[b], mb = m[b], vb = v[b];
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double mi = beta1 * mb[i] + (1 - beta1) * gi;
                double vi = beta2 * vb[i] + (1 - beta2) * gi * gi;
                mb[i] = mi;
                vb[i] = vi;
                p[i] = p[i] * decay - a * mi / (Math.sqrt(vi) * sc2 + eps);
            }
        }
        for (int b = 0; b < params.length; b++) {
            double[] p = params[b];
            for (int i = 0; i < p.length; i++) {
                if (!Double.isFinite(p[i])) {
                    throw new IllegalArgumentException("learningRate = " + lr + ", weightDecay = " + weightDecay + " are too large: step " + steps
                            + " made parameter [" + b + "][" + i + "] = " + p[i] + " (the parameters are no longer usable)");
                }
            }
        }
    }
}
