"""Generator of notebooks/07_uniform_mmd_process.ipynb (lecture) and exercises/ + solutions/07_uniform_mmd_process.ipynb.
Usage: /usr/bin/python3 scripts/notebook_src/07_uniform_mmd_process.py   (writes all three, paths relative to the repo)"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

IMPORTS = r"""
import genflow.course.*;
import genflow.math.Quadrature;
import genflow.metrics.Wasserstein;
import genflow.ode.*;
import genflow.path.UniformAtomsMarginal;
import genflow.pde.Grid;
import genflow.plot.*;
import genflow.process.*;
import genflow.random.Draws;
import genflow.random.Rngs;
import genflow.schedule.TimeChange;
import genflow.table.Tables;
import tech.tablesaw.api.*;
import java.util.random.RandomGenerator;
"""

# ---------------------------------------------------------------------------------------------- lecture
LECTURE = [
("md", r"""
# 07 · The uniform process and the MMD gradient flow

Diffusion models spread data with a Wiener process. Seed 000 ("Generative flows from 1D processes") asks what
*other* one-dimensional processes can play that role, applied coordinate by coordinate. This notebook studies the
simplest one with **bounded** noise: the **uniform process**, which is at the same time the Wasserstein gradient flow
of the maximum mean discrepancy (MMD) with the negative distance kernel.

**Learning goals.** After this notebook you can
1. compare realisations of the Wiener, Kac and uniform processes and say why the size of their velocity matters;
2. derive the velocity $v_t(x) = \frac{x}{b(e^{t/b}-1)}$ of $\mu_t = U[-h_t, h_t]$, $h_t = b(1-e^{-t/b})$, and recognise it as the MMD gradient $2(F_{\mu_t} - F_\nu)$;
3. check the continuity equation and the kinetic energy $\|v_t\|^2_{L^2(\mu_t)}$ numerically (and find a typo in the slides);
4. simulate the MMD flow with particles and compare with the closed form;
5. generate data from uniform noise by integrating an exact marginal velocity backwards.

**Time direction.** The processes run forward from $\delta_0$ ($t \ge 0$). In §6 the mean-reverting path
$X_t = f(t)X_0 + U_{g(t)}$ has $t = 0$ data and $t = 1$ noise (seed 000, Step 3).
"""),
("code", IMPORTS),
("md", r"""
## 1 · Three noise processes started at 0

| process | law $\mu_t$ | velocity $v_t(x)$ | $\|v_t\|^2_{L^2(\mu_t)}$ |
|---|---|---|---|
| Wiener $W_t$ | $\mathcal N(0, t)$ | $\frac{x}{2t}$ | $\frac{1}{4t}$ — not integrable at $t\to 0$ |
| Kac $K_t$ (rate $a$, speed $c$) | telegrapher law, atoms at $\pm ct$ | bounded by $c$ | $\le c^2$ |
| uniform $U_t = b(1-e^{-t/b})\,U$, $U\sim U[-1,1]$ | $U[-h_t, h_t]$ | $\frac{x}{b(e^{t/b}-1)}$ | see §4 |

A generative model integrates the velocity **backwards** to $t = 0$: the Wiener velocity explodes there, the
other two stay bounded. Here are realisations (Kac with $c^2/a = 1$, the scaling under which it tends to Brownian motion):
"""),
("code", r"""
Figures.draw("07-process-realisations")
"""),
("md", r"""
The kinetic energy $\|v_t\|^2_{L^2(\mu_t)}$ of each, by quadrature (Kac: the atoms at $\pm ct$ move with speed $c$
and carry mass $e^{-at}$):
"""),
("code", r"""
WienerProcess wiener = new WienerProcess();
KacProcess kac = KacProcess.of(9, 3);
UniformProcess uni1 = UniformProcess.of(1);
double kacEnergy(double t) {
    double ct = 3 * t;
    double cont = Quadrature.simpson(x -> Math.pow(kac.velocity(t, x), 2) * kac.density(t, x), -ct, ct, 400);
    return kac.atomMass(t) * 9 + cont;
}
double[] times = {0.001, 0.01, 0.1, 0.5, 1};
double[] kacE = Arrays.stream(times).map(t -> kacEnergy(t)).toArray();
var energies = Tables.results("‖v_t‖² in L²(μ_t)", "t", "Wiener", "Kac (a = 9, c = 3)", "uniform (b = 1)");
for (int i = 0; i < times.length; i++)
    energies.row(String.valueOf(times[i]), wiener.velocityNormSquared(times[i]), kacE[i], uni1.velocityNormSquared(times[i]));
