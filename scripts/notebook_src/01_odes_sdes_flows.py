"""Chapter 01: ODEs, SDEs and flows. Writes notebooks/, exercises/ and solutions/01_odes_sdes_flows.ipynb.
Usage: /usr/bin/python3 scripts/notebook_src/01_odes_sdes_flows.py [repo-root]"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
NAME = "01_odes_sdes_flows.ipynb"

IMPORTS = r"""
import genflow.course.*;
import genflow.course.figures.Chapter01Figures;
import genflow.dist.*;
import genflow.ode.*;
import genflow.pde.OuGaussianCurve;
import genflow.plot.*;
import genflow.random.Rngs;
import genflow.table.Tables;
import org.knowm.xchart.*;
import tech.tablesaw.api.*;
import java.util.random.RandomGenerator;
"""

lecture = [
("md", r"""
# 01 · ODEs, SDEs and flows

Generative flows move a simple distribution (noise) onto the data distribution by transporting **particles**
along a vector field — deterministically (an ODE) or with noise (an SDE). This chapter builds the numerical
toolbox for both.

**Learning goals.** After this notebook you can
1. say what a time-dependent vector field $u_t$ and its flow $\psi_t$ are, and compute the exact flow of a linear field;
2. integrate an ODE with Euler, Heun and RK4 and *measure* their orders 1, 2, 4 on a log–log plot;
3. simulate Brownian motion and the Ornstein–Uhlenbeck (OU) process with Euler–Maruyama and check the OU stationary law $\mathcal N(0, \sigma^2/2\theta)$;
4. run Langevin dynamics to sample a 2-D Gaussian mixture from its score alone.

Material: lecture notes "Flow and Diffusion Models" (seed 004, §1) and the Langevin slides of the
Steidl–Chemseddine lecture (seed 000). Time runs forward, $t: 0 \to T$, throughout.
"""),
("code", IMPORTS),
("md", r"""
## 1 · Vector fields and flows

A (time-dependent) **vector field** is a map $u: [0,1] \times \mathbb R^d \to \mathbb R^d$. Its **flow**
$\psi_t(x_0)$ is the solution of the ODE

$$\frac{d}{dt}\psi_t(x_0) = u_t(\psi_t(x_0)), \qquad \psi_0(x_0) = x_0 .$$

For Lipschitz $u$ the flow exists, is unique and each $\psi_t$ is a diffeomorphism (seed 004, Thm. 1).
Particles $X_t = \psi_t(X_0)$ with $X_0 \sim p_0$ carry the distribution $p_0$ to $p_t = (\psi_t)_\sharp p_0$.

**Example.** The linear field $u_t(x) = -\theta x$ has the exact flow $\psi_t(x_0) = e^{-\theta t} x_0$:
every particle slides exponentially fast to the origin. In genflow a field is a `VectorField`, a function
`(t, x) -> double[n][d]` on a whole batch of particles at once.
"""),
("code", r"""
double theta = 1.0;
VectorField u = Chapter01Figures.linearField(theta);
double[][] x0 = {{1.0, -0.5}, {2.0, 0.3}};
double[][] ux = u.apply(0.0, x0);
System.out.printf("u(0, x) for x = (1, -0.5): (%.2f, %.2f)%n", ux[0][0], ux[0][1]);
double[][] x2 = new RungeKutta4().integrate(u, x0, 0, 2, 40);
double exact = Math.exp(-theta * 2) * x0[1][0];
System.out.printf("RK4 (40 steps): psi_2(x)_1 = %.10f, exact e^{-2}·2 = %.10f%n", x2[1][0], exact);
if (Math.abs(x2[1][0] - exact) > 1e-6) throw new IllegalStateException("RK4 does not reproduce the exact flow");
"""),
("md", r"""
## 2 · Euler, Heun and Runge–Kutta 4

With step $h = T/n$ and $t_k = kh$ (seed 004, Algorithms 1–2):

