package genflow.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Fused forward/backward pass of a dense MLP in double precision with reused buffers and a
 * register-blocked SIMD matrix product (jdk.incubator.vector). Its 32-bit twin {@code CoreF} is
 * GENERATED from this file at build time (lib/src/generator/GenerateCoreF.java, run by Maven at
 * generate-sources: the 64-bit primitive type becomes the 32-bit one), so the two cannot drift; edit only
 * this file. Not thread-safe: one instance per workspace. Internal to {@link Mlp}.
 */
final class CoreD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Products with at least this many multiply-adds are split over two threads. */
    private static final long PARALLEL_WORK = 1L << 23;

    final int[] sizes;
    final int layers;
    final int act; // 0 SiLU, 1 ReLU, 2 Tanh
    final int[] wOff, bOff;
    final int threads;
    final double[] p;     // parameters (copy in this precision)
    final double[] g;     // parameter gradient
    int cap;
    double[][] a;   // a[0] input, a[l] activation of layer l (l=1..H), a[layers] output
    double[][] d;   // derivative of activation wrt pre-activation, per hidden layer
    double[] g0, g1, wt;

    CoreD(int[] sizes, int act, int[] wOff, int[] bOff, int nParams, int threads) {
        this.sizes = sizes;
        this.layers = sizes.length - 1;
        this.act = act;
        this.wOff = wOff;
        this.bOff = bOff;
        this.threads = threads;
        this.p = new double[nParams];
        this.g = new double[nParams];
    }

    void ensure(int n) {
        if (n <= cap) return;
        int c = Math.max(n, 4);
        a = new double[layers + 1][];
        d = new double[layers][];
        int maxW = 0;
        for (int l = 0; l <= layers; l++) {
            a[l] = new double[c * sizes[l]];
            if (l > 0 && l < layers) d[l] = new double[c * sizes[l]];
            maxW = Math.max(maxW, sizes[l]);
        }
        g0 = new double[c * maxW];
        g1 = new double[c * maxW];
        wt = new double[maxW * maxW];
        cap = c;
    }

    /** Forward pass on a[0] (n rows); result in a[layers]. */
    void forward(int n) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            gemm(a[l], in, 1, p, wOff[l], a[l + 1], 0, n, in, out, bOff[l]);
            if (l + 1 < layers) activate(a[l + 1], d[l + 1], n * out);
        }
    }

    /**
     * Backward pass. {@code gOut} holds dLoss/dOutput (n rows); the parameter gradient is written
     * to {@link #g} (overwritten). If {@code dIn} is non-null, dLoss/dInput is written there.
     */
    void backward(int n, double[] gOut, double[] dIn) {
        double[] cur = gOut;
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l], out = sizes[l + 1];
            // bias gradient: column sums
            int bo = bOff[l];
            for (int j = 0; j < out; j++) g[bo + j] = 0;
            for (int r = 0; r < n; r++) {
                int ro = r * out;
                for (int j = 0; j < out; j++) g[bo + j] += cur[ro + j];
            }
            // weight gradient: W_l grad [in x out] = a[l]^T cur
            gemm(a[l], 1, in, cur, 0, g, wOff[l], in, n, out, -1);
            if (l == 0 && dIn == null) break;
            // input gradient: cur W^T  [n x in]
            transpose(p, wOff[l], in, out, wt);
            double[] next = l == 0 ? dIn : (cur == g0 ? g1 : g0);
            gemm(cur, out, 1, wt, 0, next, 0, n, out, in, -1);
            if (l > 0) {
                double[] dl = d[l];
                int m = n * in, i = 0;
                for (; i < S.loopBound(m); i += L) {
                    DoubleVector.fromArray(S, next, i).mul(DoubleVector.fromArray(S, dl, i)).intoArray(next, i);
                }
                for (; i < m; i++) next[i] *= dl[i];
            }
            cur = next;
        }
    }

    /** z ← act(z), dz ← act'(z). */
    private void activate(double[] z, double[] dz, int m) {
        int i = 0;
        int bound = S.loopBound(m);
        DoubleVector one = DoubleVector.broadcast(S, (double) 1);
        DoubleVector zero = DoubleVector.zero(S);
        switch (act) {
            case 0 -> { // SiLU: a = z σ(z), a' = σ(z)(1 + z(1 − σ(z)))
                for (; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, z, i);
                    DoubleVector s = one.div(one.add(VecMath.exp(v.neg())));
                    v.mul(s).intoArray(z, i);
                    s.mul(one.add(v.mul(one.sub(s)))).intoArray(dz, i);
                }
                for (; i < m; i++) {
                    double v = z[i], s = (double) (1 / (1 + Math.exp(-v)));
                    z[i] = v * s;
                    dz[i] = s * (1 + v * (1 - s));
                }
            }
            case 1 -> { // ReLU
                for (; i < bound; i += L) {
                    DoubleVector v = DoubleVector.fromArray(S, z, i);
                    var pos = v.compare(VectorOperators.GT, zero);
                    v.max(zero).intoArray(z, i);
                    zero.blend(one, pos).intoArray(dz, i);
                }
                for (; i < m; i++) {
                    double v = z[i];
                    z[i] = v > 0 ? v : 0;
                    dz[i] = v > 0 ? 1 : 0;
                }
            }
            default -> { // Tanh: a' = 1 − a²
                for (; i < bound; i += L) {
                    DoubleVector v = VecMath.tanh(DoubleVector.fromArray(S, z, i));
                    v.intoArray(z, i);
                    one.sub(v.mul(v)).intoArray(dz, i);
                }
                for (; i < m; i++) {
                    double v = (double) Math.tanh(z[i]);
                    z[i] = v;
                    dz[i] = 1 - v * v;
                }
            }
        }
    }

    /** dst[c*rows + r] = src[off + r*cols + c] (dst is cols x rows). */
    private static void transpose(double[] src, int off, int rows, int cols, double[] dst) {
        for (int r = 0; r < rows; r++) {
            int so = off + r * cols;
            for (int c = 0; c < cols; c++) dst[c * rows + r] = src[so + c];
        }
    }

    /** K-chunk of the transposed products (keeps the A and B panels in L1/L2). */
    private static final int KC = 128;

    /**
     * C[M x N] (at offset co) = A B (+ bias row p[biasOff..] if biasOff ≥ 0), where A(i, k) =
     * A[i*si + k*sk] (si = K, sk = 1 for A itself; si = 1, sk = M for the transpose of a K x M
     * array, which avoids materialising it) and B is K x N row-major at offset bo.
     */
    private void gemm(double[] A, int si, int sk, double[] B, int bo, double[] C, int co, int M, int K, int N, int biasOff) {
        if (threads > 1 && (long) M * K * N >= PARALLEL_WORK && M >= 8) {
            int half = (M / 2) & ~3;
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(
                    () -> gemmChunked(A, si, sk, B, bo, C, co, 0, half, K, N, biasOff));
            gemmChunked(A, si, sk, B, bo, C, co, half, M, K, N, biasOff);
            t.join();
        } else {
            gemmChunked(A, si, sk, B, bo, C, co, 0, M, K, N, biasOff);
        }
    }

    private void gemmChunked(double[] A, int si, int sk, double[] B, int bo, double[] C, int co, int m0, int m1, int K, int N, int biasOff) {
        if (sk == 1 || K <= KC) {
            gemmRows(A, 0, si, sk, B, bo, C, co, m0, m1, K, N, biasOff, false);
            return;
        }
        for (int k0 = 0; k0 < K; k0 += KC) {
            int kc = Math.min(KC, K - k0);
            gemmRows(A, k0 * sk, si, sk, B, bo + k0 * N, C, co, m0, m1, kc, N, k0 == 0 ? biasOff : -1, k0 > 0);
        }
    }

    private DoubleVector init(double[] C, int c, int biasOff, int j, boolean acc) {
        if (acc) return DoubleVector.fromArray(S, C, c);
        return biasOff >= 0 ? DoubleVector.fromArray(S, p, biasOff + j) : DoubleVector.zero(S);
    }

    private void gemmRows(double[] A, int ao, int si, int sk, double[] B, int bo, double[] C, int co, int m0, int m1,
                          int K, int N, int biasOff, boolean acc) {
        final double[] bias = p;
        int i = m0;
        int n2 = N - N % (2 * L), n1 = N - N % L;
        for (; i + 4 <= m1; i += 4) {
            int a0 = ao + i * si, a1 = a0 + si, a2 = a1 + si, a3 = a2 + si;
            int c0 = co + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
            int j = 0;
            for (; j < n2; j += 2 * L) {
                DoubleVector x00 = init(C, c0 + j, biasOff, j, acc), x01 = init(C, c0 + j + L, biasOff, j + L, acc);
                DoubleVector x10 = init(C, c1 + j, biasOff, j, acc), x11 = init(C, c1 + j + L, biasOff, j + L, acc);
                DoubleVector x20 = init(C, c2 + j, biasOff, j, acc), x21 = init(C, c2 + j + L, biasOff, j + L, acc);
                DoubleVector x30 = init(C, c3 + j, biasOff, j, acc), x31 = init(C, c3 + j + L, biasOff, j + L, acc);
                int b = bo + j;
                for (int k = 0, ak = 0; k < K; k++, b += N, ak += sk) {
                    DoubleVector w0 = DoubleVector.fromArray(S, B, b), w1 = DoubleVector.fromArray(S, B, b + L);
                    DoubleVector s = DoubleVector.broadcast(S, A[a0 + ak]);
                    x00 = s.fma(w0, x00); x01 = s.fma(w1, x01);
                    s = DoubleVector.broadcast(S, A[a1 + ak]);
                    x10 = s.fma(w0, x10); x11 = s.fma(w1, x11);
                    s = DoubleVector.broadcast(S, A[a2 + ak]);
                    x20 = s.fma(w0, x20); x21 = s.fma(w1, x21);
                    s = DoubleVector.broadcast(S, A[a3 + ak]);
                    x30 = s.fma(w0, x30); x31 = s.fma(w1, x31);
                }
                x00.intoArray(C, c0 + j); x01.intoArray(C, c0 + j + L);
                x10.intoArray(C, c1 + j); x11.intoArray(C, c1 + j + L);
                x20.intoArray(C, c2 + j); x21.intoArray(C, c2 + j + L);
                x30.intoArray(C, c3 + j); x31.intoArray(C, c3 + j + L);
            }
            for (; j < n1; j += L) {
                DoubleVector x0 = init(C, c0 + j, biasOff, j, acc), x1 = init(C, c1 + j, biasOff, j, acc);
                DoubleVector x2 = init(C, c2 + j, biasOff, j, acc), x3 = init(C, c3 + j, biasOff, j, acc);
                int b = bo + j;
                for (int k = 0, ak = 0; k < K; k++, b += N, ak += sk) {
                    DoubleVector w0 = DoubleVector.fromArray(S, B, b);
                    x0 = DoubleVector.broadcast(S, A[a0 + ak]).fma(w0, x0);
                    x1 = DoubleVector.broadcast(S, A[a1 + ak]).fma(w0, x1);
                    x2 = DoubleVector.broadcast(S, A[a2 + ak]).fma(w0, x2);
                    x3 = DoubleVector.broadcast(S, A[a3 + ak]).fma(w0, x3);
                }
                x0.intoArray(C, c0 + j); x1.intoArray(C, c1 + j);
                x2.intoArray(C, c2 + j); x3.intoArray(C, c3 + j);
            }
            for (; j < N; j++) {
                double b0 = biasOff >= 0 ? bias[biasOff + j] : 0;
                double s0 = acc ? C[c0 + j] : b0, s1 = acc ? C[c1 + j] : b0, s2 = acc ? C[c2 + j] : b0, s3 = acc ? C[c3 + j] : b0;
                int b = bo + j;
                for (int k = 0, ak = 0; k < K; k++, b += N, ak += sk) {
                    double w = B[b];
                    s0 += A[a0 + ak] * w; s1 += A[a1 + ak] * w; s2 += A[a2 + ak] * w; s3 += A[a3 + ak] * w;
                }
                C[c0 + j] = s0; C[c1 + j] = s1; C[c2 + j] = s2; C[c3 + j] = s3;
            }
        }
        for (; i < m1; i++) {
            int a0 = ao + i * si, c0 = co + i * N;
            int j = 0;
            for (; j < n1; j += L) {
                DoubleVector x0 = init(C, c0 + j, biasOff, j, acc);
                int b = bo + j;
                for (int k = 0, ak = 0; k < K; k++, b += N, ak += sk) {
                    x0 = DoubleVector.broadcast(S, A[a0 + ak]).fma(DoubleVector.fromArray(S, B, b), x0);
                }
                x0.intoArray(C, c0 + j);
            }
            for (; j < N; j++) {
                double s0 = acc ? C[c0 + j] : biasOff >= 0 ? bias[biasOff + j] : 0;
                int b = bo + j;
                for (int k = 0, ak = 0; k < K; k++, b += N, ak += sk) s0 += A[a0 + ak] * B[b];
                C[c0 + j] = s0;
            }
        }
    }
}