display(energies.build());
double kacMax = Arrays.stream(kacE).max().getAsDouble();
System.out.printf("Wiener at t = 0.001: %.1f (= 1/(4t) = %.1f); Kac max %.3f ≤ c² = 9; uniform ≤ 1/3%n",
        wiener.velocityNormSquared(0.001), 1 / (4 * 0.001), kacMax);
if (Math.abs(wiener.velocityNormSquared(0.001) - 250) > 1e-9 || kacMax > 9 || uni1.velocityNormSquared(0) > 1.0 / 3 + 1e-15)
    throw new IllegalStateException("kinetic energies are off");
"""),
("md", r"""
## 2 · MMD with the negative distance kernel and its gradient flow

For probability measures on $\mathbb R$ and the kernel $K(x,y) = -|x-y|$,
$$\mathrm{MMD}_K^2(\mu,\nu) = 2\!\iint|x-y|\,d\mu\,d\nu - \iint|x-y|\,d\mu\,d\mu - \iint|x-y|\,d\nu\,d\nu$$
is the **energy distance**. Take $\mathcal F_\nu(\mu) = \tfrac12\mathrm{MMD}_K^2(\mu,\nu)$. Its first variation is
$\frac{\delta\mathcal F_\nu}{\delta\mu}(x) = \int|x-y|\,d\nu(y) - \int|x-y|\,d\mu(y)$, and the Wasserstein gradient flow moves
particles with $v = -\partial_x\frac{\delta\mathcal F_\nu}{\delta\mu}$:
$$v_t(x) = \int\operatorname{sign}(x-y)\,d\mu_t(y) - \int\operatorname{sign}(x-y)\,d\nu(y) = 2\big(F_{\mu_t}(x) - F_\nu(x)\big),$$
with $F$ the distribution functions: particles move right where $\mu_t$ has *more* mass to their left than $\nu$.

**Theorem (seed 000).** Started at $\mu_0 = \delta_0$ towards $\nu = U[-b, b]$ the flow is $\mu_t = U[-h_t, h_t]$, $h_t = b(1-e^{-t/b})$,
with velocity $v_t(x) = \frac{x}{b(e^{t/b}-1)}$ on the support; $U_t = h_t U$ is a process with these marginals.

*Velocity from the process:* $\dot U_t = \dot h_t U = \frac{\dot h_t}{h_t}U_t$ and $\frac{\dot h_t}{h_t} = \frac{e^{-t/b}}{b(1-e^{-t/b})} = \frac{1}{b(e^{t/b}-1)}$.
*Gradient-flow property:* on $[-h_t,h_t]$, $2(F_{\mu_t}(x)-F_\nu(x)) = \frac{x+h_t}{h_t} - \frac{x+b}{b} = x\,\frac{b-h_t}{b\,h_t}$ — the same. Both numerically:
"""),
("code", r"""
double b = 2.0;
UniformProcess up = UniformProcess.of(b);
double worstGrad = 0, worstDot = 0;
for (double t : new double[]{0.1, 1, 4}) {
    double h = up.halfWidth(t), dt = 1e-6;
    double hDot = (up.halfWidth(t + dt) - up.halfWidth(t - dt)) / (2 * dt);
    for (double x : Grid.uniform(-0.99 * h, 0.99 * h, 41)) {
        double v = up.velocity(t, x);
        double mmdGradient = 2 * (up.cdf(t, x) - (x + b) / (2 * b));   // 2(F_μ − F_ν), ν = U[−b, b]
        worstGrad = Math.max(worstGrad, Math.abs(v - mmdGradient));
        worstDot = Math.max(worstDot, Math.abs(v - hDot / h * x));
    }
}
System.out.printf("max |v − 2(F_μ − F_ν)| = %.1e, max |v − (ḣ/h) x| = %.1e%n", worstGrad, worstDot);
if (worstGrad > 1e-12 || worstDot > 1e-6) throw new IllegalStateException("the uniform velocity is not the MMD gradient");
"""),
("md", r"""
Samples of $U_t$ against the density $\frac{1}{2h_t}\mathbf 1_{[-h_t,h_t]}$ — the box widens quickly, then
slowly approaches $U[-2, 2]$:
"""),
("code", r"""
RandomGenerator rngU = Rngs.seeded(11);
List<org.knowm.xchart.XYChart> hists = new ArrayList<>();
for (double t : new double[]{0.5, 2, 6}) {
    double[] xs = new double[5000];
    for (int i = 0; i < xs.length; i++) xs[i] = up.sample(t, rngU);
    hists.add(Plots.histogram("t = " + t + ", h_t = " + String.format("%.3f", up.halfWidth(t)), "x").bins(30).range(-b, b)
            .sample("samples of U_t", xs).density("density of μ_t", x -> up.density(t, x)).build());
}
Panels.grid("Uniform process, b = 2 (seed 11)", 3, hists)
"""),
("md", r"""
## 3 · The continuity equation

