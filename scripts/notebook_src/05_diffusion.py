"""Chapter 05 · diffusion. Writes notebooks/05_diffusion.ipynb (lecture), exercises/05_diffusion.ipynb
and solutions/05_diffusion.ipynb. Usage: /usr/bin/python3 scripts/notebook_src/05_diffusion.py [repo root]"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb  # noqa: E402

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
NAME = "05_diffusion.ipynb"

IMPORTS = r"""
import genflow.dist.*;
import genflow.schedule.*;
import genflow.path.*;
import genflow.process.*;
import genflow.ode.*;
import genflow.nn.*;
import genflow.loss.*;
import genflow.metrics.*;
import genflow.plot.*;
import genflow.table.Tables;
import genflow.course.*;
import genflow.course.figures.Chapter05Figures;
import genflow.random.Rngs;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
"""

# ----------------------------------------------------------------------------------------- lecture
LECTURE = [
("md", r"""
# 05 · Diffusion: forward SDEs, score matching and reverse-time sampling

Diffusion models destroy data with a stochastic differential equation (SDE) and learn to undo it. The
undoing needs one unknown object, the **score** $\nabla\log p_s$ of the noised data, and there are two
ways to use it: a **reverse-time SDE** and a deterministic **probability-flow ODE** with the same marginals.

**Learning goals.** After this notebook you can
1. write the VP forward SDE $dX = -\tfrac12\beta_s X\,ds + \sqrt{\beta_s}\,dW$, state the law of $X_s\mid X_0$ and check it by simulation;
2. translate between the SDE clock $s$ (data → noise) and the library's schedule clock $t = 1-s$ (noise → data), for VP and VE;
3. train a score network by **denoising score matching** and compare it with the exact score of a Gaussian mixture;
4. sample with the reverse SDE and the probability-flow ODE — first with the exact score, then with the learned one — and compare them by $W_2$, energy distance and mass per mode;
5. say when the velocity explodes like $d/(4(1-t))$ near the data, and see flow matching and diffusion as two choices of $(f, g)$ in $X_t = f(t)X_0 + Y_{g(t)}$.

Sources: seed 003 (Isachenko, lecture 13: SDE basics, Fokker–Planck, probability-flow ODE, reverse SDE, VE/VP),
seed 000 (Steidl & Chemseddine: *a glimpse of diffusion*, Step 3 mean-reverting path), seed 004 (MIT 6.S184 notes).
"""),
("code", IMPORTS),
("md", r"""
## 1 · The forward SDE and its closed form

An SDE $dX_s = f(s, X_s)\,ds + g(s)\,dW_s$ moves particles by a drift $f$ plus Brownian kicks of size $g$.
Euler–Maruyama discretises it as $X_{s+h} = X_s + h\,f(s, X_s) + g(s)\sqrt h\,\varepsilon$, $\varepsilon\sim\mathcal N(0, I)$ (seed 003).
The densities obey the Fokker–Planck equation
$$\partial_s p_s = -\nabla\cdot(f\,p_s) + \tfrac12 g(s)^2\,\Delta p_s .$$

The **variance-preserving (VP)** SDE of DDPM (seed 000, seed 003) uses a linear rate $\beta_s = \beta_{\min} + s(\beta_{\max}-\beta_{\min})$:
$$dX_s = -\tfrac12\beta_s X_s\,ds + \sqrt{\beta_s}\,dW_s .$$
It is linear, so $X_s \mid X_0 = x_0$ is Gaussian. With $h(s) = \int_0^s\beta_r\,dr = \beta_{\min}s + \tfrac12(\beta_{\max}-\beta_{\min})s^2$,
$$\mathbb E[X_s\mid x_0] = e^{-h(s)/2}\,x_0, \qquad \operatorname{Var}[X_s\mid x_0] = 1 - e^{-h(s)} .$$
(The mean solves $\dot\mu = -\tfrac12\beta_s\mu$; the variance solves $\dot\Sigma = -\beta_s\Sigma + \beta_s$.) So the data are
forgotten exponentially fast and the variance goes to 1: with $\beta_{\min} = 0.1$, $\beta_{\max} = 20$, $e^{-h(1)/2}\approx 0.0066$.

Let us simulate it. The drift and diffusion are written in the SDE clock $s$ (0 = data).
"""),
("code", r"""
VpSchedule vp = new VpSchedule();                     // β_min = 0.1, β_max = 20
VectorField drift = (s, x) -> {                       // f(s, x) = −½ β_s x
    double b = vp.rate(s);
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -0.5 * b * x[i][j];
    return out;
};
DoubleUnaryOperator diffusion = s -> Math.sqrt(vp.rate(s));   // g(s) = √β_s
Sde forwardVp = Sde.of(drift, diffusion);
System.out.println("h(1) = " + vp.integratedRate(1) + ",  e^{-h(1)/2} = " + Math.exp(-vp.integratedRate(1) / 2));
"""),
("md", r"""
**Check.** Start $n = 5{,}000$ one-dimensional particles at $x_0 = 1.5$, run Euler–Maruyama (300 steps per unit time)
and compare the sample mean and variance with the closed form at $s = 0.1, 0.25, 0.5, 1$. The tolerance is
4 standard errors plus 0.02 for the $O(h)$ bias of Euler–Maruyama (its stationary variance is $1/(1-\beta h/4)$).
"""),
("code", r"""
int nSim = 5_000;
double x0 = 1.5;
double[][] xs = new double[nSim][1];
for (double[] r : xs) r[0] = x0;
RandomGenerator emRng = Rngs.seeded(1);
double[] checkTimes = {0.1, 0.25, 0.5, 1.0};
var fwd = Tables.results("VP-SDE from x0 = 1.5: Euler–Maruyama vs closed form", "s",
        "EM mean", "exact mean", "EM variance", "exact variance");