* **Euler** $\;x_{k+1} = x_k + h\,u_{t_k}(x_k)$ — global error $O(h)$;
* **Heun** $\;\tilde x = x_k + h\,u_{t_k}(x_k),\quad x_{k+1} = x_k + \tfrac h2\big[u_{t_k}(x_k) + u_{t_{k+1}}(\tilde x)\big]$ — $O(h^2)$;
* **RK4** (classical Runge–Kutta, four evaluations per step) — $O(h^4)$.

A method of order $p$ has error $e(h) \approx C h^p$, i.e. $\log e = \log C + p \log h$: a **straight line of
slope $p$** on log–log axes. We measure the error at $T = 2$ against the exact flow and fit the slope by
least squares (`ConvergenceStudy`).
"""),
("code", r"""
int[] steps = {4, 8, 16, 32, 64, 128};
double f2 = Math.exp(-2 * theta);
double[][] exact2 = {{f2 * x0[0][0], f2 * x0[0][1]}, {f2 * x0[1][0], f2 * x0[1][1]}};
double[] hs = ConvergenceStudy.stepSizes(0, 2, steps);
FixedStepSolver[] solvers = {new Euler(), new Heun(), new RungeKutta4()};
double[] slopes = new double[3];
var results = Tables.results("Observed orders on u = −θx", "method", "error at h=0.5", "error at h=1/64", "fitted slope", "theory");
for (int s = 0; s < 3; s++) {
    double[] e = ConvergenceStudy.errors(solvers[s], u, x0, 0, 2, exact2, steps);
    slopes[s] = ConvergenceStudy.logLogSlope(hs, e);
    results.row(solvers[s].toString(), e[0], e[e.length - 1], slopes[s], solvers[s].order());
}
results.build()
"""),
("code", r"""
Figures.draw("01-solver-orders")
"""),
("md", r"""
**Check.** The fitted slopes are within 0.2 of the theoretical orders 1, 2, 4.
"""),
("code", r"""
int[] theory = {1, 2, 4};
for (int s = 0; s < 3; s++) {
    System.out.printf("%-12s slope %.3f  (order %d)%n", solvers[s], slopes[s], theory[s]);
    if (Math.abs(slopes[s] - theory[s]) > 0.2) throw new IllegalStateException(solvers[s] + " has the wrong observed order");
}
"""),
("md", r"""
Why does one not always use RK4? Each step costs 4 field evaluations (Heun: 2, Euler: 1). When the field is a
neural network, evaluations are the cost, and for the nearly straight paths of flow matching a few Euler or
Heun steps are often enough. Errors also compound differently for fields that are only learned approximately.

## 3 · Brownian motion

A **Brownian motion** $W_t$ starts at $W_0 = 0$, has independent Gaussian increments
$W_t - W_s \sim \mathcal N(0, (t-s) I)$ and continuous paths (seed 004, Def. 3). Simulating it on a grid only
needs $W_{t+h} = W_t + \sqrt h\,\varepsilon$, $\varepsilon \sim \mathcal N(0, I)$. Its paths are nowhere
differentiable: the increments are of size $\sqrt h \gg h$. So $\operatorname{Var} W_t = t$: the cloud of paths spreads like $\pm 2\sqrt t$.
"""),
("code", r"""
RandomGenerator rngBm = Rngs.seeded(11);
int nBm = 4000, kBm = 100;
double hBm = 1.0 / kBm;
double[] w1 = new double[nBm];
for (int i = 0; i < nBm; i++) {
    double w = 0;
    for (int k = 0; k < kBm; k++) w += Math.sqrt(hBm) * rngBm.nextGaussian();
    w1[i] = w;
}
double varW1 = Arrays.stream(w1).map(v -> v * v).average().orElseThrow();
double seVar = Math.sqrt(2.0 / nBm);   // standard error of a variance estimate of N(0,1)
System.out.printf("Var W_1 ≈ %.4f (exact 1, standard error %.3f)%n", varW1, seVar);
if (Math.abs(varW1 - 1) > 4 * seVar) throw new IllegalStateException("Brownian increments have the wrong variance");
"""),
("md", r"""
## 4 · SDEs, Euler–Maruyama and the Ornstein–Uhlenbeck process

An SDE adds a Brownian term to the ODE (seed 004, eq. (8)):

$$dX_t = u_t(X_t)\,dt + \sigma_t\,dW_t .$$