$(\mu_t, v_t)$ solve $\partial_t\mu_t + \partial_x(\mu_t v_t) = 0$. The density is a box whose edges move, so the
strong form holds only inside the box (there $\partial_t p_t = -\frac{\dot h_t}{2h_t^2}$ and $\partial_x(p_t v_t) = \frac{\dot h_t}{2h_t^2}$);
the edges carry the flux. Integrating in $x$ gives a form that holds everywhere:
$$\partial_t F_t(x) + p_t(x)\,v_t(x) = 0 \quad\text{for all } x \ne \pm h_t ,$$
and the weak form with a test function $\varphi$: $\frac{d}{dt}\int\varphi\,d\mu_t = \int\varphi'\,v_t\,d\mu_t$. With $\varphi = \cos$,
$\int\cos\,d\mu_t = \sin(h_t)/h_t$.
"""),
("code", r"""
double worstCe = 0, worstWeak = 0;
double dtc = 1e-5;
for (double t : new double[]{0.3, 1, 3}) {
    for (double x : Grid.uniform(-1.9, 1.9, 77)) {
        double dF = (up.cdf(t + dtc, x) - up.cdf(t - dtc, x)) / (2 * dtc);
        double flux = up.density(t, x) * up.velocity(t, x);
        if (Math.abs(Math.abs(x) - up.halfWidth(t)) > 1e-3) worstCe = Math.max(worstCe, Math.abs(dF + flux));
    }
    double h = up.halfWidth(t);
    DoubleUnaryOperator mean = tt -> Math.sin(up.halfWidth(tt)) / up.halfWidth(tt);
    double lhs = (mean.applyAsDouble(t + dtc) - mean.applyAsDouble(t - dtc)) / (2 * dtc);
    double rhs = Quadrature.integrate(x -> -Math.sin(x) * up.velocity(t, x) * up.density(t, x), -h, h, 1e-13, 1e-11);
    worstWeak = Math.max(worstWeak, Math.abs(lhs - rhs));
    System.out.printf("t = %.1f: d/dt ∫cos dμ_t = %.8f, ∫ −sin·v dμ_t = %.8f%n", t, lhs, rhs);
}
System.out.printf("max |∂_t F + p v| = %.1e, max weak-form gap = %.1e%n", worstCe, worstWeak);
if (worstCe > 1e-6 || worstWeak > 1e-6) throw new IllegalStateException("continuity equation violated");
"""),
("md", r"""
## 4 · Kinetic energy — and an erratum