double prev = 0;
for (double s : checkTimes) {
    xs = new EulerMaruyama().integrate(forwardVp, xs, prev, s, (int) Math.round(300 * (s - prev)), emRng);
    prev = s;
    double mean = Arrays.stream(xs).mapToDouble(r -> r[0]).average().getAsDouble();
    double var = Arrays.stream(xs).mapToDouble(r -> (r[0] - mean) * (r[0] - mean)).sum() / (nSim - 1);
    double h = vp.integratedRate(s), m = Math.exp(-h / 2) * x0, v = -Math.expm1(-h);
    fwd.row(String.valueOf(s), mean, m, var, v);
    if (Math.abs(mean - m) > 4 * Math.sqrt(v / nSim) + 0.02 || Math.abs(var - v) > 4 * v * Math.sqrt(2.0 / nSim) + 0.02)
        throw new IllegalStateException("Euler–Maruyama disagrees with the closed form at s = " + s);
}
fwd.build()
"""),
("md", r"""
The same in two dimensions, starting from samples of this chapter's target — a mixture of three Gaussians
with weights $0.5, 0.3, 0.2$, means $(-2,-1), (2,-1), (0,2)$ and standard deviation $0.16$ (defined in `Chapter05Figures.target()`). The modes blur, shrink towards 0 and end as $\mathcal N(0, I)$:
"""),
("code", r"""
Figures.draw("05-forward-vp")
"""),
("md", r"""
## 2 · VP and VE paths — and the one time flip

The score-SDE papers also use the **variance-exploding (VE)** SDE of NCSN (seed 003):
$dX_s = \sqrt{\tfrac{d}{ds}\sigma^2(s)}\,dW_s$, no drift, with a geometric noise level $\sigma(s) = \sigma_{\min}(\sigma_{\max}/\sigma_{\min})^s$, so
$X_s\mid x_0 \sim \mathcal N(x_0, (\sigma(s)^2 - \sigma_{\min}^2) I)$: the mean stays, the variance explodes.

Both are *Gaussian paths* $X = \alpha\,x_0 + \beta\,\varepsilon$, and genflow stores them as `Schedule`s:

> **One time flip, once and for all.** SDEs run in *diffusion time* $s$: $s = 0$ data, $s = 1$ noise.
> genflow's `Schedule`s, `GaussianPath`, `GmmMarginal`, flow matching and the score net all use the
> *flow time* $t = 1 - s$: $t = 0$ noise, $t = 1$ data. So
> $$X_s \mid x_0 \sim \mathcal N\big(\alpha_{1-s}\,x_0,\ \beta_{1-s}^2 I\big), \qquad \nabla\log p^{\mathrm{SDE}}_s(x) = \texttt{score}(t = 1-s,\ x).$$
> In code: every SDE object (drift, diffusion, samplers) takes $s$; we convert with `1 - s` exactly where we
> call a schedule, `GmmMarginal` or the network. For VP: $\alpha_t = e^{-h(1-t)/2}$, $\beta_t^2 = 1-e^{-h(1-t)}$;
> for VE: $\alpha_t = 1$, $\beta_t = \sigma(1-t)$.
"""),
("code", r"""
VeSchedule ve = new VeSchedule(0.01, 10);
double worstVp = 0;
for (double s = 0; s <= 1.0001; s += 0.05) {
    double ss = Math.min(s, 1), h = vp.integratedRate(ss);
    worstVp = Math.max(worstVp, Math.abs(vp.alpha(1 - ss) - Math.exp(-h / 2)) + Math.abs(vp.beta(1 - ss) * vp.beta(1 - ss) + Math.expm1(-h)));
}
System.out.printf("VP: max |α_{1-s} − e^{-h/2}| + |β²_{1-s} − (1 − e^{-h})| over s = %.2e%n", worstVp);
// VE by simulation: g(s) = √(dσ²/ds) = σ(s) √(2 log(σmax/σmin)), start at x0 = 0
DoubleUnaryOperator veG = s -> ve.beta(1 - s) * Math.sqrt(2 * Math.log(ve.sigmaMax() / ve.sigmaMin()));
double[][] veX = new EulerMaruyama().integrate(Sde.of((s, x) -> new double[x.length][x[0].length], veG),
        new double[nSim][1], 0, 1, 500, Rngs.seeded(2));
double veVar = Arrays.stream(veX).mapToDouble(r -> r[0] * r[0]).average().getAsDouble();
double veExact = 100 - 1e-4;
System.out.printf("VE: simulated Var X_1 = %.2f, closed form σmax² − σmin² = %.2f%n", veVar, veExact);
if (worstVp > 1e-12 || Math.abs(veVar / veExact - 1) > 0.08) throw new IllegalStateException("VP/VE closed forms do not match");
"""),
("code", r"""
Figures.draw("05-vp-ve-schedules")
"""),
("md", r"""
VP keeps the total variance near 1 (for unit-variance data), so its prior is $\mathcal N(0, I)$; VE's prior is
$\mathcal N(0, \sigma_{\max}^2 I)$ and only forgets the data when $\sigma_{\max}$ is large compared with the data's spread.
From here on we use VP.

## 3 · Denoising score matching

