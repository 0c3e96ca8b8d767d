import sys; sys.path.insert(0, __import__("os").path.dirname(__file__) + "/..")
import nb
nb.write(sys.argv[1], [
("md", r"""
# 00 · A tour of genflow

**genflow** is a course on *generative flows* — continuity equation, Tweedie's formula, flow matching,
diffusion, Kac flows and quantile-learned noise — taught through Java notebooks on top of a small
compiled library. Every figure comes from library code you can read, and every formula is checked
numerically before we trust it.

**In this notebook** you will
1. draw samples from a 2-D Gaussian mixture with the library (`genflow.dist`),
2. plot them (XChart) and
3. tabulate how many samples each mode received (Tablesaw), and check that against the mixture weights.

How to use the course: read a lecture in `notebooks/`, run it (`Shift+Enter` cell by cell), then open the
matching notebook in `exercises/`, fill in the cells marked `TODO` and run the `Check` cell after each one.
`solutions/` has the completed versions. All randomness is seeded: your numbers and figures are the same as
everyone else's.
"""),
("code", r"""
import genflow.dist.*;
import genflow.random.Rngs;
import org.knowm.xchart.*;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.*;
"""),
("md", r"""
## The 8-Gaussians mixture

Eight equally weighted isotropic Gaussians on a circle of radius $r$:

$$p(x) = \frac18 \sum_{k=0}^{7} \mathcal N\!\left(x;\; r\,(\cos\tfrac{2\pi k}{8}, \sin\tfrac{2\pi k}{8}),\; \sigma^2 I\right).$$

It is the standard toy target of flow-matching papers (e.g. TorchCFM). We build it as a
`GaussianMixture`, which knows its exact density and score, and draw 2,000 samples with a fixed seed.
"""),
("code", r"""
double radius = 4.0, sigma = 0.4;
double[][] centers = new double[8][];
for (int k = 0; k < 8; k++) {
    double a = 2 * Math.PI * k / 8;
    centers[k] = new double[]{radius * Math.cos(a), radius * Math.sin(a)};
}
GaussianMixture eight = GaussianMixture.isotropic(centers, sigma);
double[][] x = eight.sample(2000, Rngs.seeded(42));
System.out.printf("drew %d samples in %d dimensions; first: (%.3f, %.3f)%n", x.length, x[0].length, x[0][0], x[0][1]);
"""),
("md", r"""
## A scatter plot

A cell whose value is a chart is shown as a picture.
"""),
("code", r"""
double[] xs = Arrays.stream(x).mapToDouble(p -> p[0]).toArray();
double[] ys = Arrays.stream(x).mapToDouble(p -> p[1]).toArray();
XYChart chart = new XYChartBuilder().width(520).height(480)
        .title("2,000 samples of the 8-Gaussians mixture (seed 42)").xAxisTitle("x₁").yAxisTitle("x₂").build();
chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
chart.getStyler().setMarkerSize(4);
chart.getStyler().setLegendVisible(false);
chart.addSeries("samples", xs, ys).setMarker(SeriesMarkers.CIRCLE);
chart
"""),
("md", r"""
## Which mode did each sample come from?

The posterior probability of component $k$ given $x$ is
$\gamma_k(x) = w_k\,\mathcal N_k(x) / p(x)$ (`responsibilities`). Assigning each sample to its most
probable component, the counts should be close to $2000 \cdot w_k = 250$ — within a few binomial
standard deviations $\sqrt{2000\, w_k (1-w_k)} \approx 14.8$.
"""),
("code", r"""
int[] counts = new int[8];
for (double[] p : x) {
    double[] g = eight.responsibilities(p);
    int best = 0;
    for (int k = 1; k < 8; k++) if (g[k] > g[best]) best = k;
    counts[best]++;
}
double[] w = eight.weights();
Table perMode = Table.create("samples per mode",
        IntColumn.create("mode", IntStream.range(0, 8).toArray()),
        IntColumn.create("count", counts),
        DoubleColumn.create("expected", Arrays.stream(w).map(v -> v * x.length).toArray()));
perMode
"""),
("md", r"""
## Check

Every notebook ends its sections with a numerical check. Here: each count lies within 4 standard deviations
of its expectation, and the counts add up to 2,000.
"""),
("code", r"""
int total = Arrays.stream(counts).sum();
double sd = Math.sqrt(x.length * (1.0 / 8) * (7.0 / 8));
double worst = IntStream.range(0, 8).mapToDouble(k -> Math.abs(counts[k] - x.length * w[k]) / sd).max().getAsDouble();
System.out.printf("total = %d, largest deviation = %.2f standard deviations%n", total, worst);
if (total != 2000 || worst > 4) throw new IllegalStateException("per-mode counts do not match the weights");
"""),
("md", r"""
## Where to go next

| notebook | topic |
|---|---|
| `01_odes_sdes_flows` | vector fields, flows, ODE/SDE solvers, Langevin dynamics |
| `02_continuity_equation` | how densities move with particles |
| `03_tweedie` | denoising and the score |
| `04_flow_matching` | conditional paths and learning a velocity |
| `05_diffusion` | forward SDEs, score matching, reverse-time sampling |
| `06_kac_flows` | flows from the telegrapher's equation |
| `07_uniform_mmd_process` | the uniform process and MMD flows |
| `08_quantile_noise` | learning the noise distribution |
| `09_digits` | flow matching on 8×8 handwritten digits |
"""),
])