$\|v_t\|^2_{L^2(\mu_t)} = \mathbb E[\dot U_t^2] = \dot h_t^2\,\mathbb E[U^2] = \frac{e^{-2t/b}}{3}$. We compute it three ways for $b = 2$:
quadrature of $\int v_t^2\,d\mu_t$, Monte Carlo over samples of $U_t$, and the closed form — next to the slide's formula.
"""),
("code", r"""
var norms = Tables.results("‖v_t‖² in L²(μ_t), b = 2", "t", "quadrature", "Monte Carlo", "MC std. error", "e^{−2t/b}/3", "seed: (2b/3)e^{−2t/b}");
RandomGenerator rngN = Rngs.seeded(17);
double worstQuad = 0, worstMcZ = 0;
for (double t : new double[]{0.1, 0.5, 1, 2}) {
    double h = up.halfWidth(t);
    double quad = Quadrature.integrate(x -> Math.pow(up.velocity(t, x), 2) * up.density(t, x), -h, h, 1e-15, 1e-13);
    int n = 100_000;
    double sum = 0, sumSq = 0;
    for (int i = 0; i < n; i++) { double v2 = Math.pow(up.velocity(t, up.sample(t, rngN)), 2); sum += v2; sumSq += v2 * v2; }
    double mc = sum / n, se = Math.sqrt((sumSq / n - mc * mc) / n);
    double closed = Math.exp(-2 * t / b) / 3, seedFormula = 2 * b / 3 * Math.exp(-2 * t / b);
    worstQuad = Math.max(worstQuad, Math.abs(quad - closed) / closed);
    worstMcZ = Math.max(worstMcZ, Math.abs(mc - closed) / se);
    norms.row(String.valueOf(t), quad, mc, se, closed, seedFormula);
}
display(norms.build());
System.out.printf("quadrature vs e^{−2t/b}/3: relative error %.1e; Monte Carlo: %.2f standard errors; seed/closed ratio = 2b = %.1f%n",
        worstQuad, worstMcZ, 2 * b);
if (worstQuad > 1e-10 || worstMcZ > 4) throw new IllegalStateException("kinetic energy check failed");
"""),
("md", r"""
> **Erratum (seed 000, slide "3. Uniform Process and MMD Gradient Flow").** The slide states
> $\|v_t\|^2_{L_2(\mu_t)} = \frac{2b}{3}\exp\!\big(-\frac{2t}{b}\big)$. The checks above give
> $$\|v_t\|^2_{L^2(\mu_t)} = \frac{1}{3}\exp\!\Big(-\frac{2t}{b}\Big),$$
> independent of $b$ (the two agree only for $b = \tfrac12$). The conclusion of the slide is unaffected:
> $\int_0^\infty\|v_t\|^2\,dt = b/6 < \infty$, so $\|v_t\|_{L^2(\mu_t)} \in L^2(0, 1)$.
"""),
("md", r"""
## 5 · The MMD flow with particles

The formula $v = \int\operatorname{sign}(x-y)\,d\mu - \int\operatorname{sign}(x-y)\,d\nu$ needs no closed form: for $N$ particles
and $M$ samples $y_k$ of $\nu$,
$$\dot x_i = \frac1N\sum_{j\ne i}\operatorname{sign}(x_i-x_j) - \frac1M\sum_k\operatorname{sign}(x_i-y_k).$$
Starting **all particles at 0** (a point mass), ties are broken by index; then the first sum is $2u_i - 1$ with
$u_i = (i-\frac12)/N$ — particle $i$ becomes the $u_i$-quantile, and the flow in quantile form
$\dot Q_t(u) = 2\big(u - F_\nu(Q_t(u))\big) = 2u - 1 - Q_t(u)/b$ is a linear ODE with the solution $Q_t(u) = h_t(2u-1)$: the uniform process again.
`EnergyDistanceFlow1D` evaluates the sums in $O((N+M)\log)$ by sorting; we take $N = 400$, $M = 2000$ uniform target samples,
explicit Euler with 50 steps per unit time. The error we should expect comes from the finite target sample:
$\sup|F_M - F_\nu| \approx 1/\sqrt M$ shifts quantiles by up to about $2b/\sqrt{M}\cdot\tfrac12 \approx 0.05$ at late times
(when $\mu_t$ covers most of $[-b,b]$); we allow $2b/\sqrt M$.
"""),
("code", r"""
RandomGenerator rngT = Rngs.seeded(5);
double[] target = new double[2000];
for (int k = 0; k < target.length; k++) target[k] = Draws.uniform(-b, b, rngT);
EnergyDistanceFlow1D flow = EnergyDistanceFlow1D.towards(target);
int nPart = 400;
double[] particles = new double[nPart];   // δ₀
double now = 0;
var pt = Tables.results("Particle MMD flow from δ₀ vs μ_t = U[−h_t, h_t]", "t", "h_t", "max |x_(i) − h_t(2u_i − 1)|", "W₂(particles, μ_t)");
double worstQ = 0;
for (double t : new double[]{0.5, 2, 6}) {
    particles = flow.run(particles, t - now, (int) Math.round((t - now) * 50));
    now = t;
    double[] sorted = particles.clone();
    Arrays.sort(sorted);
    double h = up.halfWidth(t), maxErr = 0;
    double[] exact = new double[nPart];
    for (int i = 0; i < nPart; i++) {
        exact[i] = h * (2 * (i + 0.5) / nPart - 1);
        maxErr = Math.max(maxErr, Math.abs(sorted[i] - exact[i]));
    }
    worstQ = Math.max(worstQ, maxErr);
    pt.row(String.valueOf(t), h, maxErr, Wasserstein.w2OneDim(sorted, exact));
}
display(pt.build());
System.out.printf("largest quantile error %.4f (target-sample scale 2b/√M = %.4f)%n", worstQ, 2 * b / Math.sqrt(target.length));
if (worstQ > 2 * b / Math.sqrt(target.length)) throw new IllegalStateException("particles do not follow the uniform process");
"""),
("code", r"""
Figures.draw("07-mmd-particles")
"""),
("md", r"""
## 6 · Generating data from uniform noise