For Gaussian-mixture data the noised marginals are again mixtures, so `GmmMarginal` knows the **exact** score
$\nabla\log p_t$. In general we must learn it. The score-matching loss
$\mathbb E_{t,\,x\sim p_t}\|s_\theta(t, x) - \nabla\log p_t(x)\|^2$ cannot be evaluated, but (Vincent 2011; seed 000, seed 003) it equals,
up to a constant, the **denoising** loss with the conditional score of the Gaussian path $x_t = \alpha_t x_1 + \beta_t\varepsilon$:
$$\nabla_x\log p_t(x\mid x_1) = -\frac{x - \alpha_t x_1}{\beta_t^2} = -\frac{\varepsilon}{\beta_t},\qquad
\mathcal L(\theta) = \mathbb E_{t,\,x_1,\,\varepsilon}\,\big\|\beta_t\, s_\theta(t, x_t) + \varepsilon\big\|^2 .$$
The weight $\beta_t^2$ turns it into noise prediction (DDPM's $\varepsilon$-loss). `DenoisingScoreMatching` samples
$t\sim U[0, t_{\max}]$ in flow time; $t_{\max} = 0.99$ (i.e. $s \ge 0.01$) avoids $\beta_t\to 0$, where the target blows up.
"""),
("code", r"""
GaussianMixture target = Chapter05Figures.target();
GmmMarginal exact = new GmmMarginal(target, vp);           // exact p_t, score, in flow time t
System.out.println(target.components() + " modes, weights " + Arrays.toString(target.weights())
        + ", means " + Arrays.deepToString(target.means()));
Mlp net = Mlp.builder(2).hidden(64, 64).timeEmbedding(TimeEmbedding.sinusoidal(8)).seed(5).threads(1).build();
var dsm = new DenoisingScoreMatching(net, vp, 0.99);
var history = Trainer.builder(dsm).data(target).steps(3000).batchSize(256).learningRate(2e-3)
        .seed(11).progressEvery(500).build().run();
System.out.printf("trained in %.1f s%n", history.seconds());
"""),
("code", r"""
Plots.lossCurve("Denoising score matching loss (VP, batch 256)", history.losses())
"""),
("md", r"""
**Check: the loss has the right floor.** The minimiser of the DSM loss is the exact score, so the trained loss must
be *above* the DSM loss of the exact score and not far from it. We estimate $\mathcal L(\nabla\log p)$ by Monte Carlo with
20,000 draws of $(t, x_1, \varepsilon)$, exactly as the trainer does.
"""),
("code", r"""
RandomGenerator lossRng = Rngs.seeded(12);
double exactLoss = 0;
int nLoss = 20_000;
for (int i = 0; i < nLoss; i++) {
    double t = 0.99 * lossRng.nextDouble();
    double[] x1 = target.sample(1, lossRng)[0];
    double a = vp.alpha(t), b = vp.beta(t);
    double[] eps = {lossRng.nextGaussian(), lossRng.nextGaussian()};
    double[] xt = {a * x1[0] + b * eps[0], a * x1[1] + b * eps[1]};
    double[] sc = exact.score(t, xt);
    exactLoss += Math.pow(b * sc[0] + eps[0], 2) + Math.pow(b * sc[1] + eps[1], 2);
}
exactLoss /= nLoss;
double trainedLoss = history.meanOfLast(500);
System.out.printf("DSM loss: exact score %.4f, trained net (mean of last 500 steps) %.4f, excess %.4f%n",
        exactLoss, trainedLoss, trainedLoss - exactLoss);
if (trainedLoss < exactLoss - 0.03 || trainedLoss - exactLoss > 0.1) throw new IllegalStateException("the DSM loss is not near its floor");
"""),
("md", r"""
Now compare the fields directly: the relative error $\big(\mathbb E\|s_\theta - \nabla\log p\|^2 / \mathbb E\|\nabla\log p\|^2\big)^{1/2}$
under $x\sim p_s$ at a few diffusion times, and the two fields as arrows at $s = 0.1$.
"""),
("code", r"""
VectorField netField = net.asVectorField();
VectorField learnedScore = (s, x) -> netField.apply(1 - s, x);   // SDE clock s → flow time t = 1 − s
VectorField exactScore = (s, x) -> exact.score(1 - s, x);
var scoreErr = Tables.results("Learned vs exact score, x ~ p_s", "s", "relative L2 error", "E‖exact score‖²");
double errMid = 0;
for (double s : new double[]{0.02, 0.1, 0.3, 0.6, 0.9}) {
    double[][] xsS = exact.marginal(1 - s).sample(2000, Rngs.seeded(13));
    double[][] se = exactScore.apply(s, xsS), sl = learnedScore.apply(s, xsS);
    double num = 0, den = 0;
    for (int i = 0; i < xsS.length; i++) for (int j = 0; j < 2; j++) {
        num += Math.pow(sl[i][j] - se[i][j], 2);
        den += se[i][j] * se[i][j];
    }
    double rel = Math.sqrt(num / den);
    if (s == 0.3) errMid = rel;
    scoreErr.row(String.valueOf(s), rel, den / xsS.length);
}
display(scoreErr.build());
if (errMid > 0.25) throw new IllegalStateException("learned score is off by " + errMid + " at s = 0.3");
"""),
("code", r"""
Grid2D grid = Grid2D.square(-3.5, 3.5, 15);
double[][] shown = target.sample(400, Rngs.seeded(14));
Panels.grid("Score ∇log p_s at s = 0.1 (arrows scaled per panel)", 2,
        Plots.vectorField("exact (GmmMarginal)", "x₁", "x₂", grid, exactScore, 0.1, Points.of("target", shown)),
        Plots.vectorField("learned (DSM, 3,000 steps)", "x₁", "x₂", grid, learnedScore, 0.1, Points.of("target", shown)))
"""),
("md", r"""
The learned field is good where data lives (and where training put noisy points) and rougher far away, where $p_s$ is tiny.
It is also poor at small $s$ (relative error ≈ 0.65 at $s = 0.02$ in the table), where the score is large and changes
quickly — exactly where the samplers finish. Keep that in mind when reading the sampler table below.

## 4 · Two samplers: reverse SDE and probability-flow ODE

Given the score, seed 003 lists two ways back from noise to data:
$$\text{reverse SDE:}\quad dX = \big[f(s, X) - g(s)^2\,\nabla\log p_s(X)\big]\,ds + g(s)\,d\bar W_s,\qquad ds < 0,$$
$$\text{probability-flow ODE:}\quad \frac{dx}{ds} = f(s, x) - \tfrac12 g(s)^2\,\nabla\log p_s(x).$$
Both are integrated from $s = 1$ (start: $\mathcal N(0, I)$ draws) down to $s = 0.01$. The ODE's right-hand side comes from
rewriting Fokker–Planck as a continuity equation: $-\nabla\cdot(f p) + \tfrac12 g^2\Delta p = -\nabla\cdot\big((f - \tfrac12 g^2\nabla\log p)\,p\big)$.
The SDE adds the same amount of noise it removes with the extra $-\tfrac12 g^2\nabla\log p$ (Anderson 1982).

**First with the exact score**, so that any mismatch is the sampler's fault, not the network's.
`ReverseSde` runs Euler–Maruyama with 500 steps; `ProbabilityFlowOde` is a `VectorField` integrated with Heun (200 steps).
"""),
("code", r"""
Figures.draw("05-samplers-exact-score")
"""),
("md", r"""
The same runs (same seeds as the figure) with numbers. Metrics against a fresh 1,000-point target sample: exact $W_2$
(optimal assignment), the unbiased energy distance, and the fraction of points nearest to each mode. The first row
compares two independent target samples: that is the floor any sampler can reach with 1,000 points.
"""),
("code", r"""
int nS = 1000;
double sEnd = 0.01;
double[][] prior = Gaussian.standard(2).sample(nS, Rngs.seeded(7));
double[][] ref = target.sample(nS, Rngs.seeded(9));
double[][] sdeExact = new ReverseSde(drift, diffusion, exactScore).sample(prior, 1, sEnd, 500, Rngs.seeded(8));
double[][] odeExact = new Heun().integrate(new ProbabilityFlowOde(drift, diffusion, exactScore), prior, 1, sEnd, 200);
var samplers = Tables.results("Samplers vs a 1,000-point target sample (target weights 0.5 / 0.3 / 0.2)", "sampler",
        "W2", "energy distance", "mass mode 0", "mass mode 1", "mass mode 2");
double[] addRow(String name, double[][] x) {
    double[] mass = ModeMass.nearestMean(target, x);
    samplers.row(name, Wasserstein.w2Exact(x, ref), Discrepancy.energyDistance(x, ref, Discrepancy.Estimator.UNBIASED),
            mass[0], mass[1], mass[2]);
    return mass;
}
addRow("second target sample (floor)", target.sample(nS, Rngs.seeded(10)));
double[] massSdeExact = addRow("reverse SDE, exact score", sdeExact);
double[] massOdeExact = addRow("PF-ODE, exact score", odeExact);
samplers.build()
"""),
("code", r"""
double edSde = Discrepancy.energyDistance(sdeExact, ref, Discrepancy.Estimator.UNBIASED);
double edOde = Discrepancy.energyDistance(odeExact, ref, Discrepancy.Estimator.UNBIASED);
double worstMass = 0;
for (int k = 0; k < 3; k++) worstMass = Math.max(worstMass, Math.max(Math.abs(massSdeExact[k] - target.weights()[k]), Math.abs(massOdeExact[k] - target.weights()[k])));
System.out.printf("energy distance SDE %.4f, ODE %.4f; worst |mass − weight| = %.3f (binomial sd ≈ %.3f)%n",
        edSde, edOde, worstMass, Math.sqrt(0.25 / nS));
if (edSde > 0.01 || edOde > 0.01 || worstMass > 0.05) throw new IllegalStateException("a sampler with the exact score misses the target");
"""),
("md", r"""
> **Erratum (seed 000, "Fokker–Planck equation").** The seed writes
> $\partial_t p_t = -\nabla\cdot(f p_t) + g^2\Delta p_t = -\nabla\cdot\big((f - g^2\nabla\log p_t)\,p_t\big)$, i.e. a probability-flow
> velocity $f - g^2\nabla\log p$. Seeds 003 and 004 have the factor ½: $\partial_t p = -\nabla\cdot(fp) + \tfrac12 g^2\Delta p$ and
> velocity $f - \tfrac12 g^2\nabla\log p$. The check below decides: integrating the seed-000 velocity (same exact score,
> implemented as `ProbabilityFlowOde` with $g$ replaced by $\sqrt2\,g$) pushes everything into one mode.
"""),
("code", r"""
double[][] odeNoHalf = new Heun().integrate(
        new ProbabilityFlowOde(drift, s -> Math.sqrt(2) * diffusion.applyAsDouble(s), exactScore), prior, 1, sEnd, 200);
double[] massNoHalf = ModeMass.nearestMean(target, odeNoHalf);
double edNoHalf = Discrepancy.energyDistance(odeNoHalf, ref, Discrepancy.Estimator.UNBIASED);
System.out.printf("energy distance: PF-ODE with ½ %.4f;  seed-000 version without ½ %.4f, masses %s%n",
        edOde, edNoHalf, Arrays.toString(massNoHalf));
if (!(edNoHalf > 0.1)) throw new IllegalStateException("expected the version without ½ to be clearly wrong");
"""),
("md", r"""
**Now with the learned score**: the same starting points and seeds, only the score field changes.
"""),
("code", r"""
double[][] sdeLearned = new ReverseSde(drift, diffusion, learnedScore).sample(prior, 1, sEnd, 500, Rngs.seeded(8));
double[][] odeLearned = new Heun().integrate(new ProbabilityFlowOde(drift, diffusion, learnedScore), prior, 1, sEnd, 200);
double[] massSdeLearned = addRow("reverse SDE, learned score", sdeLearned);
double[] massOdeLearned = addRow("PF-ODE, learned score", odeLearned);
samplers.build()
"""),
("code", r"""
Panels.grid("Sampling with the learned score (same N(0, I) draws)", 3,
        Plots.scatter("target", "x₁", "x₂", Points.of("target", ref)),
        Plots.scatter("reverse SDE, learned score", "x₁", "x₂", Points.of("reverse SDE", sdeLearned)),
        Plots.scatter("PF-ODE, learned score", "x₁", "x₂", Points.of("PF-ODE", odeLearned)))
"""),
("code", r"""
double worstLearned = 0;
for (int k = 0; k < 3; k++) worstLearned = Math.max(worstLearned, Math.max(Math.abs(massSdeLearned[k] - target.weights()[k]), Math.abs(massOdeLearned[k] - target.weights()[k])));
double edSdeL = Discrepancy.energyDistance(sdeLearned, ref, Discrepancy.Estimator.UNBIASED);
double edOdeL = Discrepancy.energyDistance(odeLearned, ref, Discrepancy.Estimator.UNBIASED);
System.out.printf("learned score: energy distance SDE %.4f, ODE %.4f; worst |mass − weight| = %.3f%n", edSdeL, edOdeL, worstLearned);
if (edSdeL > 0.05 || edOdeL > 0.05 || worstLearned > 0.08) throw new IllegalStateException("learned-score samplers miss the target");
"""),
("md", r"""
What to read off the table (numbers in the stored run): with the exact score the PF-ODE sits at the sampling floor
and the reverse SDE slightly above it — Euler–Maruyama has weak order 1 (500 steps), Heun order 2 (200 steps), so the
SDE pays more for its discretisation. Both keep the mode masses 0.5 / 0.3 / 0.2 within a few binomial standard deviations.
With the learned score the extra error is the network's, and the two samplers show it differently: the PF-ODE leaves a
trail of points *between* the modes (where training saw few points and the learned score is rough, see the arrows above),
the reverse SDE has fewer stragglers but slightly wider modes and a worse mass split. In principle the SDE's fresh
noise lets it partly correct score errors along the way (Langevin-like contraction), while the ODE transports them
deterministically; the ODE in exchange is smooth, takes few high-order steps and gives a deterministic noise ↔ data map.

## 5 · The exploding velocity near the data

Seed 000 ("Wiener process and diffusion equation") starts from the heat equation: $W_s\sim\mathcal N(0, sI)$ started in $\delta_0$ is
transported by $v_s(x) = -\tfrac12\nabla\log p_s(x) = x/(2s)$. Reversed in time, towards the data,
$$-v_{1-t}(x) = -\frac{x}{2(1-t)},\qquad \|v_{1-t}\|^2_{L^2(\mu_t)} = \frac{d}{4(1-t)}\ \notin L^1(0,1) .$$
(The seed writes $\notin L_2(0,1)$ for $t\mapsto\|v_{1-t}\|_{L^2(\mu_t)}$ — the same statement; here $\mu_t = \mathcal N(0, (1-t)I)$ is the reversed law.)
**In which setting does this hold?** Write the path in the form of seed 000 Step 3, $X_t = f(t)X_0 + Y_{g(t)}$ with
$t = 0$ data, Brownian $Y$ and **point-mass data** $X_0 = 0$. The conditional velocity is
$v_t(x\mid x_0) = \dot f(t)\,x_0 + \dot g(t)\,\frac{x - f(t)x_0}{2g(t)}$, so with $X_t - f x_0\sim\mathcal N(0, g I)$
$$\mathbb E\,\|v_t\|^2 = \frac{d\,\dot g(t)^2}{4\,g(t)} .$$
* Wiener clock $g(t) = t$ (the heat-equation path of the seed): $d/(4t)$ — the seed's formula, in the seed's reversed time $1-t$. ✔
* flow matching $g(t) = t^2$: $d\cdot 4t^2/(4t^2) = d$ — **bounded**, no explosion.
* Ornstein–Uhlenbeck / VP, $g(t) = 1-e^{-h(t)}\approx\beta_{\min}t$: $\approx\beta_{\min}d/(4t)$ — explodes like the Wiener clock, with a smaller constant.

So the seed's $d/(4(1-t))$ is right — for the Wiener (diffusion) clock, not for every path. Monte Carlo check with `MeanRevertingPath`:
"""),
("code", r"""
TimeChange wienerClock = new TimeChange() {              // f = 1 − t, g = t: the heat-equation path, t = 0 data
    public double f(double t) { return 1 - t; }
    public double fDot(double t) { return -1; }
    public double g(double t) { return t; }
    public double gDot(double t) { return 1; }
};
double meanSqVelocity(MeanRevertingPath path, double t, int n, int d, RandomGenerator rng) {
    double[][] zero = new double[n][d];                  // point-mass data X_0 = 0
    double[][] v = path.conditionalVelocity(t, path.sample(t, zero, rng), zero);
    return Arrays.stream(v).mapToDouble(r -> Arrays.stream(r).map(c -> c * c).sum()).average().getAsDouble();
}
int dV = 2;
MeanRevertingPath wienerPath = new MeanRevertingPath(new WienerProcess(), wienerClock);
MeanRevertingPath fmPath = new MeanRevertingPath(new WienerProcess(), TimeChange.flowMatching());
TimeChange ouClock = TimeChange.ornsteinUhlenbeck();
MeanRevertingPath ouPath = new MeanRevertingPath(new WienerProcess(), ouClock);
var expl = Tables.results("E‖v_t(X_t | 0)‖², d = 2, 20,000 draws", "t", "Wiener MC", "d/(4t)", "FM MC", "d", "OU MC", "d ġ²/(4g)");
RandomGenerator vRng = Rngs.seeded(3);
double worstRel = 0;
for (double t : new double[]{1e-3, 1e-2, 0.1, 0.5}) {
    double w = meanSqVelocity(wienerPath, t, 20_000, dV, vRng), fm = meanSqVelocity(fmPath, t, 20_000, dV, vRng);
    double ou = meanSqVelocity(ouPath, t, 20_000, dV, vRng);
    double ouTh = dV * ouClock.gDot(t) * ouClock.gDot(t) / (4 * ouClock.g(t));
    expl.row(String.valueOf(t), w, dV / (4 * t), fm, dV, ou, ouTh);
    worstRel = Math.max(worstRel, Math.max(Math.abs(w / (dV / (4 * t)) - 1), Math.max(Math.abs(fm / dV - 1), Math.abs(ou / ouTh - 1))));
}
display(expl.build());
System.out.printf("worst relative deviation %.3f (Monte Carlo sd of a χ²_2 mean over 20,000 draws ≈ %.3f)%n", worstRel, Math.sqrt(1.0 / 20_000));
if (worstRel > 0.04) throw new IllegalStateException("E‖v‖² does not match d ġ²/(4g)");
"""),
("code", r"""
Figures.draw("05-velocity-explosion")
"""),
("md", r"""
The blow-up is in the *conditional* velocity — the regression target of flow matching — and the loss integrand
$\int_0^1 \mathbb E\|v_t\|^2 dt$ diverges logarithmically for the Wiener and OU clocks. The time change $g = t^2$ of flow matching
removes it; diffusion models instead stop at a small $s_{\min}$ (we used $s = 0.01$) — the "time truncation" of seed 000.

## 6 · One formula for both: $X_t = f(t)X_0 + Y_{g(t)}$

Seed 000 (Step 3) writes the path as the data, shrunk by $f$, plus a noise process run on the clock $g$
(here $t = 0$ data, $t = 1$ noise, like the SDE):

| choice | $f(t)$ | $g(t)$ | law of $X_t\mid x_0$ with Brownian $Y$ |
|---|---|---|---|
| flow matching (CondOT) | $1-t$ | $t^2$ | $\mathcal N((1-t)x_0,\ t^2 I)$ = CondOT path at flow time $1-t$ |
| diffusion (OU / VP-SDE) | $e^{-h(t)/2}$ | $1-e^{-h(t)}$ | $\mathcal N(e^{-h/2}x_0,\ (1-e^{-h}) I)$ = §1's closed form |
| heat equation (§5) | $1-t$ | $t$ | $\mathcal N((1-t)x_0,\ t I)$ |

`MeanRevertingPath` with `TimeChange.flowMatching()` and `TimeChange.ornsteinUhlenbeck()` (β 0.1 → 20, like `VpSchedule()`)
implements the first two. Check: (a) the OU clock's $f, g$ equal $\alpha_{1-t}, \beta_{1-t}^2$ of `VpSchedule`; (b) samples of the
OU path from $x_0 = 1.5$ match §1's Euler–Maruyama simulation of the SDE; (c) both conditional velocities are the
time-flipped Gaussian-path velocities, $v_t(x\mid x_0) = -u_{1-t}(x\mid x_0)$.
"""),
("code", r"""
TimeChange fmClock = TimeChange.flowMatching();
double worstFg = 0;
for (double t = 0; t <= 1.0001; t += 0.05) {
    double tt = Math.min(t, 1);
    worstFg = Math.max(worstFg, Math.abs(ouClock.f(tt) - vp.alpha(1 - tt)) + Math.abs(ouClock.g(tt) - vp.beta(1 - tt) * vp.beta(1 - tt)));
}
// (b) OU path samples at t = 0.25 vs the closed form and the SDE simulation of §1 (s = 0.25)
double[][] startX = new double[nSim][1];
for (double[] r : startX) r[0] = x0;
double[][] ouX = ouPath.sample(0.25, startX, Rngs.seeded(4));
double ouMean = Arrays.stream(ouX).mapToDouble(r -> r[0]).average().getAsDouble();
double ouVar = Arrays.stream(ouX).mapToDouble(r -> (r[0] - ouMean) * (r[0] - ouMean)).average().getAsDouble();
// (c) velocities: mean-reverting path vs minus the Gaussian-path velocity at flow time 1 − t
GaussianPath condOt = new GaussianPath(new LinearSchedule()), vpPath = new GaussianPath(vp);
double[][] xq = Gaussian.standard(2).sample(5, Rngs.seeded(6)), x0q = target.sample(5, Rngs.seeded(16));
double worstV = 0;
for (double t : new double[]{0.1, 0.4, 0.8}) {
    double[][] a1 = fmPath.conditionalVelocity(t, xq, x0q), b1 = condOt.conditionalVelocity(1 - t, xq, x0q);
    double[][] a2 = ouPath.conditionalVelocity(t, xq, x0q), b2 = vpPath.conditionalVelocity(1 - t, xq, x0q);
    for (int i = 0; i < 5; i++) for (int j = 0; j < 2; j++)
        worstV = Math.max(worstV, Math.max(Math.abs(a1[i][j] + b1[i][j]), Math.abs(a2[i][j] + b2[i][j]) / (1 + Math.abs(b2[i][j]))));
}
double h25 = vp.integratedRate(0.25);
System.out.printf("(a) max |f − α_{1-t}| + |g − β²_{1-t}| = %.2e%n", worstFg);
System.out.printf("(b) OU path at t = 0.25: mean %.4f, var %.4f;  closed form %.4f, %.4f;  EM of the SDE (§1 table, s = 0.25)%n",
        ouMean, ouVar, Math.exp(-h25 / 2) * x0, -Math.expm1(-h25));
System.out.printf("(c) max |v_t + u_{1-t}| (FM vs CondOT, OU vs VP, relative) = %.2e%n", worstV);
if (worstFg > 1e-12 || Math.abs(ouMean - Math.exp(-h25 / 2) * x0) > 0.04 || Math.abs(ouVar + Math.expm1(-h25)) > 0.04 || worstV > 1e-9)
    throw new IllegalStateException("the mean-reverting path does not reproduce FM / VP");
"""),
("md", r"""
So flow matching and diffusion are the same construction with two clocks: FM shrinks the data linearly and runs the
noise on $t^2$ (bounded velocity); diffusion shrinks exponentially and runs the noise on $1-e^{-h(t)}$ (variance preserved,
velocity exploding at the data). Replacing Brownian $Y$ by another 1-D process — Kac, uniform, learned — is the
subject of the next chapters.

## Summary

* VP-SDE: $X_s\mid x_0\sim\mathcal N(e^{-h(s)/2}x_0, (1-e^{-h(s)})I)$; VE-SDE: $\mathcal N(x_0, \sigma(s)^2 I)$. genflow's schedules use $t = 1-s$.
* Denoising score matching learns $\nabla\log p_t$ from $\|\beta_t s_\theta + \varepsilon\|^2$; its floor is the loss of the exact score.
* Reverse SDE $f - g^2\nabla\log p$ (+ noise) and probability-flow ODE $f - \tfrac12 g^2\nabla\log p$ share the marginals; with the exact score both hit the sampling floor, the ½ matters (erratum to seed 000).
* $\mathbb E\|v_t\|^2 = d\dot g^2/(4g)$ for point-mass data: $d/(4t)$ for the Wiener clock (seed 000), $d$ for flow matching.

**Exercises:** `exercises/05_diffusion.ipynb` — VP marginal variance, probability-flow drift, one reverse-SDE step, the DSM target, the exploding velocity.
"""),
]

# --------------------------------------------------------------------------------------- exercises
def exercises(solution):
    def todo(stub, filled):
        return ("code", filled if solution else stub)

    return [
("md", r"""
# 05 · Diffusion — exercises

Fill in each cell marked `TODO`, then run the `Check` cell below it. Conventions as in the lecture: the SDE runs in
diffusion time $s$ (0 = data, 1 = noise); `Schedule`s, `GaussianPath` and `GmmMarginal` use flow time $t = 1-s$
(0 = noise, 1 = data). VP rate $\beta_s = \beta_{\min} + s(\beta_{\max}-\beta_{\min})$ with $\beta_{\min} = 0.1$, $\beta_{\max} = 20$.
"""),
("code", IMPORTS),
("code", r"""
VpSchedule vp = new VpSchedule();
VectorField drift = (s, x) -> {                       // f(s, x) = −½ β_s x
    double b = vp.rate(s);
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -0.5 * b * x[i][j];
    return out;
};
DoubleUnaryOperator diffusion = s -> Math.sqrt(vp.rate(s));
GaussianMixture target = Chapter05Figures.target();
GmmMarginal exact = new GmmMarginal(target, vp);
VectorField exactScore = (s, x) -> exact.score(1 - s, x);   // ∇log p_s in the SDE clock
"""),
("md", r"""
## Task 1 · The VP marginal variance

Starting from a point $x_0$, the VP-SDE gives $\operatorname{Var}[X_s\mid x_0]$ in closed form. Solve $\dot\Sigma = -\beta_s\Sigma + \beta_s$, $\Sigma(0) = 0$,
and code the answer (per coordinate) as a function of $s$ — without calling `VpSchedule`.
"""),
todo(r"""
double vpVariance(double s) {
    // TODO: return Var[X_s | x_0] of the VP-SDE with β_min = 0.1, β_max = 20
    return 0.0;
}
""", r"""
double vpVariance(double s) {
    double h = 0.1 * s + 0.5 * (20 - 0.1) * s * s;     // h(s) = ∫_0^s β_r dr
    return 1 - Math.exp(-h);
}
"""),
("code", r"""
for (double s : new double[]{0.05, 0.3, 1.0})
    Check.close("Var[X_s | x0] at s = " + s, vpVariance(s), vp.beta(1 - s) * vp.beta(1 - s), 1e-9,
            "integrate the rate: h(s) = β_min s + ½(β_max − β_min)s², variance 1 − e^{−h(s)}");
// independent estimate: Euler–Maruyama from x0 = 0
double[][] em = new EulerMaruyama().integrate(Sde.of(drift, diffusion), new double[20_000][1], 0, 0.3, 300, Rngs.seeded(1));
double emVar = Arrays.stream(em).mapToDouble(r -> r[0] * r[0]).average().getAsDouble();
Check.close("variance vs Euler–Maruyama at s = 0.3", vpVariance(0.3), emVar, 0.03, "your formula disagrees with the simulated SDE");
""", ["check"]),
("md", r"""
## Task 2 · The probability-flow drift from a score

Code the right-hand side $\frac{dx}{ds} = f(s, x) - \tfrac12 g(s)^2\,\text{score}$ of the VP probability-flow ODE for one point.

*Predict first:* if the data were $\mathcal N(0, I)$, every VP marginal is $\mathcal N(0, I)$ and the score is $-x$. What is the drift then?
"""),
todo(r"""
double[] pfDrift(double s, double[] x, double[] score) {
    // TODO: f(s, x) − ½ g(s)² score for the VP-SDE
    return x.clone();
}
""", r"""
double[] pfDrift(double s, double[] x, double[] score) {
    double b = vp.rate(s);
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) out[j] = -0.5 * b * x[j] - 0.5 * b * score[j];
    return out;
}
"""),
("code", r"""
double[][] pts = {{0.3, -1.2}, {2.0, 1.0}, {-1.5, 0.4}};
for (double s : new double[]{0.05, 0.5, 0.95}) {
    double[][] lib = new ProbabilityFlowOde(drift, diffusion, exactScore).apply(s, pts);
    double[][] sc = exactScore.apply(s, pts);
    double[][] mine = new double[pts.length][];
    for (int i = 0; i < pts.length; i++) mine[i] = pfDrift(s, pts[i], sc[i]);
    Check.close("PF-ODE drift at s = " + s, mine, lib, 1e-9, "drift −½β_s x minus ½ g² = ½β_s times the score");
}
Check.close("PF drift for N(0, I) data (score = −x)", pfDrift(0.4, new double[]{1.3, -0.7}, new double[]{-1.3, 0.7}),
        new double[]{0, 0}, 1e-12, "for standard normal data the VP marginals do not move, so the ODE must stand still");
