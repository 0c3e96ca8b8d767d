package genflow.dist;

/**
 * The course's fixed split of the 1,797 digits of {@code data/digits.csv} into training and
 * held-out images: row i (0-based, file order) is HELD OUT iff i mod 6 = 0 (300 images; per digit
 * 0–9: 32, 28, 25, 31, 30, 31, 31, 33, 28, 31), all other rows (1,497) are for training. Chapter 09's generators
 * and the digit classifier ({@code genflow.nn.DigitClassifier}) are trained on the training rows
 * only; every quality number of generated digits is measured against the held-out rows.
 * Images are scaled to [−1, 1] (x = p/8 − 1, {@link Digits#imagesSigned()}). Immutable: accessors
 * return copies.
 */
public final class DigitsSplit {
    /** Every {@value}-th row (starting with row 0) is held out. */
    public static final int PERIOD = 6;

    private final double[][] train, heldOut;
    private final int[] trainLabels, heldOutLabels;

    private DigitsSplit(double[][] train, int[] trainLabels, double[][] heldOut, int[] heldOutLabels) {
        this.train = train;
        this.trainLabels = trainLabels;
        this.heldOut = heldOut;
        this.heldOutLabels = heldOutLabels;
    }

    /** Whether row {@code row} (0-based, file order) of the digits file is held out: row mod 6 = 0. */
    public static boolean isHeldOut(int row) {
        if (row < 0) throw new IllegalArgumentException("row = " + row + " must be >= 0");
        return row % PERIOD == 0;
    }

    /** The split of {@code digits} (rows in file order). */
    public static DigitsSplit of(Digits digits) {
        if (digits == null) throw new IllegalArgumentException("digits must not be null");
        double[][] all = digits.imagesSigned();
        int[] labels = digits.labels();
        int held = (all.length + PERIOD - 1) / PERIOD;
        double[][] tr = new double[all.length - held][], te = new double[held][];
        int[] ltr = new int[all.length - held], lte = new int[held];
        for (int i = 0, a = 0, b = 0; i < all.length; i++) {
            if (isHeldOut(i)) { te[b] = all[i]; lte[b++] = labels[i]; }
            else { tr[a] = all[i]; ltr[a++] = labels[i]; }
        }
        return new DigitsSplit(tr, ltr, te, lte);
    }

    /** The split of {@code data/digits.csv} ({@link Digits#loadDefault()}). */
    public static DigitsSplit loadDefault() {
        return of(Digits.loadDefault());
    }

    /** Training images [1497][64] in [−1, 1], file order. */
    public double[][] train() { return copy(train); }

    /** Labels of the training images. */
    public int[] trainLabels() { return trainLabels.clone(); }

    /** Held-out images [300][64] in [−1, 1], file order. */
    public double[][] heldOut() { return copy(heldOut); }

    /** Labels of the held-out images. */
    public int[] heldOutLabels() { return heldOutLabels.clone(); }

    private static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = x[i].clone();
        return c;
    }
}