Seed 000, Step 3: with data $X_0$ and the noise process started at 0, the **mean-reverting path**
$X_t = f(t)X_0 + U_{g(t)}$, $f(t) = 1-t$, $g(t) = t^2$ ($t = 0$ data, $t = 1$ noise) has conditional velocity
$v_t(x\mid x_0) = \dot f(t)x_0 + \dot g(t)\,v^U_{g(t)}(x - f(t)x_0)$. For data made of atoms $a_k$ with weights $w_k$
the marginal velocity is the posterior average (marginalisation trick)
$$v_t(x) = \frac{\sum_k w_k\,p^U_{g(t)}(x - f(t)a_k)\,v_t(x\mid a_k)}{\sum_k w_k\,p^U_{g(t)}(x - f(t)a_k)},$$
exactly what a flow-matching network would learn (`UniformAtomsMarginal`). At $t = 1$ the law is $U[-h_1, h_1]$:
**bounded** noise. Integrating $\dot x = v_t(x)$ backwards from $t = 1$ to $t = 10^{-3}$ (RK4, 100 steps) must land on the atoms
with frequencies $w_k$.
"""),
("code", r"""
UniformProcess noise = UniformProcess.of(1.5);
double[] atoms = {-1.0, 0.4, 1.2}, w = {0.5, 0.3, 0.2};
UniformAtomsMarginal marginal = new UniformAtomsMarginal(noise, TimeChange.flowMatching(), w, atoms);
RandomGenerator rngG = Rngs.seeded(9);
int nGen = 1000;
double[][] x1 = new double[nGen][1];
for (int i = 0; i < nGen; i++) x1[i][0] = noise.sample(1, rngG);   // X_1 = U_{g(1)}, g(1) = 1
double[][] x0 = new RungeKutta4().integrate(marginal.velocityField(), x1, 1, 1e-3, 100);
int[] hits = new int[3];
for (double[] p : x0) for (int k = 0; k < 3; k++) if (Math.abs(p[0] - atoms[k]) < 0.01) hits[k]++;
var gen = Tables.results("Generated samples within 0.01 of each atom (n = 1000)", "atom", "weight w_k", "fraction", "binomial s.e.");
for (int k = 0; k < 3; k++) gen.row(String.valueOf(atoms[k]), w[k], hits[k] / (double) nGen, Math.sqrt(w[k] * (1 - w[k]) / nGen));
display(gen.build());
int landed = hits[0] + hits[1] + hits[2];
double worstW = 0;
for (int k = 0; k < 3; k++) worstW = Math.max(worstW, Math.abs(hits[k] / (double) nGen - w[k]) / Math.sqrt(w[k] * (1 - w[k]) / nGen));
System.out.printf("%d of %d samples landed on an atom; largest weight deviation %.2f standard errors%n", landed, nGen, worstW);
if (landed != nGen || worstW > 4) throw new IllegalStateException("backward flow did not reproduce the data");
"""),
("code", r"""
Figures.draw("07-uniform-generation")
"""),
("md", r"""
## Summary

