"""Generator of notebooks/03_tweedie.ipynb (lecture) and exercises/ + solutions/03_tweedie.ipynb.
Usage: /usr/bin/python3 scripts/notebook_src/03_tweedie.py   (writes all three, paths relative to the repo)"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

IMPORTS = r"""
import genflow.course.*;
import genflow.dist.*;
import genflow.path.*;
import genflow.plot.*;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import genflow.table.Tables;
import tech.tablesaw.api.*;
import java.util.random.RandomGenerator;
"""

PRIOR = r"""
// the prior: three isotropic Gaussians in R² (the same as Chapter03Figures.prior())
double[] weights = {0.5, 0.3, 0.2};
double[][] means = {{-2, 0}, {2, 1}, {0.5, 3}};
double s = 0.4;
GaussianMixture prior = GaussianMixture.isotropic(weights, means, new double[]{s, s, s});
double sigma = 0.8;
// y = x + η is again a GMM: each component's variance grows from s² to s² + σ²
double sy = Math.hypot(s, sigma);
GaussianMixture noisy = GaussianMixture.isotropic(weights, means, new double[]{sy, sy, sy});
System.out.printf("prior mean = (%.2f, %.2f); noisy component std = %.3f%n", prior.mean()[0], prior.mean()[1], sy);
"""

SNIS = r"""
/**
 * Self-normalised importance sampling for E[X | obs] when obs = scale·X + noise·N(0, I):
 * proposal = prior samples xs, weights w_i ∝ exp(−|obs − scale·x_i|² / (2 noise²)).
 * Returns {mean_1, …, mean_d, se_1, …, se_d} with the delta-method standard error se_j = √(Σ w̄_i² (x_ij − mean_j)²).
 */
double[] snis(double[] obs, double scale, double noise, double[][] xs) {
    int n = xs.length, d = obs.length;
    double[] logw = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
        double r2 = 0;
        for (int j = 0; j < d; j++) { double r = obs[j] - scale * xs[i][j]; r2 += r * r; }
        logw[i] = -r2 / (2 * noise * noise);
        max = Math.max(max, logw[i]);
    }
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) { w[i] = Math.exp(logw[i] - max); sum += w[i]; }
    double[] out = new double[2 * d];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) out[j] += w[i] / sum * xs[i][j];
    for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) { double c = w[i] / sum * (xs[i][j] - out[j]); out[d + j] += c * c; }
    for (int j = 0; j < d; j++) out[d + j] = Math.sqrt(out[d + j]);
    return out;
}
double[][] priorSamples = prior.sample(200_000, Rngs.seeded(31));
System.out.println("drew " + priorSamples.length + " prior samples (seed 31)");
"""

# ---------------------------------------------------------------------------------------------- lecture
LECTURE = [
("md", r"""
# 03 · Tweedie's formula: denoisers, scores and velocities

A Gaussian blur of a distribution hides an exact relation between **denoising** and the **score** of the
blurred density. This relation — Tweedie's (or Miyasawa's) formula — is why a network trained to denoise, to
predict noise, to estimate a score or to regress a flow-matching velocity all learn *the same object*.

**Learning goals.** After this notebook you can
1. state and derive Tweedie's formula $\hat x(y) = y + \sigma^2\nabla\log p(y)$ for $y = x + \eta$, $\eta\sim\mathcal N(0,\sigma^2 I)$;
2. check it against an independent Monte Carlo estimate of the posterior mean (self-normalised importance sampling);
3. apply it along the flow-matching path $X_t = (1-t)X_0 + tX_1$ to get $\mathbb E[X_1\mid X_t]$ and the velocity
   $v_t = \frac{1-t}{t}\nabla\log p_t + \frac{x}{t}$;
4. convert between score, velocity, denoiser and predicted noise with `genflow.path.Tweedie` — and know where each conversion divides by zero.