The **Euler–Maruyama** scheme replaces $dW_t$ by a Gaussian increment of variance $h$:

$$X_{k+1} = X_k + h\,u_{t_k}(X_k) + \sigma_{t_k}\sqrt h\,\varepsilon_k, \qquad \varepsilon_k \sim \mathcal N(0, I).$$

The **Ornstein–Uhlenbeck process** $dX_t = -\theta X_t\,dt + \sigma\,dW_t$ pulls towards 0 while the noise
pushes away. Started at a point $x_0$, $X_t$ is Gaussian with

$$\mathbb E X_t = e^{-\theta t}x_0, \qquad \operatorname{Var} X_t = \frac{\sigma^2}{2\theta}\big(1 - e^{-2\theta t}\big) \;\xrightarrow{t\to\infty}\; \frac{\sigma^2}{2\theta},$$

so the **stationary law** is $\mathcal N(0, \sigma^2/2\theta)$, whatever $x_0$. In genflow: `Sde.of(drift, t -> σ)`
and `EulerMaruyama`.
"""),
("code", r"""
double sigma = 1.0, T = 5.0;
Sde ou = Sde.of(Chapter01Figures.linearField(theta), t -> sigma);
int nOu = 5000;
double[][] start = new double[nOu][1];
for (double[] r : start) r[0] = 3.0;
double[][] xT = new EulerMaruyama().integrate(ou, start, 0, T, 250, Rngs.seeded(1));
double mOu = Arrays.stream(xT).mapToDouble(r -> r[0]).average().orElseThrow();
double vOu = Arrays.stream(xT).mapToDouble(r -> (r[0] - mOu) * (r[0] - mOu)).sum() / (nOu - 1);
OuGaussianCurve law = new OuGaussianCurve(theta, sigma, 3.0, 0);
System.out.printf("t = %.0f: mean %.4f (exact %.4f), variance %.4f (exact %.4f, stationary σ²/2θ = %.4f)%n",
        T, mOu, law.mean(T), vOu, law.variance(T), law.stationaryVariance());
"""),
("code", r"""
Figures.draw("01-brownian-ou")
"""),
("md", r"""
**Check.** With 5,000 particles the standard error of the variance is about $\sqrt{2/n}\,\sigma^2/2\theta \approx 0.01$;
Euler–Maruyama with $h = 0.02$ adds a bias of order $h$ (for OU it inflates the variance by the factor
$1/(1 - \theta h/2) \approx 1.01$). We accept 4 standard errors plus that bias.
"""),
("code", r"""
double se = Math.sqrt(2.0 / nOu) * law.stationaryVariance();
System.out.printf("|Var − σ²/2θ| = %.4f, allowed %.4f%n", Math.abs(vOu - law.variance(T)), 4 * se + 0.01);
if (Math.abs(vOu - law.variance(T)) > 4 * se + 0.01) throw new IllegalStateException("OU variance off");
if (Math.abs(mOu - law.mean(T)) > 4 * Math.sqrt(law.variance(T) / nOu)) throw new IllegalStateException("OU mean off");
"""),
("md", r"""
## 5 · Langevin dynamics

Which SDE has a *given* density $p$ as its stationary law? The **overdamped Langevin** SDE

$$dX_t = \nabla \log p(X_t)\,dt + \sqrt 2\,dW_t$$

(seed 004, Remark 2.2; seed 000 writes it for $p \propto e^{-\beta\Psi}$ as $dX = -\nabla\Psi\,d\tau + \sqrt{2\beta^{-1}}\,dW$).
It only needs the **score** $\nabla\log p$, not the normalising constant. Its Euler–Maruyama discretisation is
the unadjusted Langevin algorithm (ULA)

$$x_{k+1} = x_k + \eta\,\nabla\log p(x_k) + \sqrt{2\eta}\,\varepsilon_k .$$

