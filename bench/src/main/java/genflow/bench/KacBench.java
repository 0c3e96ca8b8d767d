package genflow.bench;

import genflow.process.KacProcess;
import genflow.random.Rngs;
import java.util.random.RandomGenerator;
import java.util.function.ToDoubleFunction;

/**
 * Kac sampling throughput: the exact Poisson–Beta sampler {@link KacProcess#sample} against the
 * reversal simulation {@link KacProcess#sampleByJumps}, whose cost grows like a·t. One line per
 * (a, c, t), figures in samples per second, after a warm-up; about 1.5 s per figure.
 */
public final class KacBench {
    private KacBench() {}

    private static final double SECONDS = 1.5;

    public static void run() {
        double[][] configs = {{900, 10, 1}, {9, 3, 1}};
        // warm-up: let the JIT compile both samplers on both configurations
        for (double[] cfg : configs) {
            KacProcess k = KacProcess.of(cfg[0], cfg[1]);
            rate(r -> k.sample(cfg[2], r), 0.3);
            rate(r -> k.sampleByJumps(cfg[2], r), 0.3);
        }
        for (double[] cfg : configs) {
            KacProcess k = KacProcess.of(cfg[0], cfg[1]);
            double t = cfg[2];
            double exact = rate(r -> k.sample(t, r), SECONDS);
            double jumps = rate(r -> k.sampleByJumps(t, r), SECONDS);
            System.out.printf("kac a=%s c=%s t=%s: exact %.2e samples/s, jumps %.2e samples/s, ratio %.1f%n",
                    fmt(cfg[0]), fmt(cfg[1]), fmt(t), exact, jumps, exact / jumps);
        }
    }

    /** Samples per second of {@code draw}, measured over about {@code seconds}. */
    private static double rate(ToDoubleFunction<RandomGenerator> draw, double seconds) {
        RandomGenerator rng = Rngs.seeded(42);
        long n = 0;
        double sink = 0;
        long start = System.nanoTime(), end = start + (long) (seconds * 1e9), now;
        do {
            for (int i = 0; i < 1000; i++) sink += draw.applyAsDouble(rng);
            n += 1000;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42.4242) System.out.print(""); // keep the results alive
        return n / ((now - start) * 1e-9);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
