package genflow.nn;

/**
 * Arithmetic used inside the fused forward/backward kernels of {@link Mlp}. Parameters are always
 * stored (and saved) in double; FLOAT rounds a copy of them to float for each pass, which is about
 * 2–3× faster (twice the SIMD lanes) and matches what PyTorch uses. Use DOUBLE for gradient checks.
 */
public enum Precision {
    /** 64-bit kernels: exact enough for finite-difference gradient checks. */
    DOUBLE,
    /** 32-bit kernels: the fast default for training and sampling. */
    FLOAT
}
