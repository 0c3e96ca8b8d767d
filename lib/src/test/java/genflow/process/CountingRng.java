package genflow.process;

import java.util.random.RandomGenerator;

/** Test helper: a RandomGenerator that counts the uniform, normal and boolean draws it hands out. */
final class CountingRng implements RandomGenerator {
    private final RandomGenerator inner;
    long doubles, gaussians, booleans, longs;

    CountingRng(RandomGenerator inner) { this.inner = inner; }

    @Override public long nextLong() { longs++; return inner.nextLong(); }
    @Override public double nextDouble() { doubles++; return inner.nextDouble(); }
    @Override public double nextGaussian() { gaussians++; return inner.nextGaussian(); }
    @Override public boolean nextBoolean() { booleans++; return inner.nextBoolean(); }

    long total() { return doubles + gaussians + booleans + longs; }
}
