package genflow.nn;

/** Hidden-layer activation functions of {@link Mlp}. */
public enum Activation {
    /** SiLU (swish): a(z) = z σ(z), a'(z) = σ(z)(1 + z(1 − σ(z))). The default. */
    SILU(0),
    /** ReLU: a(z) = max(z, 0). */
    RELU(1),
    /** Tanh: a(z) = tanh z, a'(z) = 1 − tanh² z. */
    TANH(2);

    final int code;

    Activation(int code) {
        this.code = code;
    }
}