OU is the special case $p = \mathcal N(0, 1)$: $\nabla \log p(x) = -x$, $\theta = 1$, $\sigma = \sqrt2$, stationary variance $2/2 = 1$.
Below: a 3-component Gaussian mixture, 2,000 particles from $\mathcal N(0, 3^2 I)$, $\eta = 0.03$, 400 steps
(the registry figure runs the same dynamics with its own 1,000 particles and shows three moments in time).
"""),
("code", r"""
GaussianMixture target = Chapter01Figures.langevinTarget();
RandomGenerator rngL = Rngs.seeded(2);
double[][] xL = new double[2000][2];
for (double[] r : xL) { r[0] = 3 * rngL.nextGaussian(); r[1] = 3 * rngL.nextGaussian(); }
xL = new Langevin(0.03).run(target, xL, 400, rngL);
// the mixture's exact mean and per-coordinate variance: E X = Σ w_k m_k, E X_j² = Σ w_k (s_kj² + m_kj²)
double[] gm = target.mean();
double[] gv = new double[2];
for (int k = 0; k < target.components(); k++)
    for (int j = 0; j < 2; j++) gv[j] += target.weights()[k] * (target.variances()[k][j] + target.means()[k][j] * target.means()[k][j]);
for (int j = 0; j < 2; j++) gv[j] -= gm[j] * gm[j];
final double[][] xLf = xL;
double[] em = new double[2], ev = new double[2];
for (int j = 0; j < 2; j++) {
    final int jj = j;
    em[j] = Arrays.stream(xLf).mapToDouble(r -> r[jj]).average().orElseThrow();
    ev[j] = Arrays.stream(xLf).mapToDouble(r -> (r[jj] - em[jj]) * (r[jj] - em[jj])).average().orElseThrow();
}
System.out.printf("mean:     particles (%.3f, %.3f)   mixture (%.3f, %.3f)%n", em[0], em[1], gm[0], gm[1]);
System.out.printf("variance: particles (%.3f, %.3f)   mixture (%.3f, %.3f)%n", ev[0], ev[1], gv[0], gv[1]);
"""),
("code", r"""
Figures.draw("01-langevin-gmm")
"""),
("md", r"""
**Check.** Means within 0.15 and variances within 10 % of the mixture's. (Tolerances: Monte Carlo error with
2,000 particles is ≈ 0.04 for the means; ULA has an $O(\eta)$ bias, and hopping between modes is slow, so the
mode masses equilibrate only approximately.)
"""),
("code", r"""
for (int j = 0; j < 2; j++) {
    if (Math.abs(em[j] - gm[j]) > 0.15) throw new IllegalStateException("Langevin mean off in coordinate " + j);
    if (Math.abs(ev[j] / gv[j] - 1) > 0.10) throw new IllegalStateException("Langevin variance off in coordinate " + j);
}
System.out.println("Langevin particles match the mixture's mean and variance");
"""),
("md", r"""
## Summary

| object | formula | genflow |
|---|---|---|
| flow of $u$ | $\dot\psi_t = u_t(\psi_t)$ | `VectorField`, `Euler`, `Heun`, `RungeKutta4`, `ConvergenceStudy` |
| SDE | $dX = u\,dt + \sigma\,dW$ | `Sde`, `EulerMaruyama` |
| OU stationary law | $\mathcal N(0, \sigma^2/2\theta)$ | `OuGaussianCurve` |
| Langevin | $dX = \nabla\log p\,dt + \sqrt2\,dW$ | `Langevin` |

Next (02): how the *density* of the particles evolves — the continuity and Fokker–Planck equations.
Exercises: `exercises/01_odes_sdes_flows.ipynb`.
"""),
]

def todo(stub, solution):
    return ("todo", stub, solution)

exercise = [
("md", r"""
# 01 · Exercises: ODEs, SDEs and flows

Fill in each cell marked `// TODO`, then run the **check** cell below it. A check prints ✓ when your code is
right and explains what is wrong otherwise. Lecture: `notebooks/01_odes_sdes_flows.ipynb`.

1. One step of Heun's method, and its observed order.
2. The OU stationary variance.
3. One Euler–Maruyama step for OU (and reproducing the library bit for bit).
4. Predict, then check: the bias of the unadjusted Langevin algorithm.
"""),
("code", IMPORTS),
("md", r"""
## Exercise 1 · Heun's method

Implement one Heun step for a batch $x$ (rows = particles):