* The uniform process $U_t = b(1-e^{-t/b})U$ is the MMD (energy-distance) gradient flow from $\delta_0$ to $U[-b,b]$; its
  velocity $\frac{x}{b(e^{t/b}-1)}$ equals $2(F_{\mu_t} - F_\nu)$ and solves the continuity equation.
* Its kinetic energy is $\frac13 e^{-2t/b}$ (not $\frac{2b}{3}e^{-2t/b}$ as on the slide) — finite, unlike Wiener's $\frac1{4t}$.
* A particle system with the $-|x-y|$ kernel reproduces it from a point mass; as noise for generation it gives bounded
  samples and bounded velocities. Chapter 08 learns the noise's quantile function instead of fixing it.
"""),
]


# ---------------------------------------------------------------------------------------------- exercises
def exercise_cells(solution):
    def todo(stub, filled):
        return ("code", filled if solution else stub)

    return [
("md", r"""
# 07 · The uniform process and the MMD flow — exercises

Four tasks. Fill in each cell marked `TODO`, run it, then run the **check** cell below it.
The stubs return placeholders so that everything still runs; the checks tell you what is wrong.
The uniform process: $U_t = h_t U$, $U\sim U[-1,1]$, $h_t = b(1-e^{-t/b})$, $t \ge 0$ forward from $\delta_0$.
"""),
("code", IMPORTS),
("md", r"""
## Task 1 · Half-width and velocity

Implement $h_t = b(1-e^{-t/b})$ and the velocity $v_t(x) = \frac{\dot h_t}{h_t}x$ (simplify it!).
"""),
todo(r"""
double halfWidth(double t, double b) {
    return 0.0;   // TODO: b(1 − e^{−t/b})
}
double uniformVelocity(double t, double x, double b) {
    return 0.0;   // TODO: (ḣ_t / h_t) · x, simplified
}
""", r"""
double halfWidth(double t, double b) {
    return b * (1 - Math.exp(-t / b));
}
double uniformVelocity(double t, double x, double b) {
    return x / (b * (Math.exp(t / b) - 1));   // ḣ = e^{−t/b}, ḣ/h = 1/(b(e^{t/b} − 1))
}
"""),
("code", r"""
for (double b : new double[]{0.5, 2}) {
    UniformProcess u = UniformProcess.of(b);
    for (double t : new double[]{0.1, 1, 3}) {
        Check.close("h_t for b = " + b + ", t = " + t, halfWidth(t, b), u.halfWidth(t), 1e-12, "h_t = b(1 − e^{−t/b})");
        double x = 0.7 * u.halfWidth(t);
        Check.close("v_t(x) for b = " + b + ", t = " + t, uniformVelocity(t, x, b), u.velocity(t, x), 1e-12,
                "differentiate U_t = h_t U: dU_t/dt = ḣ_t U = (ḣ_t/h_t) U_t");
    }
}
""", ["check"]),
("md", r"""
## Task 2 · Kinetic energy

Derive $\|v_t\|^2_{L^2(\mu_t)} = \int v_t(x)^2\,d\mu_t(x)$ in closed form and implement it. (The slide says
$\frac{2b}{3}e^{-2t/b}$ — the check compares with quadrature, so do not trust the slide.)
"""),
todo(r"""
double velocityNormSquared(double t, double b) {
    return 0.0;   // TODO: closed form of ∫ v_t² dμ_t
}
""", r"""
double velocityNormSquared(double t, double b) {
    return Math.exp(-2 * t / b) / 3;   // E[(ḣ_t U)²] = e^{−2t/b} E[U²] = e^{−2t/b}/3
}
"""),
("code", r"""
for (double b : new double[]{0.5, 1, 3}) {
    UniformProcess u = UniformProcess.of(b);
    for (double t : new double[]{0.2, 1}) {
        double h = u.halfWidth(t);
        double quad = Quadrature.integrate(x -> Math.pow(u.velocity(t, x), 2) / (2 * h), -h, h, 1e-14, 1e-12);
        Check.close("‖v_t‖² for b = " + b + ", t = " + t, velocityNormSquared(t, b), quad, 1e-9,
                "write v_t(U_t) = ḣ_t U with U ~ U[−1, 1]; E[U²] = 1/3. The slide's factor 2b is a typo");
    }
}
""", ["check"]),
("md", r"""
## Task 3 · The MMD velocity of a particle system