""", ["check"]),
("md", r"""
## Task 3 · One Euler–Maruyama step of the reverse SDE

The reverse SDE $dX = [f - g^2\,\nabla\log p_s]\,ds + g\,d\bar W$ is integrated with negative steps. Code one step from $s$ to $s - h$
($h > 0$) for a batch: $x \mapsto x - h\,[f(s, x) - g(s)^2\,\text{score}(s, x)] + g(s)\sqrt h\,z$, with $z$ drawn as
`rng.nextGaussian()` row by row, coordinate by coordinate (the library's order, so we can compare with it).
"""),
todo(r"""
double[][] reverseStep(double s, double h, double[][] x, VectorField score, RandomGenerator rng) {
    // TODO: one Euler–Maruyama step of the reverse VP-SDE from s to s − h
    return x;
}
""", r"""
double[][] reverseStep(double s, double h, double[][] x, VectorField score, RandomGenerator rng) {
    double b = vp.rate(s), g = Math.sqrt(b);
    double[][] sc = score.apply(s, x);
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) {
        double rev = -0.5 * b * x[i][j] - b * sc[i][j];           // f − g² score
        out[i][j] = x[i][j] - h * rev + g * Math.sqrt(h) * rng.nextGaussian();
    }
    return out;
}
"""),
("code", r"""
double[][] xStart = Gaussian.standard(2).sample(6, Rngs.seeded(2));
double[][] mine = reverseStep(0.6, 0.01, xStart, exactScore, Rngs.seeded(5));
double[][] lib = new EulerMaruyama().step(new ReverseSde(drift, diffusion, exactScore).sde(), 0.6, -0.01, xStart, Rngs.seeded(5));
Check.close("reverse-SDE step", mine, lib, 1e-9,
        "step backwards: x − h·(f − g²·score) + g·√h·z; note the minus sign in front of h and the full g² (not ½g²)");