$$\tilde x = x + h\,u(t, x), \qquad x_{\text{new}} = x + \tfrac h2\big[u(t, x) + u(t + h, \tilde x)\big].$$

The check compares it with `new Heun().step(...)` on a nonlinear field, then integrates
$\dot x = -x$ with your step and fits the slope of the error on a log–log scale: it must be ≈ 2.
"""),
todo(r"""
double[][] heunStep(VectorField u, double t, double h, double[][] x) {
    // TODO: return the Heun update of x (a new array); this placeholder returns x unchanged
    return x;
}
""", r"""
double[][] heunStep(VectorField u, double t, double h, double[][] x) {
    double[][] k1 = u.apply(t, x);
    double[][] xt = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) xt[i][j] = x[i][j] + h * k1[i][j];
    double[][] k2 = u.apply(t + h, xt);
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++)
        for (int j = 0; j < x[0].length; j++) out[i][j] = x[i][j] + 0.5 * h * (k1[i][j] + k2[i][j]);
    return out;
}
"""),
("code", r"""
VectorField wavy = (t, x) -> {
    double[][] o = new double[x.length][2];
    for (int i = 0; i < x.length; i++) { o[i][0] = Math.sin(x[i][1]) + t; o[i][1] = -x[i][0] * x[i][1]; }
    return o;
};
double[][] xa = {{0.3, -1.2}, {1.0, 0.5}};
Check.close("Heun step on a nonlinear field", heunStep(wavy, 0.2, 0.1, xa), new Heun().step(wavy, 0.2, 0.1, xa), 1e-12,
        "compare with the formula: two evaluations, the second at time t + h and the Euler predictor");
VectorField decay = Chapter01Figures.linearField(1.0);
int[] ns = {8, 16, 32, 64};
double[] hh = new double[ns.length], err = new double[ns.length];
for (int k = 0; k < ns.length; k++) {
    double[][] x = {{1.0}};
    hh[k] = 1.0 / ns[k];
    for (int s = 0; s < ns[k]; s++) x = heunStep(decay, s * hh[k], hh[k], x);
    err[k] = Math.abs(x[0][0] - Math.exp(-1));
}
double order = ConvergenceStudy.logLogSlope(hh, err);
Check.close("observed order of your Heun step", order, 2.0, 0.15, "a correct Heun step has global error ∝ h²");
""", ["check"]),
("md", r"""
## Exercise 2 · The OU stationary variance

For $dX = -\theta X\,dt + \sigma\,dW$ the variance $v_t = \operatorname{Var}X_t$ obeys
$\dot v = -2\theta v + \sigma^2$ (Itô: $d(X^2) = 2X\,dX + \sigma^2 dt$). Set $\dot v = 0$ and code the stationary
variance. The check compares your formula with long Euler–Maruyama simulations for two parameter pairs.
"""),
todo(r"""
double ouStationaryVariance(double theta, double sigma) {
    // TODO: the variance v with dv/dt = 0; this placeholder returns 0
    return 0.0;
}
""", r"""
double ouStationaryVariance(double theta, double sigma) {
    return sigma * sigma / (2 * theta);
}
"""),
("code", r"""
double[][] params = {{2.0, 0.5}, {0.5, 1.5}};
for (double[] p : params) {
    double th = p[0], sg = p[1];
    double[][] z0 = new double[4000][1];
    double[][] zT = new EulerMaruyama().integrate(Sde.of(Chapter01Figures.linearField(th), t -> sg), z0, 0, 12, 1200, Rngs.seeded(5));
    double emp = Arrays.stream(zT).mapToDouble(r -> r[0] * r[0]).average().orElseThrow();
    Check.close(String.format("stationary variance for θ = %.1f, σ = %.1f (simulation %.4f)", th, sg, emp),
            ouStationaryVariance(th, sg), emp, 0.1 * emp, "solve 0 = −2θ v + σ² for v");
}
""", ["check"]),
("md", r"""
## Exercise 3 · One Euler–Maruyama step

Write the OU update for one particle, given the standard normal draw `z`:
$x_{\text{new}} = x + h\,(-\theta x) + \sigma\sqrt h\, z$.

