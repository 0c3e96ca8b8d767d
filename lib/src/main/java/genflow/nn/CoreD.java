package genflow.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Fused forward/backward pass of a dense MLP in double precision with reused buffers and a
 * register-blocked SIMD matrix product (jdk.incubator.vector). Generated twin: {@code CoreF}
 * (float). Not thread-safe: one instance per workspace. Internal to {@link Mlp}.
 */
final class CoreD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Products with at least this many multiply-adds are split over two threads. */
    private static final long PARALLEL_WORK = 1L << 20;

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
    double[] g0, g1, wt, at;

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
        at = new double[maxW * c];
        cap = c;
    }

    /** Forward pass on a[0] (n rows); result in a[layers]. */
    void forward(int n) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            gemm(a[l], p, wOff[l], a[l + 1], n, in, out, bOff[l], false);
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
            transpose(a[l], 0, n, in, at);
            gemm(at, cur, 0, g, wOff[l], in, n, out, -1, false);
            if (l == 0 && dIn == null) break;
            // input gradient: cur W^T  [n x in]
            transpose(p, wOff[l], in, out, wt);
            double[] next = l == 0 ? dIn : (cur == g0 ? g1 : g0);
            gemm(cur, wt, 0, next, 0, n, out, in, -1, false);
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
                    DoubleVector s = one.div(one.add(v.neg().lanewise(VectorOperators.EXP)));
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
                    DoubleVector v = DoubleVector.fromArray(S, z, i).lanewise(VectorOperators.TANH);
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

    private void gemm(double[] A, double[] B, int bo, double[] C, int M, int K, int N, int biasOff, boolean acc) {
        gemm(A, B, bo, C, 0, M, K, N, biasOff, acc);
    }

    /** C[M x N] (at offset co) = A[M x K] B[K x N] (+ bias row p[biasOff..] if biasOff ≥ 0). */
    private void gemm(double[] A, double[] B, int bo, double[] C, int co, int M, int K, int N, int biasOff, boolean acc) {
        if (threads > 1 && (long) M * K * N >= PARALLEL_WORK && M >= 8) {
            int half = (M / 2) & ~3;
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(
                    () -> gemmRows(A, B, bo, C, co, 0, half, K, N, biasOff));
            gemmRows(A, B, bo, C, co, half, M, K, N, biasOff);
            t.join();
        } else {
            gemmRows(A, B, bo, C, co, 0, M, K, N, biasOff);
        }
    }

    private void gemmRows(double[] A, double[] B, int bo, double[] C, int co, int m0, int m1, int K, int N, int biasOff) {
        final double[] bias = p;
        int i = m0;
        int n2 = N - N % (2 * L), n1 = N - N % L;
        for (; i + 4 <= m1; i += 4) {
            int a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
            int c0 = co + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
            int j = 0;
            for (; j < n2; j += 2 * L) {
                DoubleVector x00, x01, x10, x11, x20, x21, x30, x31;
                if (biasOff >= 0) {
                    x00 = DoubleVector.fromArray(S, bias, biasOff + j);
                    x01 = DoubleVector.fromArray(S, bias, biasOff + j + L);
                } else {
                    x00 = DoubleVector.zero(S);
                    x01 = x00;
                }
                x10 = x00; x20 = x00; x30 = x00;
                x11 = x01; x21 = x01; x31 = x01;
                int b = bo + j;
                for (int k = 0; k < K; k++, b += N) {
                    DoubleVector w0 = DoubleVector.fromArray(S, B, b), w1 = DoubleVector.fromArray(S, B, b + L);
                    DoubleVector s = DoubleVector.broadcast(S, A[a0 + k]);
                    x00 = s.fma(w0, x00); x01 = s.fma(w1, x01);
                    s = DoubleVector.broadcast(S, A[a1 + k]);
                    x10 = s.fma(w0, x10); x11 = s.fma(w1, x11);
                    s = DoubleVector.broadcast(S, A[a2 + k]);
                    x20 = s.fma(w0, x20); x21 = s.fma(w1, x21);
                    s = DoubleVector.broadcast(S, A[a3 + k]);
                    x30 = s.fma(w0, x30); x31 = s.fma(w1, x31);
                }
                x00.intoArray(C, c0 + j); x01.intoArray(C, c0 + j + L);
                x10.intoArray(C, c1 + j); x11.intoArray(C, c1 + j + L);
                x20.intoArray(C, c2 + j); x21.intoArray(C, c2 + j + L);
                x30.intoArray(C, c3 + j); x31.intoArray(C, c3 + j + L);
            }
            for (; j < n1; j += L) {
                DoubleVector x0 = biasOff >= 0 ? DoubleVector.fromArray(S, bias, biasOff + j) : DoubleVector.zero(S);
                DoubleVector x1 = x0, x2 = x0, x3 = x0;
                int b = bo + j;
                for (int k = 0; k < K; k++, b += N) {
                    DoubleVector w0 = DoubleVector.fromArray(S, B, b);
                    x0 = DoubleVector.broadcast(S, A[a0 + k]).fma(w0, x0);
                    x1 = DoubleVector.broadcast(S, A[a1 + k]).fma(w0, x1);
                    x2 = DoubleVector.broadcast(S, A[a2 + k]).fma(w0, x2);
                    x3 = DoubleVector.broadcast(S, A[a3 + k]).fma(w0, x3);
                }
                x0.intoArray(C, c0 + j); x1.intoArray(C, c1 + j);
                x2.intoArray(C, c2 + j); x3.intoArray(C, c3 + j);
            }
            for (; j < N; j++) {
                double b0 = biasOff >= 0 ? bias[biasOff + j] : 0;
                double s0 = b0, s1 = b0, s2 = b0, s3 = b0;
                int b = bo + j;
                for (int k = 0; k < K; k++, b += N) {
                    double w = B[b];
                    s0 += A[a0 + k] * w; s1 += A[a1 + k] * w; s2 += A[a2 + k] * w; s3 += A[a3 + k] * w;
                }
                C[c0 + j] = s0; C[c1 + j] = s1; C[c2 + j] = s2; C[c3 + j] = s3;
            }
        }
        for (; i < m1; i++) {
            int a0 = i * K, c0 = co + i * N;
            for (int j = 0; j < N; j++) {
                double s0 = biasOff >= 0 ? bias[biasOff + j] : 0;
                int b = bo + j;
                for (int k = 0; k < K; k++, b += N) s0 += A[a0 + k] * B[b];
                C[c0 + j] = s0;
            }
        }
    }
}
