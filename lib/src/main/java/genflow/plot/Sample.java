package genflow.plot;

/**
 * A named 1-D sample (length ≥ 1, finite), drawn as a histogram. The array is copied in and out.
 *
 * @param name   legend name, non-blank
 * @param values the sample
 */
public record Sample(String name, double[] values) {
    public Sample {
        Plots.requireName("name", name);
        values = Plots.copyFinite("values", values);
    }

    /** {@code new Sample(name, values)}. */
    public static Sample of(String name, double[] values) {
        return new Sample(name, values);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    double[] raw() {
        return values;
    }
}
