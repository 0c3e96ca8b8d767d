package genflow.random;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random generators. Every random path in genflow takes a {@link RandomGenerator};
 * this class makes the course's standard one from a seed, so that the same seed gives the same
 * numbers on every machine and every run.
 */
public final class Rngs {
    private Rngs() {}

    /** The course's standard generator: {@link SplittableRandom} (deterministic, fast, splittable). */
    public static RandomGenerator seeded(long seed) {
        return new SplittableRandom(seed);
    }
}
