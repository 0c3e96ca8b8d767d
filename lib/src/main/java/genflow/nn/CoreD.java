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
    static final long PARALLEL_WORK = 1L << 23;

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
    double[] g0, g1;

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
        cap = c;
    }

    /** Forward pass on a[0] (n rows); result in a[layers]. */
    void forward(int n) {
        for (int l = 0; l < layers; l++) {
            int in = sizes[l], out = sizes[l + 1];
            boolean hidden = l + 1 < layers;
            gemm(a[l], in, 1, p, wOff[l], out, 1, a[l + 1], 0, n, in, out, bOff[l], hidden ? ACTIVATE : NONE, hidden ? d[l + 1] : null);
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
            columnSums(cur, n, out, g, bOff[l]); // bias gradient
            // weight gradient: W_l grad [in x out] = a[l]^T cur
            gemm(a[l], 1, in, cur, 0, out, 1, g, wOff[l], in, n, out, -1, NONE, null);
            if (l == 0 && dIn == null) break;
            // input gradient: cur W^T [n x in], reading W (in x out) as its transpose
            double[] next = l == 0 ? dIn : (cur == g0 ? g1 : g0);
            // ... times the activation derivative of layer l (hidden layers)
            gemm(cur, out, 1, p, wOff[l], 1, out, next, 0, n, out, in, -1, l > 0 ? SCALE : NONE, d[l]);
            cur = next;
        }
    }

    /**
     * z ← act(z), dz ← act'(z) on [from, to): whole vectors from {@code from}, then the last
     * (to − from) mod L elements in scalar code (whose exp/tanh round differently: callers keep
     * the vector/scalar partition of the whole array, see {@link #epilogue}).
     */
    private void activate(double[] z, double[] dz, int from, int to) {
        int i = from;
        int bound = to - (to - from) % L;
        int m = to;
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

    /**
     * g[off + j] = Σ_r x[r*cols + j] (column sums of an n × cols array), each summed in row order
     * r = 0, 1, …, n−1 (vectorised across columns, so the order of every sum is that of the scalar loop).
     */
    private static void columnSums(double[] x, int n, int cols, double[] g, int off) {
        java.util.Arrays.fill(g, off, off + cols, 0);
        int vb = cols - cols % L;
        for (int r = 0; r < n; r++) {
            int ro = r * cols, j = 0;
            for (; j < vb; j += L) {
                DoubleVector.fromArray(S, g, off + j).add(DoubleVector.fromArray(S, x, ro + j)).intoArray(g, off + j);
            }
            for (; j < cols; j++) g[off + j] += x[ro + j];
        }
    }

    /** Rows of the register tile. */
    private static final int MR = 6;
    /** Vectors (of L lanes) per row of the register tile: the tile is MR × NR with NR = NV·L columns. */
    private static final int NV = 4;
    private static final int NR = NV * L;
    /** K-chunk: a packed B panel (KC × NR) stays in L1 while all row blocks of the thread use it. */
    private static final int KC = 128;

    /** Packed B panels, one per thread slot (0 = calling thread, 1 = fork-join worker). */
    private final double[][] panel = {new double[KC * NR], new double[KC * NR]};

    /**
     * C[M x N] (at offset co) = A B (+ bias row p[biasOff..] if biasOff ≥ 0), where A(i, k) =
     * A[i*si + k*sk] (si = K, sk = 1 for A itself; si = 1, sk = M for the transpose of a K x M
     * array, which avoids materialising it) and B(k, j) = B[bo + k*bk + j*bj] (bk = N, bj = 1 for
     * a row-major K x N array; bk = 1, bj = K for the transpose of a row-major N x K array).
     *
     * <p>Every element is summed in the same order, whatever the blocking and the thread split:
     * c = bias (or 0), then c ← a_k·b_k + c for k = 0, 1, …, K−1, as a fused multiply-add in the
     * columns covered by whole vectors (j &lt; N − N mod L) and as a rounded product plus a rounded
     * sum in the last N mod L columns. The result is therefore bit-identical for any KC, MR, NV and
     * row split (and to the simple loop this kernel replaced).
     */
    void gemm(double[] A, int si, int sk, double[] B, int bo, int bk, int bj, double[] C, int co, int M, int K, int N,
                      int biasOff, int epi, double[] e) {
        if (threads > 1 && (long) M * K * N >= PARALLEL_WORK && M >= 2 * MR) {
            int half = (M / 2) / MR * MR;
            ForkJoinTask<?> t = ForkJoinPool.commonPool().submit(
                    () -> gemmPart(1, A, si, sk, B, bo, bk, bj, C, co, half, M, K, N, biasOff, epi, e));
            gemmPart(0, A, si, sk, B, bo, bk, bj, C, co, 0, half, K, N, biasOff, epi, e);
            t.join();
        } else {
            gemmPart(0, A, si, sk, B, bo, bk, bj, C, co, 0, M, K, N, biasOff, epi, e);
        }
        if (epi != NONE && N % L != 0) epilogue(epi, C, e, co, co + M * N);
    }

    /** Epilogues of a product: none; C ← act(C) with e ← act'(C); C ← C ⊙ e (elementwise). */
    static final int NONE = 0, ACTIVATE = 1, SCALE = 2;

    /**
     * Applies the epilogue to C[from, to). A thread applies it to its own rows right after its
     * product when rows are whole vectors (N mod L = 0), else once to the whole array after the
     * join, so each element takes the vector or scalar path exactly as in a single pass.
     */
    private void epilogue(int epi, double[] C, double[] e, int from, int to) {
        if (epi == ACTIVATE) {
            activate(C, e, from, to);
        } else {
            int i = from;
            for (; i + L <= to; i += L) {
                DoubleVector.fromArray(S, C, i).mul(DoubleVector.fromArray(S, e, i)).intoArray(C, i);
            }
            for (; i < to; i++) C[i] *= e[i];
        }
    }

    /**
     * Rows m0..m1 of the product: K in chunks of KC; the vector columns in panels of NR (the last
     * one possibly narrower) packed into this thread's buffer; the last N mod L columns in scalar.
     */
    private void gemmPart(int slot, double[] A, int si, int sk, double[] B, int bo, int bk, int bj, double[] C, int co,
                          int m0, int m1, int K, int N, int biasOff, int epi, double[] e) {
        double[] bp = panel[slot];
        int n1 = N - N % L;
        int mFull = m0 + (m1 - m0) / MR * MR;
        // C starts as the bias row (or 0); every product is then accumulated onto C
        for (int i = m0; i < m1; i++) {
            int c = co + i * N;
            if (biasOff >= 0) System.arraycopy(p, biasOff, C, c, N);
            else java.util.Arrays.fill(C, c, c + N, 0);
        }
        for (int k0 = 0; k0 < K; k0 += KC) {
            int kc = Math.min(KC, K - k0);
            int ak0 = k0 * sk;
            for (int j = 0; j < n1; j += NR) {
                int w = Math.min(NR, n1 - j);
                pack(B, bo + k0 * bk + j * bj, bk, bj, kc, w, bp);
                if (w == NR) {
                    int i = m0;
                    for (; i < mFull; i += MR) tile(A, ak0 + i * si, si, sk, bp, kc, C, co + i * N + j, N);
                    for (; i < m1; i++) row(A, ak0 + i * si, sk, bp, kc, C, co + i * N + j);
                } else {
                    for (int v = 0; v < w; v += L) {
                        int i = m0;
                        for (; i < mFull; i += MR) narrowTile(A, ak0 + i * si, si, sk, bp, v, kc, C, co + i * N + j + v, N);
                        for (; i < m1; i++) narrowRow(A, ak0 + i * si, sk, bp, v, kc, C, co + i * N + j + v);
                    }
                }
            }
            if (n1 < N) tail(slot, A, si, sk, ak0, B, bo + k0 * bk, bk, bj, C, co, m0, m1, kc, N, n1);
        }
        if (epi != NONE && N % L == 0) epilogue(epi, C, e, co + m0 * N, co + m1 * N);
    }

    /** Per-thread scratch of one vector (gathers the tail columns of L rows). */
    private final double[][] scratch = {new double[L], new double[L]};

    /**
     * The last N − n1 (&lt; L) columns, k = 0..kc−1 of this chunk: c ← a·b + c with the product and the
     * sum each rounded (as the scalar loop does). When A's rows are contiguous (si = 1, the
     * transposed products) L rows go in one vector (lane-wise mul then add: the same two roundings);
     * otherwise six rows run side by side so that the sums' latency overlaps.
     */
    private void tail(int slot, double[] A, int si, int sk, int ak0, double[] B, int b0, int bk, int bj, double[] C, int co,
                      int m0, int m1, int kc, int N, int n1) {
        int i = m0;
        if (si == 1) {
            double[] buf = scratch[slot];
            for (; i + L <= m1; i += L) {
                for (int j = n1; j < N; j++) {
                    for (int r = 0; r < L; r++) buf[r] = C[co + (i + r) * N + j];
                    DoubleVector x = DoubleVector.fromArray(S, buf, 0);
                    for (int k = 0, a = ak0 + i, b = b0 + j * bj; k < kc; k++, a += sk, b += bk) {
                        x = x.add(DoubleVector.fromArray(S, A, a).mul(B[b]));
                    }
                    x.intoArray(buf, 0);
                    for (int r = 0; r < L; r++) C[co + (i + r) * N + j] = buf[r];
                }
            }
        } else {
            for (; i + MR <= m1; i += MR) {
                int a = ak0 + i * si, c = co + i * N;
                for (int j = n1; j < N; j++) {
                    double s0 = C[c + j], s1 = C[c + N + j], s2 = C[c + 2 * N + j];
                    double s3 = C[c + 3 * N + j], s4 = C[c + 4 * N + j], s5 = C[c + 5 * N + j];
                    for (int k = 0, ak = a, b = b0 + j * bj; k < kc; k++, ak += sk, b += bk) {
                        double w = B[b];
                        s0 += A[ak] * w;
                        s1 += A[ak + si] * w;
                        s2 += A[ak + 2 * si] * w;
                        s3 += A[ak + 3 * si] * w;
                        s4 += A[ak + 4 * si] * w;
                        s5 += A[ak + 5 * si] * w;
                    }
                    C[c + j] = s0; C[c + N + j] = s1; C[c + 2 * N + j] = s2;
                    C[c + 3 * N + j] = s3; C[c + 4 * N + j] = s4; C[c + 5 * N + j] = s5;
                }
            }
        }
        for (; i < m1; i++) {
            for (int j = n1; j < N; j++) {
                int a = ak0 + i * si, c = co + i * N + j;
                double s = C[c];
                for (int k = 0, b = b0 + j * bj; k < kc; k++, b += bk, a += sk) s += A[a] * B[b];
                C[c] = s;
            }
        }
    }

    /** bp[k*NR + c] = B(k, c) = B[b + k*bk + c*bj] for k < kc, c < w (w a multiple of L, at most NR). */
    private static void pack(double[] B, int b, int bk, int bj, int kc, int w, double[] bp) {
        if (bj == 1) {
            for (int k = 0, o = 0; k < kc; k++, b += bk, o += NR) {
                for (int v = 0; v < w; v += L) DoubleVector.fromArray(S, B, b + v).intoArray(bp, o + v);
            }
        } else {
            // transposed source: row c of B's storage is column c of the panel
            for (int c = 0; c < w; c++, b += bj) {
                for (int k = 0, s = b, o = c; k < kc; k++, s += bk, o += NR) bp[o] = B[s];
            }
        }
    }

    /** C tile (MR × NR at offset c) += A rows (from offset a) × the packed panel, over kc steps. */
    private static void tile(double[] A, int a, int si, int sk, double[] bp, int kc, double[] C, int c, int N) {
        int c1 = c + N, c2 = c1 + N, c3 = c2 + N, c4 = c3 + N, c5 = c4 + N;
        DoubleVector x00 = DoubleVector.fromArray(S, C, c), x01 = DoubleVector.fromArray(S, C, c + L), x02 = DoubleVector.fromArray(S, C, c + 2 * L), x03 = DoubleVector.fromArray(S, C, c + 3 * L);
        DoubleVector x10 = DoubleVector.fromArray(S, C, c1), x11 = DoubleVector.fromArray(S, C, c1 + L), x12 = DoubleVector.fromArray(S, C, c1 + 2 * L), x13 = DoubleVector.fromArray(S, C, c1 + 3 * L);
        DoubleVector x20 = DoubleVector.fromArray(S, C, c2), x21 = DoubleVector.fromArray(S, C, c2 + L), x22 = DoubleVector.fromArray(S, C, c2 + 2 * L), x23 = DoubleVector.fromArray(S, C, c2 + 3 * L);
        DoubleVector x30 = DoubleVector.fromArray(S, C, c3), x31 = DoubleVector.fromArray(S, C, c3 + L), x32 = DoubleVector.fromArray(S, C, c3 + 2 * L), x33 = DoubleVector.fromArray(S, C, c3 + 3 * L);
        DoubleVector x40 = DoubleVector.fromArray(S, C, c4), x41 = DoubleVector.fromArray(S, C, c4 + L), x42 = DoubleVector.fromArray(S, C, c4 + 2 * L), x43 = DoubleVector.fromArray(S, C, c4 + 3 * L);
        DoubleVector x50 = DoubleVector.fromArray(S, C, c5), x51 = DoubleVector.fromArray(S, C, c5 + L), x52 = DoubleVector.fromArray(S, C, c5 + 2 * L), x53 = DoubleVector.fromArray(S, C, c5 + 3 * L);
        int a1 = a + si, a2 = a1 + si, a3 = a2 + si, a4 = a3 + si, a5 = a4 + si;
        for (int k = 0, o = 0, ak = 0; k < kc; k++, o += NR, ak += sk) {
            DoubleVector w0 = DoubleVector.fromArray(S, bp, o), w1 = DoubleVector.fromArray(S, bp, o + L);
            DoubleVector w2 = DoubleVector.fromArray(S, bp, o + 2 * L), w3 = DoubleVector.fromArray(S, bp, o + 3 * L);
            DoubleVector s = DoubleVector.broadcast(S, A[a + ak]);
            x00 = s.fma(w0, x00); x01 = s.fma(w1, x01); x02 = s.fma(w2, x02); x03 = s.fma(w3, x03);
            s = DoubleVector.broadcast(S, A[a1 + ak]);
            x10 = s.fma(w0, x10); x11 = s.fma(w1, x11); x12 = s.fma(w2, x12); x13 = s.fma(w3, x13);
            s = DoubleVector.broadcast(S, A[a2 + ak]);
            x20 = s.fma(w0, x20); x21 = s.fma(w1, x21); x22 = s.fma(w2, x22); x23 = s.fma(w3, x23);
            s = DoubleVector.broadcast(S, A[a3 + ak]);
            x30 = s.fma(w0, x30); x31 = s.fma(w1, x31); x32 = s.fma(w2, x32); x33 = s.fma(w3, x33);
            s = DoubleVector.broadcast(S, A[a4 + ak]);
            x40 = s.fma(w0, x40); x41 = s.fma(w1, x41); x42 = s.fma(w2, x42); x43 = s.fma(w3, x43);
            s = DoubleVector.broadcast(S, A[a5 + ak]);
            x50 = s.fma(w0, x50); x51 = s.fma(w1, x51); x52 = s.fma(w2, x52); x53 = s.fma(w3, x53);
        }
        x00.intoArray(C, c); x01.intoArray(C, c + L); x02.intoArray(C, c + 2 * L); x03.intoArray(C, c + 3 * L);
        x10.intoArray(C, c1); x11.intoArray(C, c1 + L); x12.intoArray(C, c1 + 2 * L); x13.intoArray(C, c1 + 3 * L);
        x20.intoArray(C, c2); x21.intoArray(C, c2 + L); x22.intoArray(C, c2 + 2 * L); x23.intoArray(C, c2 + 3 * L);
        x30.intoArray(C, c3); x31.intoArray(C, c3 + L); x32.intoArray(C, c3 + 2 * L); x33.intoArray(C, c3 + 3 * L);
        x40.intoArray(C, c4); x41.intoArray(C, c4 + L); x42.intoArray(C, c4 + 2 * L); x43.intoArray(C, c4 + 3 * L);
        x50.intoArray(C, c5); x51.intoArray(C, c5 + L); x52.intoArray(C, c5 + 2 * L); x53.intoArray(C, c5 + 3 * L);
    }

    /** One row of a panel (the rows left over below the last whole MR tile). */
    private static void row(double[] A, int a, int sk, double[] bp, int kc, double[] C, int c) {
        DoubleVector x0 = DoubleVector.fromArray(S, C, c), x1 = DoubleVector.fromArray(S, C, c + L);
        DoubleVector x2 = DoubleVector.fromArray(S, C, c + 2 * L), x3 = DoubleVector.fromArray(S, C, c + 3 * L);
        for (int k = 0, o = 0; k < kc; k++, o += NR, a += sk) {
            DoubleVector s = DoubleVector.broadcast(S, A[a]);
            x0 = s.fma(DoubleVector.fromArray(S, bp, o), x0);
            x1 = s.fma(DoubleVector.fromArray(S, bp, o + L), x1);
            x2 = s.fma(DoubleVector.fromArray(S, bp, o + 2 * L), x2);
            x3 = s.fma(DoubleVector.fromArray(S, bp, o + 3 * L), x3);
        }
        x0.intoArray(C, c); x1.intoArray(C, c + L); x2.intoArray(C, c + 2 * L); x3.intoArray(C, c + 3 * L);
    }

    /** C (MR rows × one vector at offset c) += A rows × column block v of the packed panel. */
    private static void narrowTile(double[] A, int a, int si, int sk, double[] bp, int v, int kc, double[] C, int c, int N) {
        int c1 = c + N, c2 = c1 + N, c3 = c2 + N, c4 = c3 + N, c5 = c4 + N;
        int a1 = a + si, a2 = a1 + si, a3 = a2 + si, a4 = a3 + si, a5 = a4 + si;
        DoubleVector x0 = DoubleVector.fromArray(S, C, c), x1 = DoubleVector.fromArray(S, C, c1), x2 = DoubleVector.fromArray(S, C, c2);
        DoubleVector x3 = DoubleVector.fromArray(S, C, c3), x4 = DoubleVector.fromArray(S, C, c4), x5 = DoubleVector.fromArray(S, C, c5);
        for (int k = 0, o = v, ak = 0; k < kc; k++, o += NR, ak += sk) {
            DoubleVector w = DoubleVector.fromArray(S, bp, o);
            x0 = DoubleVector.broadcast(S, A[a + ak]).fma(w, x0);
            x1 = DoubleVector.broadcast(S, A[a1 + ak]).fma(w, x1);
            x2 = DoubleVector.broadcast(S, A[a2 + ak]).fma(w, x2);
            x3 = DoubleVector.broadcast(S, A[a3 + ak]).fma(w, x3);
            x4 = DoubleVector.broadcast(S, A[a4 + ak]).fma(w, x4);
            x5 = DoubleVector.broadcast(S, A[a5 + ak]).fma(w, x5);
        }
        x0.intoArray(C, c); x1.intoArray(C, c1); x2.intoArray(C, c2);
        x3.intoArray(C, c3); x4.intoArray(C, c4); x5.intoArray(C, c5);
    }

    /** C (one row × one vector at offset c) += A row × column block v of the packed panel. */
    private static void narrowRow(double[] A, int a, int sk, double[] bp, int v, int kc, double[] C, int c) {
        DoubleVector x = DoubleVector.fromArray(S, C, c);
        for (int k = 0, o = v; k < kc; k++, o += NR, a += sk) {
            x = DoubleVector.broadcast(S, A[a]).fma(DoubleVector.fromArray(S, bp, o), x);
        }
        x.intoArray(C, c);
    }
}