The check runs your step on 1,000 particles drawing `z = rng.nextGaussian()` in the same order as
`EulerMaruyama` (particle by particle, step by step) and requires the **same numbers** as the library, then
compares the mean and variance at $t = 1$ with the exact OU law.
"""),
todo(r"""
double emStep(double x, double h, double theta, double sigma, double z) {
    // TODO: one Euler–Maruyama step of dX = −θX dt + σ dW; this placeholder returns x unchanged
    return x;
}
""", r"""
double emStep(double x, double h, double theta, double sigma, double z) {
    return x + h * (-theta * x) + sigma * Math.sqrt(h) * z;
}
"""),
("code", r"""
int nP = 1000, kSteps = 50;
double th3 = 1.5, sg3 = 0.8, h3 = 1.0 / kSteps;
double[][] mine = new double[nP][1];
for (double[] r : mine) r[0] = 2.0;
double[][] lib = new EulerMaruyama().integrate(Sde.of(Chapter01Figures.linearField(th3), t -> sg3), mine, 0, 1, kSteps, Rngs.seeded(9));
RandomGenerator rng3 = Rngs.seeded(9);
for (int k = 0; k < kSteps; k++) for (int i = 0; i < nP; i++) mine[i][0] = emStep(mine[i][0], h3, th3, sg3, rng3.nextGaussian());
Check.close("your Euler–Maruyama particles vs the library's (same seed)", mine, lib, 1e-12,
        "drift −θx times h, plus σ·√h·z");
OuGaussianCurve exact3 = new OuGaussianCurve(th3, sg3, 2.0, 0);
double m3 = Arrays.stream(mine).mapToDouble(r -> r[0]).average().orElseThrow();
Check.close("mean at t = 1", m3, exact3.mean(1), 4 * Math.sqrt(exact3.variance(1) / nP) + 0.02, "the mean must decay like e^{−θt}");
""", ["check"]),
("md", r"""
## Exercise 4 · Predict, then check: the ULA bias

Run ULA on the standard normal, $\nabla \log p(x) = -x$:
$x_{k+1} = (1-\eta)x_k + \sqrt{2\eta}\,\varepsilon_k$. The exact Langevin SDE has stationary variance 1, but the
discrete chain does not. **Predict** its stationary variance $v(\eta)$: take variances on both sides of the
update at stationarity, $v = (1-\eta)^2 v + 2\eta$, and solve. The check runs the chain for $\eta = 0.2$ and
$\eta = 0.5$ and compares with your prediction.
"""),
todo(r"""
double ulaVariance(double eta) {
    // TODO: stationary variance of x ← (1−η)x + √(2η) ε; this placeholder returns 0
    return 0.0;
}
""", r"""
double ulaVariance(double eta) {
    return 2 * eta / (1 - (1 - eta) * (1 - eta));   // = 2 / (2 − η)
}
"""),
("code", r"""
for (double eta : new double[]{0.2, 0.5}) {
    double[][] y = new double[20000][1];
    y = new Langevin(eta).run(Gaussian.standard(1), y, 200, Rngs.seeded(21));
    double v = Arrays.stream(y).mapToDouble(r -> r[0] * r[0]).average().orElseThrow();
    Check.close(String.format("ULA stationary variance at η = %.1f (simulation %.4f)", eta, v), ulaVariance(eta), v, 0.05,
            "variance of a sum of independent terms: (1−η)² v + 2η; then solve for v");
}
System.out.printf("bias of ULA at η = 0.5: variance %.3f instead of 1 — smaller steps, smaller bias%n", ulaVariance(0.5));
""", ["check"]),
("md", r"""
Done: you implemented the two integrators behind every sampler in this course (Heun for ODEs,
Euler–Maruyama for SDEs) and saw that the discretised Langevin chain samples a slightly wrong law.
"""),
]

def variant(cells, solved):
    out = []
    for c in cells:
        if c[0] == "todo":
            out.append(("code", c[2] if solved else c[1]))
        else:
            out.append(c)
    return out

nb.write_chapter(ROOT, NAME, lecture, lambda solved: variant(exercise, solved))
