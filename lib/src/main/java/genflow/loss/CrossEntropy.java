package genflow.loss;

import genflow.math.Require;
import genflow.nn.Classifier;
import genflow.nn.Objective;
import genflow.nn.Parametric;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The softmax cross-entropy of a {@link Classifier} (the negative log-likelihood of the labels;
 * Bishop 2006, §4.3.4 and §5.2):
 * <pre>
 *   L(θ) = −(1/n) Σᵢ log softmax(f_θ(xᵢ))_{yᵢ} = (1/n) Σᵢ [ log Σ_c e^{f_θ(xᵢ)_c} − f_θ(xᵢ)_{yᵢ} ],
 *   ∂L/∂f_θ(xᵢ)_c = (softmax(f_θ(xᵢ))_c − 1[c = yᵢ]) / n.
 * </pre>
 * The {@link genflow.nn.Trainer} draws rows from a {@link genflow.dist.Sampleable} of dimension
 * k + 1: a labelled row is [x (k values), y] with the class index y stored as a number in the last
 * column ({@link #labelled(double[][], int[])} builds them; e.g. {@code new Empirical(labelled(x, y))}
 * samples training pairs with replacement). The trainer's noise batch is ignored. No time variable.
 */
public final class CrossEntropy implements Objective {
    private final Classifier classifier;
    private final Classifier.Workspace ws;
    private double[] x, dLogits;

    /** @param classifier the classifier f_θ, trained in place */
    public CrossEntropy(Classifier classifier) {
        if (classifier == null) throw new IllegalArgumentException("classifier must not be null");
        this.classifier = classifier;
        this.ws = classifier.workspace();
    }

    /** Dimension of a labelled row: the classifier's inputs k plus one label column. */
    @Override
    public int dim() { return classifier.inputs() + 1; }

    /** [classifier]. */
    @Override
    public List<Parametric> parameters() { return List.of(classifier); }

    /**
     * Labelled rows [xᵢ, yᵢ] for the trainer: each row of x followed by its class index as a
     * number (copies; x and labels are not modified).
     */
    public static double[][] labelled(double[][] x, int[] labels) {
        int k = Require.nonEmptyBatch("x", x);
        if (labels == null || labels.length != x.length) {
            throw new IllegalArgumentException("labels must have one entry per row of x (" + x.length + ")");
        }
        double[][] out = new double[x.length][k + 1];
        for (int i = 0; i < x.length; i++) {
            if (labels[i] < 0) throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " must be >= 0");
            System.arraycopy(x[i], 0, out[i], 0, k);
            out[i][k] = labels[i];
        }
        return out;
    }

    /** The mean cross-entropy of the classifier on (x, labels), without gradient. */
    public double loss(double[][] xs, int[] labels) {
        double[][] rows = labelled(Require.nonEmptyBatch("x", xs, classifier.inputs()), labels);
        int d = dim(), n = rows.length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) System.arraycopy(rows[i], 0, flat, i * d, d);
        return evaluate(flat, n, null);
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        Losses.check(data, null, n, dim(), rng, grads, parameters());
        return evaluate(data, n, grads[0]);
    }

    private double evaluate(double[] data, int n, double[] grad) {
        int k = classifier.inputs(), d = k + 1, classes = classifier.classes();
        x = Losses.ensure(x, n * k);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, i * d, x, i * k, k);
            double label = data[i * d + k];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException("label of row " + i + " = " + label + " must be a class index in 0.." + (classes - 1));
            }
            y[i] = (int) label;
        }
        double[] logits = ws.forward(x, n);
        dLogits = Losses.ensure(dLogits, n * classes);
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double m = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) m = Math.max(m, logits[o + c]);
            double s = 0;
            for (int c = 0; c < classes; c++) s += Math.exp(logits[o + c] - m);
            double logZ = m + Math.log(s);
            loss += (logZ - logits[o + y[i]]) / n;
            for (int c = 0; c < classes; c++) dLogits[o + c] = Math.exp(logits[o + c] - logZ) / n;
            dLogits[o + y[i]] -= 1.0 / n;
        }
        if (grad != null) ws.backward(dLogits, grad);
        return loss;
    }
}
