package genflow.nn;

import genflow.dist.Digits;
import genflow.metrics.FrechetDistance;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's measuring instrument for 8×8 digits: a {@link Classifier} trained on the TRAINING
 * digits of {@link genflow.dist.DigitsSplit} (recipe and held-out accuracy in lecture 09, checkpoint
 * {@value #CHECKPOINT} in {@code data/models/}) that gives, for a batch of images in [−1, 1]
 * (x = p/8 − 1, [n][64], pixel (r, c) at 8r + c):
 * <ul>
 *   <li>class predictions and probabilities (e.g. the accuracy of label-conditioned samples);</li>
 *   <li>features h(x): the activations of its last hidden layer;</li>
 *   <li>the Fréchet distance of two image samples in that feature space — the FID idea of Heusel
 *       et al. (2017) at 8×8: d_F² = ‖μ₁ − μ₂‖² + Tr(C₁ + C₂ − 2(C₂^{1/2} C₁ C₂^{1/2})^{1/2})
 *       ({@link FrechetDistance}, a SQUARED distance like the FID).</li>
 * </ul>
 * Like the FID, d_F² between finite samples is biased upwards (more so for small n and many
 * features): compare values only at equal sample sizes and next to the real-vs-real reference.
 * Immutable apart from the wrapped classifier's live parameters.
 */
public final class DigitClassifier {
    /** Checkpoint id of the trained classifier (lecture 09); its file is {@value #FILE} in data/models/. */
    public static final String CHECKPOINT = "09-digit-classifier";
    /** File name of the trained classifier in {@code data/models/} (checkpoint part "cls"). */
    public static final String FILE = CHECKPOINT + ".cls";

    private final Classifier classifier;

    /** @param classifier a classifier of 64 pixels into 10 classes */
    public DigitClassifier(Classifier classifier) {
        if (classifier == null) throw new IllegalArgumentException("classifier must not be null");
        if (classifier.inputs() != Digits.PIXELS || classifier.classes() != 10) {
            throw new IllegalArgumentException("classifier maps " + classifier.inputs() + " inputs to " + classifier.classes()
                    + " classes; a digit classifier maps 64 pixels to 10 classes");
        }
        this.classifier = classifier;
    }

    /** The trained classifier stored as {@code data/models/}{@value #FILE}, found walking up from the working directory. */
    public static DigitClassifier loadDefault() {
        return load(locateDefault(Path.of("").toAbsolutePath()));
    }

    /** A classifier saved by {@link Classifier#save} (e.g. the checkpoint file {@value #FILE}). */
    public static DigitClassifier load(Path file) {
        return new DigitClassifier(Classifier.load(file));
    }

    /**
     * The first {@code data/models/}{@value #FILE} found walking up from {@code start}.
     *
     * @throws IllegalArgumentException if {@code start} does not exist
     * @throws IllegalStateException if there is none (train it: {@code ./course train 09})
     */
    public static Path locateDefault(Path start) {
        if (start == null) throw new IllegalArgumentException("start must not be null");
        if (!Files.exists(start)) throw new IllegalArgumentException("start must be an existing file or folder, got " + start);
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("models").resolve(FILE);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no data/models/" + FILE + " in " + start.toAbsolutePath()
                + " or any parent folder: train it with ./course train 09");
    }

    /** The wrapped classifier. */
    public Classifier classifier() { return classifier; }

    /** Number of features per image (the width of the classifier's last hidden layer). */
    public int featureSize() { return classifier.featureSize(); }

    /** Features h(x) of every image, [n][{@link #featureSize()}]. */
    public double[][] features(double[][] images) {
        return classifier.features(images);
    }

    /** The predicted digit 0–9 of every image. */
    public int[] predict(double[][] images) {
        return classifier.predict(images);
    }

    /** Class probabilities p(y | x) of every image, [n][10]. */
    public double[][] probabilities(double[][] images) {
        return classifier.probabilities(images);
    }

    /** Fraction of images whose predicted digit equals the label. */
    public double accuracy(double[][] images, int[] labels) {
        return classifier.accuracy(images, labels);
    }

    /** The Fréchet distance d_F² between two image samples (≥ 2 images each) in feature space. */
    public double frechetDistance(double[][] images, double[][] reference) {
        return FrechetDistance.of(features(images), features(reference));
    }
}