For particles $x_1..x_N$ and target samples $y_1..y_M$ implement, with two plain loops,
$v_i = \frac1N\sum_j \operatorname{sign}(x_i - x_j) - \frac1M\sum_k\operatorname{sign}(x_i - y_k)$ (`Math.signum`).
"""),
todo(r"""
double[] mmdVelocity(double[] x, double[] y) {
    // TODO: the two sign sums (the j = i term is sign(0) = 0)
    return new double[x.length];
}
""", r"""
double[] mmdVelocity(double[] x, double[] y) {
    double[] v = new double[x.length];
    for (int i = 0; i < x.length; i++) {
        double self = 0, towards = 0;
        for (double xj : x) self += Math.signum(x[i] - xj);
        for (double yk : y) towards += Math.signum(x[i] - yk);
        v[i] = self / x.length - towards / y.length;
    }
    return v;
}
"""),
("code", r"""
RandomGenerator rng3 = Rngs.seeded(3);
double[] xs = new double[50], ys = new double[300];
for (int i = 0; i < xs.length; i++) xs[i] = 0.5 * rng3.nextGaussian();
for (int k = 0; k < ys.length; k++) ys[k] = Draws.uniform(-1, 1, rng3);
Check.close("MMD particle velocity", mmdVelocity(xs, ys), EnergyDistanceFlow1D.towards(ys).velocity(xs), 1e-12,
        "v_i = mean_j sign(x_i − x_j) − mean_k sign(x_i − y_k): particles are pushed apart by each other and pulled by the target");
""", ["check"]),
("code", r"""
// your velocity drives 100 particles (started on a tiny grid around 0) towards U[−1, 1]
double[] p = new double[100];
for (int i = 0; i < p.length; i++) p[i] = 1e-6 * (i - 49.5);
for (int step = 0; step < 100; step++) {
    double[] v = mmdVelocity(p, ys);
    for (int i = 0; i < p.length; i++) p[i] += 0.02 * v[i];
}
Plots.histogram("Your particles at t = 2 (target U[−1, 1], b = 1)", "x").bins(20).range(-1, 1)
        .sample("particles", p).density("μ_2 = U[−h_2, h_2]", x -> UniformProcess.of(1).density(2, x)).build()
"""),
("md", r"""
## Task 4 · Predict, then check

Predict, **without simulating**, the half-width of the particle cloud of the MMD flow from $\delta_0$ towards $U[-b, b]$,
$b = 2$, at time $t = b\ln 2$. Then the check runs the library's particle flow.
"""),
todo(r"""
double predictedHalfWidth = 0.0;   // TODO: a number
""", r"""
double predictedHalfWidth = 1.0;   // h_t = b(1 − e^{−ln 2}) = b/2 = 1
"""),
("code", r"""
double[] grid = new double[4000];
for (int k = 0; k < grid.length; k++) grid[k] = -2 + 4 * (k + 0.5) / grid.length;   // quantiles of U[−2, 2]
double tPred = 2 * Math.log(2);
double[] cloud = EnergyDistanceFlow1D.towards(grid).run(new double[500], tPred, 200);
double spread = Arrays.stream(cloud).map(Math::abs).max().getAsDouble() * 500 / 499.0;
System.out.printf("simulated half-width at t = b ln 2: %.4f%n", spread);
Check.close("half-width at t = b ln 2", predictedHalfWidth, spread, 0.02,
        "μ_t = U[−h_t, h_t] with h_t = b(1 − e^{−t/b}); put t = b ln 2");
""", ["check"]),
]


if __name__ == "__main__":
    nb.write_chapter(ROOT, "07_uniform_mmd_process.ipynb", LECTURE, exercise_cells)
