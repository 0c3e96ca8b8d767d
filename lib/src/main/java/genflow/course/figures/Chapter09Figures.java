package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.Digits;
import genflow.dist.Gaussian;
import genflow.dist.GaussianMixture;
import genflow.metrics.NearestNeighbour;
import genflow.ode.Euler;
import genflow.ode.Trajectory;
import genflow.path.GmmMarginal;
import genflow.plot.ImageGrid;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Figures of 09_digits. None trains a network (each draws in a few seconds): the real digits, and
 * the exact flow-matching field of the (slightly smoothed) empirical training measure — whose
 * trajectories end on training images, the memorisation the lecture contrasts with a learned net.
 * Data: {@link Digits#loadDefault()} scaled to [−1, 1]; training images are the rows i with
 * i mod 6 ≠ 0 (the lecture's split). Time direction: t = 0 noise, t = 1 data.
 */
public final class Chapter09Figures implements FigureSource {
    /** Std of the tiny Gaussian put around every training image to make the exact field smooth. */
    static final double SMOOTHING = 0.05;

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("09-real-digits", 0,
                        "Forty real 8×8 digits from data/digits.csv, four of each class (column = digit), picked with seed 0",
                        Chapter09Figures::realDigits),
                LectureFigure.still("09-trajectory", 3,
                        "Exact flow-matching trajectories (Euler, 50 steps) of the empirical training measure: noise at t = 0 becomes a digit at t = 1; one row per noise draw, seed 3",
                        Chapter09Figures::trajectory),
                LectureFigure.still("09-memorisation", 5,
                        "Top: 8 samples of the exact empirical flow (Euler, 40 steps, seed 5); bottom: the nearest training image of each — the exact field only copies its training set",
                        Chapter09Figures::memorisation));
    }

    static double[][] trainingImages() {
        double[][] all = Digits.loadDefault().imagesSigned();
        List<double[]> train = new ArrayList<>();
        for (int i = 0; i < all.length; i++) if (i % 6 != 0) train.add(all[i]);
        return train.toArray(new double[0][]);
    }

    static ImageGrid realDigits(long seed) {
        Digits digits = Digits.loadDefault();
        RandomGenerator rng = Rngs.seeded(seed);
        double[][] images = new double[40][];
        for (int c = 0; c < 10; c++) {
            double[][] ofClass = digits.withLabel(c).imagesSigned();
            for (int r = 0; r < 4; r++) images[10 * r + c] = ofClass[rng.nextInt(ofClass.length)];
        }
        return ImageGrid.builder(images, Digits.SIDE).cols(10).range(-1, 1)
                .title("Real digits (8×8, 17 grey levels), four per class").build();
    }

    static GmmMarginal exactField(double[][] train) {
        return new GmmMarginal(GaussianMixture.isotropic(train, SMOOTHING), new LinearSchedule());
    }

    static ImageGrid trajectory(long seed) {
        int rows = 3, frames = 11, steps = 50;
        double[][] z = Gaussian.standard(Digits.PIXELS).sample(rows, Rngs.seeded(seed));
        int[] all = {0, 1, 2};
        Trajectory tr = new Euler().trajectory(exactField(trainingImages()).velocityField(), z, 0, 1, steps, all);
        double[][] images = new double[rows * frames][];
        String[] labels = new String[rows * frames];
        for (int f = 0; f < frames; f++) {
            int k = f * steps / (frames - 1);
            double[][] s = tr.state(k);
            for (int r = 0; r < rows; r++) {
                images[r * frames + f] = s[r];
                labels[r * frames + f] = String.format(Locale.ROOT, "t=%.1f", tr.times()[k]);
            }
        }
        return ImageGrid.builder(images, Digits.SIDE).cols(frames).range(-1, 1).labels(labels)
                .title("From noise to digit along the exact empirical flow").build();
    }

    static ImageGrid memorisation(long seed) {
        double[][] train = trainingImages();
        int m = 8;
        double[][] z = Gaussian.standard(Digits.PIXELS).sample(m, Rngs.seeded(seed));
        double[][] x = new Euler().integrate(exactField(train).velocityField(), z, 0, 1, 40);
        int[] nn = NearestNeighbour.indices(x, train);
        double[] dist = NearestNeighbour.distances(x, train);
        double[][] images = new double[2 * m][];
        String[] labels = new String[2 * m];
        for (int i = 0; i < m; i++) {
            images[i] = x[i];
            labels[i] = "sample";
            images[m + i] = train[nn[i]];
            labels[m + i] = String.format(Locale.ROOT, "NN %.2f", dist[i]);
        }
        return ImageGrid.builder(images, Digits.SIDE).cols(m).range(-1, 1).labels(labels)
                .title("Exact empirical flow: samples (top) and nearest training images (bottom)").build();
    }
}
