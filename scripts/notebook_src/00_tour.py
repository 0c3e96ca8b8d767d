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
import genflow.plot.*;
import genflow.table.Tables;
import genflow.metrics.ModeMass;
import genflow.course.*;
import tech.tablesaw.api.*;
"""),
("md", r"""
## The 8-Gaussians mixture

Eight equally weighted isotropic Gaussians on a circle of radius $r$:

$$p(x) = \frac18 \sum_{k=0}^{7} \mathcal N\!\left(x;\; r\,(\cos\tfrac{2\pi k}{8}, \sin\tfrac{2\pi k}{8}),\; \sigma^2 I\right).$$

It is the standard toy target of flow-matching papers; `ToyData.eightGaussians()` uses TorchCFM's scaling
($r = 5$, $\sigma^2 = \sqrt{0.1}$). It is a `GaussianMixture`, which knows its exact density and score.
We draw 2,000 samples with a fixed seed.
"""),
("code", r"""
GaussianMixture eight = ToyData.eightGaussians();
double[][] x = eight.sample(2000, Rngs.seeded(42));
System.out.printf("drew %d samples in %d dimensions; first: (%.3f, %.3f)%n", x.length, x[0].length, x[0][0], x[0][1]);
"""),
("md", r"""
## A scatter plot

A cell whose last expression is a chart (written without a trailing `;`) shows the chart.
`genflow.plot.Plots` makes the course's standard charts: titled, axes labelled, a fixed size.
"""),
("code", r"""
Plots.scatter("2,000 samples of the 8-Gaussians mixture (seed 42)", "x₁", "x₂", Points.of("samples", x))
"""),
("md", r"""
The lecture figures of the course live in a registry, so that the picture in a notebook and the file a lecturer
puts on a slide (`./course figures` → `build/figures/`) are the same. This one is `00-eight-gaussians`:
"""),
("code", r"""
Figures.get("00-eight-gaussians")
"""),
("md", r"""
## Which mode did each sample come from?

The posterior probability of component $k$ given $x$ is
$\gamma_k(x) = w_k\,\mathcal N_k(x) / p(x)$. Assigning each sample to its most probable component
(`ModeMass.nearestMean` uses the nearest mean, the same here since all components share one $\sigma$), the counts
should be close to $2000 \cdot w_k = 250$ — within a few binomial standard deviations
$\sqrt{2000\, w_k (1-w_k)} \approx 14.8$.
"""),
("code", r"""
double[] fraction = ModeMass.nearestMean(eight, x);
double[] w = eight.weights();
int[] counts = Arrays.stream(fraction).mapToInt(f -> (int) Math.round(f * x.length)).toArray();
Table perMode = Tables.builder("samples per mode")
        .column("mode", IntStream.range(0, 8).toArray())
        .column("count", counts)
        .column("expected", Arrays.stream(w).map(v -> v * x.length).toArray())
        .build();
perMode
"""),
("md", r"""
## Check

Every notebook checks its numbers. Here: each count lies within 4 standard deviations of its expectation,
and the counts add up to 2,000.
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