""", ["check"]),
("md", r"""
## Task 4 · The denoising score-matching target

For the Gaussian path $x_t = \alpha_t x_1 + \beta_t\varepsilon$ (flow time, `vp.alpha(t)`, `vp.beta(t)`), code the conditional score
$\nabla_x\log p_t(x\mid x_1)$ that DSM regresses on.
"""),
todo(r"""
double[] dsmTarget(double t, double[] xt, double[] x1) {
    // TODO: the conditional score ∇ log p_t(xt | x1)
    return new double[xt.length];
}
""", r"""
double[] dsmTarget(double t, double[] xt, double[] x1) {
    double a = vp.alpha(t), b = vp.beta(t);
    double[] out = new double[xt.length];
    for (int j = 0; j < xt.length; j++) out[j] = -(xt[j] - a * x1[j]) / (b * b);
    return out;
}
"""),
("code", r"""
double[] x1 = {2.0, -1.0}, eps = {0.7, -0.4};
for (double t : new double[]{0.2, 0.6, 0.95}) {
    double[] xt = {vp.alpha(t) * x1[0] + vp.beta(t) * eps[0], vp.alpha(t) * x1[1] + vp.beta(t) * eps[1]};
    Check.close("DSM target at t = " + t, dsmTarget(t, xt, x1), new GaussianPath(vp).conditionalScore(t, xt, x1), 1e-9,
            "the conditional law is N(α_t x1, β_t² I): score −(x − α_t x1)/β_t²");
    Check.close("DSM target = −ε/β_t at t = " + t, dsmTarget(t, xt, x1)[0], -eps[0] / vp.beta(t), 1e-9,
            "with x = α_t x1 + β_t ε the target is −ε/β_t");
}
""", ["check"]),
("md", r"""
## Task 5 · Predict, then check: the exploding velocity