Material: seed 000 ("Remark: Tweedie's formula", flow-matching example), seed 004 (Gaussian paths, marginal score and velocity).
**Time convention** (as in seed 000's flow-matching slide and in `genflow.schedule`): $t = 0$ noise, $t = 1$ data.
"""),
("code", IMPORTS),
("md", r"""
## 1 · Denoising and the MMSE estimator

We observe $y = x + \eta$ with $x \sim p_X$ (the prior) and independent noise $\eta\sim\mathcal N(0,\sigma^2 I)$.
The density of $y$ is the blurred prior $p(y) = \int g_\sigma(y-x)\,p_X(x)\,dx$, and the estimator with the
smallest mean squared error is the posterior mean
$$\hat x(y) = \mathbb E[X\mid Y=y] = \int x\,\frac{g_\sigma(y-x)\,p_X(x)}{p(y)}\,dx .$$
**Tweedie's formula.** Since $\nabla_y g_\sigma(y-x) = \frac{x-y}{\sigma^2}\,g_\sigma(y-x)$,
$$\sigma^2\,\nabla p(y) = \int (x-y)\,g_\sigma(y-x)\,p_X(x)\,dx \quad\Longrightarrow\quad
\hat x(y) = y + \sigma^2\,\nabla_y\log p(y).$$
The posterior mean needs only the score of the **noisy** density — no access to clean data.

Our prior is a three-component Gaussian mixture; then $p$ is the same mixture with variances $s^2+\sigma^2$, so its
score is exact.
"""),
("code", PRIOR),
("md", r"""
### An independent estimate: self-normalised importance sampling

To test Tweedie we need the posterior mean *without* using the score. With prior samples $x_1,\dots,x_N$,
$$\mathbb E[X\mid y] \approx \sum_i \bar w_i\,x_i,\qquad \bar w_i = \frac{g_\sigma(y-x_i)}{\sum_k g_\sigma(y-x_k)} ,$$
which is consistent as $N\to\infty$; its standard error is about $\sqrt{\sum_i \bar w_i^2\,(x_i-\hat x)^2}$ per coordinate.
We write it once for the general observation $\text{obs} = a\,X + \text{noise}$ (we reuse it in section 2 with $a = t$).
"""),
("code", SNIS),
("code", r"""
double[][] ys = {{-2.5, 0.5}, {0.0, 0.0}, {1.0, 2.0}, {2.5, 1.5}, {0.5, 4.0}, {-1.0, 3.0}};
var table = Tables.results("Posterior mean E[x | y], σ = 0.8: Tweedie vs Monte Carlo", "y",
        "Tweedie x̂₁", "MC x̂₁", "Tweedie x̂₂", "MC x̂₂", "|diff| / se");
double worstZ = 0;
for (double[] y : ys) {
    double[] tw = Tweedie.denoise(y, sigma, noisy.score(y));
    double[] mc = snis(y, 1.0, sigma, priorSamples);
    double z = Math.max(Math.abs(tw[0] - mc[0]) / mc[2], Math.abs(tw[1] - mc[1]) / mc[3]);
    worstZ = Math.max(worstZ, z);
    table.row(String.format("(%.1f, %.1f)", y[0], y[1]), tw[0], mc[0], tw[1], mc[1], z);
}
table.build()
"""),
("code", r"""
System.out.printf("largest |Tweedie − MC| = %.2f Monte Carlo standard errors%n", worstZ);
if (worstZ > 4) throw new IllegalStateException("Tweedie's posterior mean disagrees with importance sampling");
"""),
("md", r"""
Noisy points are pulled back towards the modes of the prior; points between two modes land between them
(the posterior mean averages over the modes it cannot rule out):
"""),
("code", r"""
Figures.draw("03-tweedie-denoising")
"""),
("md", r"""
### It really is the MMSE estimator

The squared error of $\hat x(y)$ must be below that of doing nothing ($\mathbb E|y-x|^2 = d\sigma^2 = 1.28$) and below
Tweedie's formula with a *wrong* noise level. We estimate all three on 20,000 fresh pairs $(x, y)$.
"""),
("code", r"""
RandomGenerator rng = Rngs.seeded(5);
double[][] xClean = prior.sample(20_000, rng);
double mseIdentity = 0, mseTweedie = 0, mseWrong = 0;
double sWrong = Math.hypot(s, 0.5);
GaussianMixture noisyWrong = GaussianMixture.isotropic(weights, means, new double[]{sWrong, sWrong, sWrong});
for (double[] x : xClean) {
    double[] y = {x[0] + sigma * rng.nextGaussian(), x[1] + sigma * rng.nextGaussian()};
    double[] good = Tweedie.denoise(y, sigma, noisy.score(y));
    double[] bad = Tweedie.denoise(y, 0.5, noisyWrong.score(y));   // pretends σ = 0.5
    for (int j = 0; j < 2; j++) {
        mseIdentity += Math.pow(y[j] - x[j], 2) / xClean.length;
        mseTweedie += Math.pow(good[j] - x[j], 2) / xClean.length;
        mseWrong += Math.pow(bad[j] - x[j], 2) / xClean.length;
    }
}
System.out.printf("E|y − x|² = %.4f (theory 2σ² = %.4f)%nE|x̂(y) − x|² = %.4f (Tweedie, σ = 0.8)%nE|x̂'(y) − x|² = %.4f (Tweedie with the wrong σ = 0.5)%n",
        mseIdentity, 2 * sigma * sigma, mseTweedie, mseWrong);
if (Math.abs(mseIdentity - 2 * sigma * sigma) > 0.05 || !(mseTweedie < mseWrong && mseWrong < mseIdentity))
    throw new IllegalStateException("the MMSE ordering is violated");
"""),
("md", r"""
## 2 · Tweedie along the flow-matching path

Flow matching (seed 000) interpolates $X_t = (1-t)X_0 + tX_1$ between noise $X_0\sim\mathcal N(0,I)$ at $t=0$ and
data $X_1\sim p_{\text{data}}$ at $t=1$. Given $X_1 = y$, $X_t \sim \mathcal N(t y, (1-t)^2 I)$: this is the denoising
problem with clean signal $tX_1$ and noise level $\sigma = 1-t$. Tweedie gives
$$t\,\mathbb E[X_1\mid X_t=x] = x + (1-t)^2\nabla\log p_t(x)
\quad\Longrightarrow\quad \mathbb E[X_1\mid X_t=x] = \frac{x + (1-t)^2\nabla\log p_t(x)}{t}.$$
The marginal velocity is $v_t(x) = \mathbb E[X_1 - X_0\mid X_t = x]$, and $X_0 = (X_t - tX_1)/(1-t)$, so
$$v_t(x) = \frac{\mathbb E[X_1\mid X_t=x] - x}{1-t} = \frac{1-t}{t}\,\nabla\log p_t(x) + \frac{x}{t}.$$

`GmmMarginal` knows $p_t$, its score and velocity exactly when the data are a GMM. First the time convention:
at $t = 0$ the marginal must be $\mathcal N(0, I)$ and at $t = 1$ the prior.
"""),
("code", r"""
GmmMarginal fm = new GmmMarginal(prior, new LinearSchedule());
GaussianMixture p0 = fm.marginal(0.0), p1 = fm.marginal(1.0);
System.out.println("t = 0: means " + Arrays.deepToString(p0.means()) + ", variances " + Arrays.deepToString(p0.variances()));
System.out.println("t = 1: means " + Arrays.deepToString(p1.means()) + ", variances " + Arrays.deepToString(p1.variances()));
double[] probe = {0.3, -0.7};
double gap0 = Math.abs(p0.logDensity(probe) - Gaussian.standard(2).logDensity(probe));
double gap1 = Math.abs(p1.logDensity(probe) - prior.logDensity(probe));
System.out.printf("|log p_0 − log N(0, I)| = %.1e, |log p_1 − log p_data| = %.1e%n", gap0, gap1);
if (gap0 > 1e-12 || gap1 > 1e-12) throw new IllegalStateException("time convention: expected t = 0 noise, t = 1 data");
"""),
("md", r"""
Now the velocity three ways at one point $x$ and several times: (a) the library's exact marginal velocity,
(b) seed 000's formula $\frac{1-t}{t}\nabla\log p_t + \frac{x}{t}$ with the exact score, (c) Monte Carlo:
importance sampling estimates $\mathbb E[X_1\mid X_t = x]$ with weights $\propto \mathcal N(x; t\,x_{1,i}, (1-t)^2 I)$, then
$v = (\mathbb E[X_1\mid x] - x)/(1-t)$.
"""),
("code", r"""
double[] xq = {0.5, 1.0};
var vt = Tables.results("Velocity of the CondOT path at x = (0.5, 1.0)", "t",
        "library v₁", "formula v₁", "MC v₁", "library v₂", "formula v₂", "MC v₂", "|lib − MC| / se");
double worstFormula = 0, worstMc = 0;
for (double t : new double[]{0.2, 0.4, 0.6, 0.8}) {
    double[] lib = fm.velocity(t, xq);
    double[] sc = fm.score(t, xq);
    double[] formula = new double[2];
    for (int j = 0; j < 2; j++) formula[j] = (1 - t) / t * sc[j] + xq[j] / t;
    double[] mc = snis(xq, t, 1 - t, priorSamples);
    double[] vMc = {(mc[0] - xq[0]) / (1 - t), (mc[1] - xq[1]) / (1 - t)};
    double z = Math.max(Math.abs(lib[0] - vMc[0]) / (mc[2] / (1 - t)), Math.abs(lib[1] - vMc[1]) / (mc[3] / (1 - t)));
    worstFormula = Math.max(worstFormula, Math.max(Math.abs(lib[0] - formula[0]), Math.abs(lib[1] - formula[1])));
    worstMc = Math.max(worstMc, z);
    vt.row(String.valueOf(t), lib[0], formula[0], vMc[0], lib[1], formula[1], vMc[1], z);
}
vt.build()
"""),
("code", r"""
System.out.printf("max |library − formula| = %.1e, max |library − MC| = %.2f standard errors%n", worstFormula, worstMc);
if (worstFormula > 1e-10 || worstMc > 4) throw new IllegalStateException("velocity from Tweedie does not match");
"""),
("md", r"""
The posterior mean $\mathbb E[X_1\mid X_t]$ is the "denoised guess" a flow-matching network implicitly makes.
Early on (small $t$) it is close to the data mean; as $t\to 1$ it becomes the point itself:
"""),
("code", r"""
Figures.draw("03-posterior-mean")
"""),
("md", r"""
## 3 · Score ↔ velocity ↔ denoiser ↔ noise

For a general Gaussian path $x_t = \alpha_t z + \beta_t\varepsilon$ (CondOT: $\alpha_t = t$, $\beta_t = 1-t$), writing
$\hat z = \mathbb E[z\mid x]$, $\hat\varepsilon = \mathbb E[\varepsilon\mid x]$, $s = \nabla\log p_t(x)$:
$$\alpha_t\hat z = x + \beta_t^2 s,\qquad \hat\varepsilon = -\beta_t s,\qquad
u_t = \dot\alpha_t\hat z + \dot\beta_t\hat\varepsilon = \frac{\dot\alpha_t}{\alpha_t}x + \beta_t\Big(\frac{\dot\alpha_t\beta_t}{\alpha_t} - \dot\beta_t\Big)s .$$
All four are affine in each other, so a model of any one gives the others (`genflow.path.Tweedie`).
We check every conversion against `GmmMarginal` on 200 random points at $t = 0.5$, plus the identity $x = \alpha_t\hat z + \beta_t\hat\varepsilon$.
"""),
("code", r"""
Tweedie tw = new Tweedie(new LinearSchedule());
double t = 0.5;
double[][] pts = fm.marginal(t).sample(200, Rngs.seeded(8));
double errMean = 0, errVel = 0, errRound = 0, errSplit = 0;
for (double[] x : pts) {
    double[] sc = fm.score(t, x), u = fm.velocity(t, x), zh = fm.posteriorMean(t, x);
    double[] zFromS = tw.posteriorMeanFromScore(t, x, sc);
    double[] uFromS = tw.velocityFromScore(t, x, sc);
    double[] sBack = tw.scoreFromVelocity(t, x, u);
    double[] zFromU = tw.posteriorMeanFromVelocity(t, x, u);
    double[] eps = tw.noiseFromScore(t, sc);
    for (int j = 0; j < 2; j++) {
        errMean = Math.max(errMean, Math.max(Math.abs(zFromS[j] - zh[j]), Math.abs(zFromU[j] - zh[j])));
        errVel = Math.max(errVel, Math.abs(uFromS[j] - u[j]));
        errRound = Math.max(errRound, Math.abs(sBack[j] - sc[j]));
        errSplit = Math.max(errSplit, Math.abs(t * zh[j] + (1 - t) * eps[j] - x[j]));
    }
}
System.out.printf("posterior mean from score / velocity: %.1e%nvelocity from score: %.1e%nscore from velocity: %.1e%nx − (α ẑ + β ε̂): %.1e%n",
        errMean, errVel, errRound, errSplit);
if (Math.max(Math.max(errMean, errVel), Math.max(errRound, errSplit)) > 1e-9)
    throw new IllegalStateException("a Tweedie conversion disagrees with the exact GMM marginal");
"""),
("md", r"""
**Where conversions break.** $\hat z$ from the score divides by $\alpha_t$ (zero at $t=0$: pure noise says nothing
about the data point), and the score from a velocity divides by $\beta_t$ (zero at $t=1$: the data density may have
no smooth score). The library refuses instead of returning `NaN`:
"""),
("code", r"""
for (double tt : new double[]{0.0, 1.0}) {
    try {
        if (tt == 0.0) tw.velocityFromScore(tt, probe, probe);
        else tw.scoreFromVelocity(tt, probe, probe);
    } catch (IllegalArgumentException e) {
        System.out.println("t = " + tt + ": " + e.getMessage());
    }
}
"""),
("md", r"""
The whole field at once: the log density of $p_t$ and the exact velocity $v_t$ (arrows point where particles go next).
At $t = 0.4$ the arrows point inwards, towards the bulk of the data; at $t = 0.8$ it splits towards the three modes.
"""),
("code", r"""
Figures.draw("03-score-velocity-field")
"""),
("md", r"""
## Summary

* Blurring with $\mathcal N(0,\sigma^2 I)$ ties the posterior mean to the score: $\hat x(y) = y + \sigma^2\nabla\log p(y)$.
* Along the CondOT path the same identity gives $\mathbb E[X_1\mid X_t]$ and the marginal velocity $v_t = \frac{1-t}{t}\nabla\log p_t + \frac xt$.
* Score, velocity, denoiser and noise prediction are affine images of each other; the conversions fail only where
  $\alpha_t$ or $\beta_t$ vanish.

Next: `04_flow_matching` learns $v_t$ by regression — now you know what the regression target's minimiser is.
"""),
]


# ---------------------------------------------------------------------------------------------- exercises
def exercise_cells(solution):
    def todo(stub, filled):
        return ("code", filled if solution else stub)

    return [
("md", r"""
# 03 · Tweedie's formula — exercises

Four tasks. Fill in each cell marked `TODO`, run it, then run the **check** cell below it.
The stubs return placeholders so that everything still runs; the checks tell you what is wrong.
Time convention as in the lecture: $t = 0$ noise, $t = 1$ data.
"""),
("code", IMPORTS),
("code", PRIOR),
("md", r"""
## Task 1 · Tweedie's denoiser

Implement $\hat x(y) = y + \sigma^2\,\nabla\log p(y)$, given $y$, $\sigma$ and the score $\nabla\log p(y)$ of the noisy density.
"""),
todo(r"""
double[] tweedieDenoise(double[] y, double sigma, double[] score) {
    // TODO: return y + sigma² · score (a new array)
    return y.clone();
}
""", r"""
double[] tweedieDenoise(double[] y, double sigma, double[] score) {
    double[] out = new double[y.length];
    for (int j = 0; j < y.length; j++) out[j] = y[j] + sigma * sigma * score[j];
    return out;
}
"""),
("code", r"""
for (double[] y : new double[][]{{-2.5, 0.5}, {1.0, 2.0}, {0.5, 4.0}}) {
    Check.close("x̂(" + Arrays.toString(y) + ")", tweedieDenoise(y, sigma, noisy.score(y)), Tweedie.denoise(y, sigma, noisy.score(y)), 1e-12,
            "x̂(y) = y + σ²·score: did you add σ² times the score (σ², not σ)?");
}
""", ["check"]),
("md", r"""
## Task 2 · A Monte Carlo posterior mean

Without the score: draw prior samples $x_i$ and weight them by the likelihood of $y$,
$\bar w_i \propto \exp(-|y - x_i|^2/(2\sigma^2))$, $\sum_i\bar w_i = 1$; return $\sum_i \bar w_i x_i$.
Subtract the largest log-weight before exponentiating (otherwise far-away $y$ underflow to $0/0$).
"""),
todo(r"""
double[] snisPosteriorMean(double[] y, double sigma, double[][] xs) {
    // TODO: self-normalised importance sampling estimate of E[x | y]
    return new double[y.length];
}
""", r"""
double[] snisPosteriorMean(double[] y, double sigma, double[][] xs) {
    double[] logw = new double[xs.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
        double r2 = 0;
        for (int j = 0; j < y.length; j++) r2 += (y[j] - xs[i][j]) * (y[j] - xs[i][j]);
        logw[i] = -r2 / (2 * sigma * sigma);
        max = Math.max(max, logw[i]);
    }
    double sum = 0;
    double[] m = new double[y.length];
    for (int i = 0; i < xs.length; i++) {
        double w = Math.exp(logw[i] - max);
        sum += w;
        for (int j = 0; j < y.length; j++) m[j] += w * xs[i][j];
    }
    for (int j = 0; j < y.length; j++) m[j] /= sum;
    return m;
}
"""),
("code", r"""
double[][] xs = prior.sample(100_000, Rngs.seeded(31));
for (double[] y : new double[][]{{-2.5, 0.5}, {1.0, 2.0}, {0.5, 4.0}}) {
    Check.close("MC E[x | y = " + Arrays.toString(y) + "]", snisPosteriorMean(y, sigma, xs), Tweedie.denoise(y, sigma, noisy.score(y)), 0.05,
            "the weighted average of the prior samples should agree with Tweedie to Monte Carlo accuracy (~0.01)");
}
""", ["check"]),
("md", r"""
## Task 3 · From score to velocity

For the CondOT path $X_t = (1-t)X_0 + tX_1$ derive (lecture §2) and implement
$v_t(x) = \frac{1-t}{t}\nabla\log p_t(x) + \frac{x}{t}$ from the score $s$. Then compare with the exact velocity.
"""),
todo(r"""
GmmMarginal fm = new GmmMarginal(prior, new LinearSchedule());
double[] velocityFromScore(double t, double[] x, double[] score) {
    // TODO: ((1 - t)/t) · score + x/t
    return new double[x.length];
}
""", r"""
GmmMarginal fm = new GmmMarginal(prior, new LinearSchedule());
double[] velocityFromScore(double t, double[] x, double[] score) {
    double[] v = new double[x.length];
    for (int j = 0; j < x.length; j++) v[j] = (1 - t) / t * score[j] + x[j] / t;
    return v;
}
"""),
("code", r"""
for (double t : new double[]{0.1, 0.5, 0.9}) {
    double[] x = {0.5, 1.0};
    Check.close("v_t(x) at t = " + t, velocityFromScore(t, x, fm.score(t, x)), fm.velocity(t, x), 1e-9,
            "v_t = E[X₁ − X₀ | x] = (E[X₁|x] − x)/(1 − t) with E[X₁|x] = (x + (1 − t)²·score)/t");
}
""", ["check"]),
("code", r"""
// with your conversion, the exact score of p_t drives particles from noise (t = 0.02) to the data (t = 1)
genflow.ode.VectorField fromScore = (tt, b) -> {
    double[][] out = new double[b.length][];
    for (int i = 0; i < b.length; i++) out[i] = velocityFromScore(tt, b[i], fm.score(tt, b[i]));
    return out;
};
double[][] start = fm.marginal(0.02).sample(400, Rngs.seeded(4));
double[][] end = new genflow.ode.RungeKutta4().integrate(fromScore, start, 0.02, 1.0, 60);
Plots.scatter("Samples from the ODE driven by your velocity", "x₁", "x₂", Points.of("start (t = 0.02)", start), Points.of("end (t = 1)", end))
"""),
("md", r"""
## Task 4 · Predict, then check

Before computing anything: what is $\mathbb E[X_1\mid X_t = x]$ for $x = (3, -2)$

* (a) as $t \to 0$ (the observation is pure noise)?
* (b) as $t \to 1$ (the observation is the data point)?

Write your predictions as numbers (no library calls), then run the check.
"""),
todo(r"""
double[] predictedAtT0 = {0, 0};   // TODO: your prediction for t → 0
double[] predictedAtT1 = {0, 0};   // TODO: your prediction for t → 1
""", r"""
double[] predictedAtT0 = {0.5 * -2 + 0.3 * 2 + 0.2 * 0.5, 0.5 * 0 + 0.3 * 1 + 0.2 * 3};   // the data mean (−0.3, 0.9)
double[] predictedAtT1 = {3, -2};                                                        // the point itself
"""),
("code", r"""
double[] xp = {3, -2};
Check.close("E[X₁ | X_t = x] for t → 0", predictedAtT0, fm.posteriorMean(1e-4, xp), 1e-2,
        "pure noise carries no information about X₁, so the best guess is the mean of the data distribution");
Check.close("E[X₁ | X_t = x] for t → 1", predictedAtT1, fm.posteriorMean(1 - 1e-6, xp), 1e-2,
        "at t = 1, X_t = X₁: the observation is the answer");
""", ["check"]),
]


if __name__ == "__main__":
    nb.write_chapter(ROOT, "03_tweedie.ipynb", LECTURE, exercise_cells)
