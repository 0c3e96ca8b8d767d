package genflow.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The fused kernels' matrix product against its documented summation order, bit for bit: every
 * element c_ij = bias_j (or 0), then c ← a_ik·b_kj + c for k = 0, 1, …, K−1, as one fused
 * multiply-add ({@link Math#fma}) in the columns covered by whole vectors (j &lt; N − N mod L) and
 * as a rounded product plus a rounded sum in the last N mod L columns. Blocking, packing, the
 * register tile and the two-thread split may change speed but never a bit, so that training stays
 * reproducible (same seed, same checkpoint bytes) whatever the kernel's tuning.
 */
class CoreKernelTest {
    /** {M, K, N}: remainders of the 6-row tile, K beyond one 128-deep chunk, narrow panels and scalar tails. */
    private static final int[][] SHAPES = {
            {1, 1, 1}, {7, 3, 2}, {6, 1, 64}, {13, 200, 70}, {25, 130, 100}, {4, 300, 37}, {31, 64, 128},
            {600, 150, 100}, // above the two-thread threshold (≥ 2^23 multiply-adds)
    };

    @Test
    void twoThreadShapeIsAboveTheSplitThreshold() {
        int[] s = SHAPES[SHAPES.length - 1];
        assertTrue((long) s[0] * s[1] * s[2] >= CoreD.PARALLEL_WORK);
        assertTrue((long) s[0] * s[1] * s[2] >= CoreF.PARALLEL_WORK);
    }

    @Test
    void doubleProductsFollowTheDocumentedSummationOrderBitForBit() {
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        for (int[] s : SHAPES) {
            int M = s[0], K = s[1], N = s[2];
            SplittableRandom r = new SplittableRandom(M * 1_000_003L + K * 1009L + N);
            double[] a = gaussians(r, M * K), b = gaussians(r, K * N), bias = gaussians(r, N);
            for (int threads = 1; threads <= 2; threads++) {
                CoreD core = new CoreD(new int[]{1, 1}, 0, new int[]{0}, new int[]{0}, N, threads);
                System.arraycopy(bias, 0, core.p, 0, N);
                for (int mode = 0; mode < 3; mode++) {
                    double[] c = new double[M * N], want = new double[M * N];
                    double[] bt = mode == 2 ? transpose(b, K, N) : b;   // N x K storage read as its transpose
                    double[] at = mode == 1 ? transpose(a, M, K) : a;   // K x M storage read as its transpose
                    switch (mode) {
                        case 0 -> core.gemm(a, K, 1, b, 0, N, 1, c, 0, M, K, N, 0, CoreD.NONE, null);
                        case 1 -> core.gemm(at, 1, M, b, 0, N, 1, c, 0, M, K, N, -1, CoreD.NONE, null);
                        default -> core.gemm(a, K, 1, bt, 0, 1, K, c, 0, M, K, N, -1, CoreD.NONE, null);
                    }
                    for (int i = 0; i < M; i++) {
                        for (int j = 0; j < N; j++) {
                            double x = mode == 0 ? bias[j] : 0;
                            for (int k = 0; k < K; k++) {
                                double ai = a[i * K + k], bk = b[k * N + j];
                                x = j < N - N % lanes ? Math.fma(ai, bk, x) : x + ai * bk;
                            }
                            want[i * N + j] = x;
                        }
                    }
                    assertArrayEquals(want, c, 0.0, "double M=" + M + " K=" + K + " N=" + N + " mode " + mode + " threads " + threads);
                }
            }
        }
    }

    @Test
    void floatProductsFollowTheDocumentedSummationOrderBitForBit() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        for (int[] s : SHAPES) {
            int M = s[0], K = s[1], N = s[2];
            SplittableRandom r = new SplittableRandom(M * 1_000_003L + K * 1009L + N + 1);
            float[] a = toFloat(gaussians(r, M * K)), b = toFloat(gaussians(r, K * N)), bias = toFloat(gaussians(r, N));
            for (int threads = 1; threads <= 2; threads++) {
                CoreF core = new CoreF(new int[]{1, 1}, 0, new int[]{0}, new int[]{0}, N, threads);
                System.arraycopy(bias, 0, core.p, 0, N);
                for (int mode = 0; mode < 3; mode++) {
                    float[] c = new float[M * N], want = new float[M * N];
                    float[] bt = mode == 2 ? transpose(b, K, N) : b;
                    float[] at = mode == 1 ? transpose(a, M, K) : a;
                    switch (mode) {
                        case 0 -> core.gemm(a, K, 1, b, 0, N, 1, c, 0, M, K, N, 0, CoreF.NONE, null);
                        case 1 -> core.gemm(at, 1, M, b, 0, N, 1, c, 0, M, K, N, -1, CoreF.NONE, null);
                        default -> core.gemm(a, K, 1, bt, 0, 1, K, c, 0, M, K, N, -1, CoreF.NONE, null);
                    }
                    for (int i = 0; i < M; i++) {
                        for (int j = 0; j < N; j++) {
                            float x = mode == 0 ? bias[j] : 0;
                            for (int k = 0; k < K; k++) {
                                float ai = a[i * K + k], bk = b[k * N + j];
                                x = j < N - N % lanes ? Math.fma(ai, bk, x) : x + ai * bk;
                            }
                            want[i * N + j] = x;
                        }
                    }
                    for (int q = 0; q < want.length; q++) {
                        assertEquals(Float.floatToRawIntBits(want[q]), Float.floatToRawIntBits(c[q]),
                                "float M=" + M + " K=" + K + " N=" + N + " mode " + mode + " threads " + threads + " element " + q);
                    }
                }
            }
        }
    }

    /** Sanity of the reference itself: the fused and the unfused orders really differ somewhere (else the test could not tell). */
    @Test
    void theTwoRoundingsOfTheReferenceDiffer() {
        SplittableRandom r = new SplittableRandom(3);
        int differ = 0;
        for (int t = 0; t < 1000; t++) {
            float a = (float) r.nextGaussian(), b = (float) r.nextGaussian(), c = (float) r.nextGaussian();
            if (Math.fma(a, b, c) != c + a * b) differ++;
        }
        assertTrue(differ > 10, "fma and mul+add differ in " + differ + " of 1000 cases");
    }

    private static double[] gaussians(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextDouble(-2, 2);
        return x;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** rows x cols row-major → cols x rows row-major. */
    private static double[] transpose(double[] x, int rows, int cols) {
        double[] t = new double[x.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }

    private static float[] transpose(float[] x, int rows, int cols) {
        float[] t = new float[x.length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }
}