For the heat-equation path $X_t = (1-t)X_0 + W_t$ (seed 000, $t = 0$ data) with point-mass data $X_0 = 0$ in $d$ dimensions,
predict $\mathbb E\|v_t(X_t\mid 0)\|^2$ as a function of $t$ and $d$. The cell after yours estimates it by Monte Carlo.
"""),
todo(r"""
double predictedSquaredVelocity(double t, int d) {
    // TODO: E‖v_t‖² for X_t = (1 − t) X_0 + W_t, X_0 = 0, in R^d
    return 0.0;
}
""", r"""
double predictedSquaredVelocity(double t, int d) {
    return d / (4 * t);        // v_t(x) = x/(2t), E‖X_t‖² = d t
}
"""),
("code", r"""
TimeChange heat = new TimeChange() {
    public double f(double t) { return 1 - t; }
    public double fDot(double t) { return -1; }
    public double g(double t) { return t; }
    public double gDot(double t) { return 1; }
};
MeanRevertingPath heatPath = new MeanRevertingPath(new WienerProcess(), heat);
int dd = 3;
double[][] zero = new double[20_000][dd];
RandomGenerator r5 = Rngs.seeded(8);
for (double t : new double[]{0.005, 0.05, 0.5}) {
    double[][] v = heatPath.conditionalVelocity(t, heatPath.sample(t, zero, r5), zero);
    double mc = Arrays.stream(v).mapToDouble(r -> Arrays.stream(r).map(c -> c * c).sum()).average().getAsDouble();
    Check.close("E‖v_t‖² at t = " + t + " (Monte Carlo " + String.format("%.2f", mc) + ")", predictedSquaredVelocity(t, dd), mc, 0.04 * mc,
            "v_t(x) = ġ x/(2g) with X_t ~ N(0, g I): E‖v‖² = d ġ²/(4g)");
}
""", ["check"]),
("md", r"""
*Follow-up (no check):* redo Task 5 with the flow-matching clock $g(t) = t^2$ (`TimeChange.flowMatching()`). Which of the two
would you rather regress on near $t = 0$?
"""),
    ]


nb.write_chapter(ROOT, NAME, LECTURE, exercises)
