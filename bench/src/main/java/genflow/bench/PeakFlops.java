package genflow.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The machine's fp32 peak, measured: a register-only loop of independent fused multiply-adds on the
 * Vector API's preferred species (512-bit here: 16 lanes), 16 independent accumulators so that FMA
 * latency is hidden (≥ latency × pipes = 4 × 2 on current cores). One FMA lane = 2 FLOPs. Run on 1
 * thread and on 2 threads (the caller plus one fork-join worker); the best of a few repetitions
 * is the estimate. No memory traffic, so real kernels cannot exceed it.
 */
final class PeakFlops {
    private PeakFlops() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    /** Peak estimates in FLOP/s, one thread and two threads. */
    record Estimate(double oneThread, double twoThreads, int lanes) {
        String describe() {
            return String.format(Locale.ROOT, "fp32 FMA peak (measured, %d-bit vectors): %.0f GFLOP/s on 1 thread, %.0f GFLOP/s on 2 threads",
                    lanes * 32, oneThread * 1e-9, twoThreads * 1e-9);
        }
    }

    static Estimate measure() {
        long iters = 5_000_000; // about 10 ms per run
        double one = 0, two = 0;
        for (int rep = 0; rep < 8; rep++) {
            one = Math.max(one, run(iters, 1));
            two = Math.max(two, run(iters, 2));
        }
        return new Estimate(one, two, S.length());
    }

    /** FLOP/s of {@code threads} threads each running {@link #kernel} for {@code iters} iterations. */
    private static double run(long iters, int threads) {
        long t0 = System.nanoTime();
        ForkJoinTask<Float> other = threads > 1 ? ForkJoinPool.commonPool().submit(() -> kernel(iters)) : null;
        float sink = kernel(iters);
        if (other != null) sink += other.join();
        double sec = (System.nanoTime() - t0) * 1e-9;
        if (sink == 42.4242f) System.out.print(""); // keep the result alive
        return threads * iters * 16.0 * S.length() * 2 / sec;
    }

    /** 16 independent FMA chains per iteration; the values stay bounded (x ← 0.999 x + 1e-3). */
    static float kernel(long iters) {
        FloatVector a = FloatVector.broadcast(S, 0.999f), b = FloatVector.broadcast(S, 1e-3f);
        FloatVector x0 = FloatVector.broadcast(S, 0f), x1 = FloatVector.broadcast(S, 1f), x2 = FloatVector.broadcast(S, 2f), x3 = FloatVector.broadcast(S, 3f);
        FloatVector x4 = FloatVector.broadcast(S, 4f), x5 = FloatVector.broadcast(S, 5f), x6 = FloatVector.broadcast(S, 6f), x7 = FloatVector.broadcast(S, 7f);
        FloatVector x8 = FloatVector.broadcast(S, 8f), x9 = FloatVector.broadcast(S, 9f), xa = FloatVector.broadcast(S, 10f), xb = FloatVector.broadcast(S, 11f);
        FloatVector xc = FloatVector.broadcast(S, 12f), xd = FloatVector.broadcast(S, 13f), xe = FloatVector.broadcast(S, 14f), xf = FloatVector.broadcast(S, 15f);
        for (long i = 0; i < iters; i++) {
            x0 = x0.fma(a, b); x1 = x1.fma(a, b); x2 = x2.fma(a, b); x3 = x3.fma(a, b);
            x4 = x4.fma(a, b); x5 = x5.fma(a, b); x6 = x6.fma(a, b); x7 = x7.fma(a, b);
            x8 = x8.fma(a, b); x9 = x9.fma(a, b); xa = xa.fma(a, b); xb = xb.fma(a, b);
            xc = xc.fma(a, b); xd = xd.fma(a, b); xe = xe.fma(a, b); xf = xf.fma(a, b);
        }
        FloatVector s = x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7)
                .add(x8).add(x9).add(xa).add(xb).add(xc).add(xd).add(xe).add(xf);
        return s.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
