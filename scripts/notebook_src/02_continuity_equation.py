"""Chapter 02: the continuity equation. Writes notebooks/, exercises/ and solutions/02_continuity_equation.ipynb.
Usage: /usr/bin/python3 scripts/notebook_src/02_continuity_equation.py [repo-root]"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
NAME = "02_continuity_equation.ipynb"

IMPORTS = r"""
import genflow.course.*;
import genflow.course.figures.Chapter02Figures;
import genflow.ode.*;
import genflow.pde.*;
import genflow.plot.*;
import genflow.random.Rngs;
import org.knowm.xchart.*;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
"""

HELPERS = r"""
double maxAbs(double[] r) { double m = 0; for (double v : r) m = Math.max(m, Math.abs(v)); return m; }
double[] col(double[][] x) { double[] c = new double[x.length]; for (int i = 0; i < x.length; i++) c[i] = x[i][0]; return c; }
double mean(double[] a) { return Arrays.stream(a).average().orElseThrow(); }
"""

lecture = [
("md", r"""
# 02 · The continuity equation

Chapter 01 moved **particles**. A generative model needs to know what happens to their **distribution**.
If every particle follows $\dot X_t = v_t(X_t)$, the law $\mu_t$ of $X_t$ changes according to the
**continuity equation**

$$\partial_t \mu_t + \nabla \cdot (\mu_t v_t) = 0 .$$

**Learning goals.** After this notebook you can
1. state when a curve of probability measures is *absolutely continuous* and what the (CE) means, strongly and weakly;
2. compare the push-forward of particles with the evolution of the density, and check the weak form $\frac{d}{dt}\mathbb E\varphi(X_t) = \mathbb E[\nabla\varphi(X_t)\cdot v_t(X_t)]$ numerically;
3. verify an analytic pair $(p_t, v_t)$ with a finite-difference residual;
4. write the Fokker–Planck equation of an SDE with the correct $\tfrac12 g^2\Delta p$ (and spot the missing ½ in the slides);
5. see the Langevin SDE as the Wasserstein gradient flow of the KL divergence, and reverse a flow in time.

Material: Steidl–Chemseddine "Generative Flows" (seed 000: absolutely continuous curves, CE, Fokker–Planck,
Langevin, Wasserstein gradient flow of KL), V. Stein's gradient-flow slides (seed 002), and "Flow and Diffusion
Models" (seed 004, continuity and Fokker–Planck equations). Time runs forward, $t: 0 \to 1$, unless said otherwise.
"""),
("code", IMPORTS),
("code", HELPERS),
("md", r"""
## 1 · Absolutely continuous curves and the continuity equation

On $\mathcal P_2(\mathbb R^d)$ (probability measures with finite second moment, Wasserstein distance $W_2$), a
narrowly continuous curve $\mu_t$, $t \in I = [0, 1]$, is **absolutely continuous** if there is a Borel vector field
$v: I \times \mathbb R^d \to \mathbb R^d$ with $\|v_t\|_{L_2(\mu_t)} \in L_2(I)$ such that $(\mu_t, v_t)$ satisfies
the **continuity equation** (seed 000)

$$\partial_t \mu_t + \nabla_x \cdot (\mu_t v_t) = 0 .$$

* If $\mu_t$ has a smooth density $p_t$: $\;\partial_t p_t + \nabla \cdot (p_t v_t) = 0$ pointwise.
* Otherwise in the **weak sense**: for all $\varphi \in C_c^\infty((0,1) \times \mathbb R^d)$
  $$\int_I \int \partial_t \varphi \, d\mu_t\, dt + \int_I \int \langle \nabla_x \varphi, v_t \rangle \, d\mu_t\, dt = 0,$$
  equivalently, for test functions $\varphi(x)$ of space only, $\frac{d}{dt}\int \varphi\, d\mu_t = \int \langle\nabla\varphi, v_t\rangle\, d\mu_t$.

The link to particles: if $\psi_t$ is the flow of $v$ and $\mu_t = (\psi_t)_\sharp \mu_0$, then
$\frac{d}{dt}\mathbb E\,\varphi(X_t) = \mathbb E\,\langle \nabla\varphi(X_t), \dot X_t\rangle = \mathbb E\,\langle \nabla\varphi(X_t), v_t(X_t)\rangle$
— the weak CE is the chain rule, averaged.

## 2 · Particles vs densities: a Gaussian moved by a linear field

The field $v(x) = a x + b$ has the flow $\psi_t(x_0) = e^{at}x_0 + b\,\frac{e^{at}-1}{a}$, an affine map. It maps
$\mathcal N(m_0, s_0^2)$ to $\mathcal N(m_t, s_t^2)$ with

$$m_t = \psi_t(m_0), \qquad s_t = e^{at} s_0 .$$

We take $a = -1$, $b = 2$ (everything contracts towards $x = 2$) and $p_0 = \mathcal N(-1.5, 0.6^2)$
(`LinearFlowGaussian`). Particles are moved by RK4; the density by the formula.
"""),
("code", r"""
LinearFlowGaussian pair = Chapter02Figures.pair();
VectorField v = (t, x) -> {
    double[][] o = new double[x.length][1];
    for (int i = 0; i < x.length; i++) o[i][0] = pair.velocity(t, x[i][0]);
    return o;
};
RandomGenerator rng = Rngs.seeded(3);
int n = 5000;
double[][] x0 = new double[n][1];
for (double[] r : x0) r[0] = -1.5 + 0.6 * rng.nextGaussian();
double[] x1 = col(new RungeKutta4().integrate(v, x0, 0, 1, 20));
double m1 = mean(x1), s1 = Math.sqrt(Arrays.stream(x1).map(y -> (y - m1) * (y - m1)).sum() / (n - 1));
System.out.printf("t = 1: particle mean %.4f (exact m_1 = %.4f), particle std %.4f (exact s_1 = %.4f)%n", m1, pair.mean(1), s1, pair.std(1));
"""),
("code", r"""
Figures.draw("02-pushforward")
"""),
("md", r"""
**Check.** The particle mean and standard deviation agree with $m_1$, $s_1$ within 4 Monte Carlo standard errors
($s_1/\sqrt n$ for the mean, $s_1/\sqrt{2n}$ for the std).
"""),
("code", r"""
double seM = pair.std(1) / Math.sqrt(n), seS = pair.std(1) / Math.sqrt(2.0 * n);
System.out.printf("mean error %.2f SE, std error %.2f SE%n", Math.abs(m1 - pair.mean(1)) / seM, Math.abs(s1 - pair.std(1)) / seS);
if (Math.abs(m1 - pair.mean(1)) > 4 * seM || Math.abs(s1 - pair.std(1)) > 4 * seS)
    throw new IllegalStateException("push-forward of particles disagrees with the exact density");
"""),
("md", r"""
## 3 · The weak form with a test function

Take $\varphi(x) = \sin(2x)$. The left side $\frac{d}{dt}\mathbb E\varphi(X_t)$ is a central difference of particle
averages at $t \pm \delta$ (the **same** particles, moved by the exact flow, so the Monte Carlo noise cancels);
the right side is the particle average of $\varphi'(X_t)\,v(X_t)$. Both are compared with the exact values,
computed by quadrature against $p_t$.
"""),
("code", r"""
DoubleUnaryOperator phi = y -> Math.sin(2 * y), dphi = y -> 2 * Math.cos(2 * y);
double t = 0.5, delta = 1e-3;
double[] xa = Arrays.stream(col(x0)).map(y -> pair.flow(t - delta, y)).toArray();
double[] xb = Arrays.stream(col(x0)).map(y -> pair.flow(t + delta, y)).toArray();
double[] xt = Arrays.stream(col(x0)).map(y -> pair.flow(t, y)).toArray();
double lhs = (mean(Arrays.stream(xb).map(phi).toArray()) - mean(Arrays.stream(xa).map(phi).toArray())) / (2 * delta);
double rhs = mean(Arrays.stream(xt).map(y -> dphi.applyAsDouble(y) * pair.velocity(t, y)).toArray());
// exact: quadrature of the same integrals against p_t (trapezoid on a fine grid)
double[] g = Grid.uniform(-6, 6, 4001);
double dg = g[1] - g[0];
double quadLhs = 0, quadRhs = 0;
for (double y : g) {
    quadLhs += phi.applyAsDouble(y) * (pair.density(t + delta, y) - pair.density(t - delta, y)) / (2 * delta) * dg;
    quadRhs += dphi.applyAsDouble(y) * pair.velocity(t, y) * pair.density(t, y) * dg;
}
System.out.printf("d/dt E φ(X_t): particles %.5f, quadrature %.5f%n", lhs, quadLhs);
System.out.printf("E[φ'(X_t) v(X_t)]: particles %.5f, quadrature %.5f%n", rhs, quadRhs);
"""),
("md", r"""
**Check.** Particles: left = right up to the $O(\delta^2)$ difference error (same particles). Quadrature: left =
right to $10^{-4}$ (the same $O(\delta^2)$ difference error). Particles vs quadrature: within Monte Carlo error ($\approx 0.05$ here).
"""),
("code", r"""
if (Math.abs(lhs - rhs) > 1e-4) throw new IllegalStateException("weak form fails on the particles");
if (Math.abs(quadLhs - quadRhs) > 1e-4) throw new IllegalStateException("weak form fails for the density");
if (Math.abs(rhs - quadRhs) > 0.05) throw new IllegalStateException("particles and density disagree");
System.out.println("weak form of the continuity equation holds for φ(x) = sin(2x)");
"""),
("md", r"""
## 4 · The residual on a grid

For a smooth pair we can check the strong form directly. `ContinuityResidual.residual1D` computes

$$r_i = \frac{p_i(t+\Delta t) - p_i(t-\Delta t)}{2\Delta t} + \frac{(p v)_{i+1} - (p v)_{i-1}}{2\Delta x},$$

which is $O(\Delta t^2 + \Delta x^2)$ for an exact solution and $O(1)$ otherwise. The right panel halves $\Delta x = \Delta t$
repeatedly: the residual falls with slope 2 — the signature of a true solution and a second-order stencil.
"""),
("code", r"""
Figures.draw("02-ce-residual")
"""),
("code", r"""
double[] xs = Grid.uniform(-3.5, 2.5, 481);
double dx = xs[1] - xs[0], dt = 1e-3;
double[] pm = Grid.sample(pair::density, t - dt, xs), p = Grid.sample(pair::density, t, xs), pp = Grid.sample(pair::density, t + dt, xs);
double scale = maxAbs(Grid.timeDerivative(pm, pp, dt));
double rTrue = maxAbs(ContinuityResidual.residual1D(pm, p, pp, Grid.sample(pair::velocity, t, xs), dt, dx));
// a wrong field: forget the constant part b
double rWrong = maxAbs(ContinuityResidual.residual1D(pm, p, pp, Grid.sample((s, y) -> pair.a() * y, t, xs), dt, dx));
System.out.printf("max|∂_t p| = %.3f;  max residual: true field %.2e, field without b %.3f%n", scale, rTrue, rWrong);
if (rTrue > 0.01 * scale || rWrong < 0.3 * scale) throw new IllegalStateException("CE residual does not separate the right field from the wrong one");
"""),
("md", r"""
## 5 · SDEs: the Fokker–Planck equation

For $dX_t = f(t, X_t)\,dt + g(t)\,dW_t$ the densities satisfy the **Fokker–Planck equation** (seeds 003, 004)

$$\partial_t p_t = -\nabla\cdot(f\,p_t) + \tfrac12 g(t)^2 \Delta p_t
= -\nabla\cdot\Big(\big(\underbrace{f - \tfrac12 g^2 \nabla\log p_t}_{v_t}\big)\,p_t\Big).$$

So an SDE's marginals *also* solve a continuity equation, with the deterministic **probability-flow velocity**
$v_t = f - \tfrac12 g^2\nabla\log p_t$: the ODE $\dot x = v_t(x)$ has the same marginals as the SDE.
The ½ comes from Itô's formula: $d\varphi(X) = \varphi'(X)\,dX + \tfrac12\varphi''(X)\,g^2 dt$.

> **Erratum (seed 000, "Fokker Planck Equation").** The slide reads
> $\partial_t p_t = -\nabla\cdot(f p_t) + g(t)^2\Delta p_t$ with $v_t = f - g(t)^2\nabla_x\log p_t$.
> **Correct:** $\partial_t p_t = -\nabla\cdot(f p_t) + \tfrac12 g(t)^2\Delta p_t$ with $v_t = f - \tfrac12 g(t)^2\nabla\log p_t$
> (as in seeds 003 and 004). The check below shows the exact OU density satisfies the version with ½ and violates the one without.

Test case: OU, $f(x) = -x$, $g = 1$, from $\mathcal N(2, 0.3^2)$, with exact Gaussian marginals (`OuGaussianCurve`).
Seed 000's version is the ½-version with $g$ replaced by $\sqrt2\,g$.
"""),
("code", r"""
OuGaussianCurve ou = Chapter02Figures.ouCurve();
double tf = 0.3, dtf = 1e-3;
double[] xf = Grid.uniform(-1, 4, 401);
double dxf = xf[1] - xf[0];
double[] qm = Grid.sample(ou::density, tf - dtf, xf), q = Grid.sample(ou::density, tf, xf), qp = Grid.sample(ou::density, tf + dtf, xf);
double[] drift = Arrays.stream(xf).map(ou::drift).toArray();
double scaleF = maxAbs(Grid.timeDerivative(qm, qp, dtf));
double rHalf = maxAbs(FokkerPlanckResidual.residual1D(qm, q, qp, drift, ou.sigma(), dtf, dxf));
double rSeed000 = maxAbs(FokkerPlanckResidual.residual1D(qm, q, qp, drift, Math.sqrt(2) * ou.sigma(), dtf, dxf));
System.out.printf("max|∂_t p| = %.3f;  residual with ½g²Δp: %.2e;  with g²Δp (seed 000): %.3f%n", scaleF, rHalf, rSeed000);
"""),
("code", r"""
Figures.draw("02-fokker-planck-half")
"""),
("md", r"""
**Check.** With ½ the residual is at discretisation level ($< 10^{-3}$ of $\max|\partial_t p|$); without it, it is
a sizeable fraction of $\partial_t p$. Second check: the probability-flow velocity
$v = f - \tfrac12 g^2\,\partial_x \log p_t$ (here $\partial_x\log p_t = -(x - m_t)/v_t$) makes the *continuity*
residual vanish too.
"""),
("code", r"""
double mt = ou.mean(tf), vt = ou.variance(tf), g2 = ou.sigma() * ou.sigma();
double[] vPf = Arrays.stream(xf).map(y -> ou.drift(y) - 0.5 * g2 * (-(y - mt) / vt)).toArray();
double rPf = maxAbs(ContinuityResidual.residual1D(qm, q, qp, vPf, dtf, dxf));
System.out.printf("continuity residual with the probability-flow velocity: %.2e%n", rPf);
if (rHalf > 1e-3 * scaleF) throw new IllegalStateException("OU density should solve Fokker–Planck with ½");
if (rSeed000 < 0.1 * scaleF) throw new IllegalStateException("the version without ½ should fail");
if (rPf > 1e-3 * scaleF) throw new IllegalStateException("probability-flow velocity should solve the CE");
"""),
("md", r"""
## 6 · The Langevin SDE is the Wasserstein gradient flow of KL

A **Wasserstein gradient flow** of a functional $\mathcal F$ on $\mathcal P_2$ (seeds 000, 002) is the absolutely
continuous curve whose velocity is the negative Wasserstein gradient, $v_t = -\nabla \frac{\delta\mathcal F}{\delta\mu}(\mu_t)$:

$$\partial_t p_t = \nabla\cdot\Big(p_t\,\nabla\frac{\delta\mathcal F}{\delta\mu}(p_t)\Big).$$

For $\mathcal F(\mu) = \mathrm{KL}(\mu\,\|\,\nu) = \int p\log p - \int p \log q$ the first variation is
$\frac{\delta\mathcal F}{\delta\mu} = 1 + \log p - \log q$, so $v_t = \nabla\log q - \nabla\log p_t$ and

$$\partial_t p_t = \nabla\cdot(p_t\nabla\log p_t) - \nabla\cdot(p_t\nabla\log q) = \Delta p_t - \nabla\cdot(p_t\nabla\log q),$$

the Fokker–Planck equation of the **Langevin SDE** $dX = \nabla\log q(X)\,dt + \sqrt2\,dW$ (f = ∇log q, ½g² = 1).
Along the flow the KL decreases at the rate of the (relative) Fisher information:
$\frac{d}{dt}\mathrm{KL}(p_t\|q) = -\mathbb E_{p_t}|\nabla\log(p_t/q)|^2$.

> **Erratum (seed 000, "Wasserstein gradient flow").** The slide writes $\nabla\delta\mathcal F(p_t) = \frac1{p_t}\nabla p_t - \log q$
> and matches the result to its Fokker–Planck equation with $g = 1$. **Correct:** $\nabla\delta\mathcal F(p_t) = \frac1{p_t}\nabla p_t - \nabla\log q$,
> and with the correct Fokker–Planck equation ($\tfrac12 g^2\Delta p$) the noise is $g = \sqrt2$ — exactly the $\sqrt2$ of the Langevin SDE in chapter 01.

**OU example.** $q = \mathcal N(0,1)$: $\nabla\log q = -x$, so the KL flow is OU with $\theta = 1$, $\sigma = \sqrt2$.
For $p_t = \mathcal N(m, v)$: $\mathrm{KL}(p_t\|q) = \tfrac12(v + m^2 - 1 - \log v)$ and
$\mathbb E|\nabla\log(p_t/q)|^2 = m^2 + v - 2 + 1/v$.
"""),
("code", r"""
OuGaussianCurve kl = new OuGaussianCurve(1.0, Math.sqrt(2), 2.0, 0.3);
DoubleUnaryOperator klDiv = s -> 0.5 * (kl.variance(s) + kl.mean(s) * kl.mean(s) - 1 - Math.log(kl.variance(s)));
DoubleUnaryOperator fisher = s -> kl.mean(s) * kl.mean(s) + kl.variance(s) - 2 + 1 / kl.variance(s);
double[] ts = Grid.uniform(0.0, 3.0, 61);
XYChart klChart = Plots.lines("KL(p_t ‖ N(0,1)) along the Langevin / OU flow", "t", "value", AxisScale.LOG_Y,
        Curve.of("KL(p_t ‖ q)", ts, Arrays.stream(ts).map(klDiv).toArray()),
        Curve.of("Fisher information E|∇log(p_t/q)|²", ts, Arrays.stream(ts).map(fisher).toArray()));
klChart
"""),
("md", r"""
**Check.** (a) The gradient-flow velocity $v_t = \nabla\log q - \nabla\log p_t = -x + (x - m_t)/v_t$ solves the continuity
equation for the OU marginals (residual on a grid); (b) the dissipation identity $\frac{d}{dt}\mathrm{KL} = -\text{Fisher}$
holds at $t = 0.5$ (central difference).
"""),
("code", r"""
double tk = 0.5, dtk = 1e-3;
double[] km = Grid.sample(kl::density, tk - dtk, xf), k0 = Grid.sample(kl::density, tk, xf), kp = Grid.sample(kl::density, tk + dtk, xf);
double mk = kl.mean(tk), vk = kl.variance(tk);
double[] vWgf = Arrays.stream(xf).map(y -> -y + (y - mk) / vk).toArray();
double rWgf = maxAbs(ContinuityResidual.residual1D(km, k0, kp, vWgf, dtk, dxf));
double scaleK = maxAbs(Grid.timeDerivative(km, kp, dtk));
double dKl = (klDiv.applyAsDouble(tk + dtk) - klDiv.applyAsDouble(tk - dtk)) / (2 * dtk);
System.out.printf("CE residual of the KL gradient flow: %.2e (max|∂_t p| = %.3f)%n", rWgf, scaleK);
System.out.printf("dKL/dt = %.6f, −Fisher = %.6f%n", dKl, -fisher.applyAsDouble(tk));
if (rWgf > 1e-3 * scaleK) throw new IllegalStateException("KL gradient-flow velocity should solve the CE");
if (Math.abs(dKl + fisher.applyAsDouble(tk)) > 1e-5) throw new IllegalStateException("dissipation identity fails");
"""),
("md", r"""
## 7 · Reversing a flow

If $X_t$ follows $\dot X_t = v_t(X_t)$ on $[0,1]$, then $Y_s = X_{1-s}$ follows

$$\dot Y_s = -v_{1-s}(Y_s),$$

and its laws $p_{1-s}$ solve the continuity equation with velocity $-v_{1-s}$. Integrating the reverse field from
$Y_0 = X_1$ over $s \in [0, 1]$ therefore recovers $X_0$ — up to the ODE solver's error. This is how a flow model
samples: it learns $v$ from data to noise or back and integrates in the direction it needs.
(For an SDE, reversing time is *not* just flipping the drift: the reverse drift needs the score — chapter 05.)
"""),
("code", r"""
VectorField swirl = Chapter02Figures.swirl();
double[][] z0 = new double[300][2];
RandomGenerator rngR = Rngs.seeded(4);
for (double[] r : z0) { r[0] = 1.5 + 0.3 * rngR.nextGaussian(); r[1] = 0.3 * rngR.nextGaussian(); }
double[][] z1 = new RungeKutta4().integrate(swirl, z0, 0, 1, 100);
double[][] zBack = new RungeKutta4().integrate(Chapter02Figures.reverse(swirl), z1, 0, 1, 100);
double backErr = 0, moved = 0;
for (int i = 0; i < z0.length; i++) for (int j = 0; j < 2; j++) {
    backErr = Math.max(backErr, Math.abs(zBack[i][j] - z0[i][j]));
    moved = Math.max(moved, Math.abs(z1[i][j] - z0[i][j]));
}
System.out.printf("particles moved up to %.3f; after the reverse flow they are back within %.2e%n", moved, backErr);
if (backErr > 1e-6) throw new IllegalStateException("reverse flow does not return to the start");
"""),
("code", r"""
Figures.draw("02-reverse-flow")
"""),
("md", r"""
## Summary

| statement | formula | checked by |
|---|---|---|
| continuity equation | $\partial_t p + \nabla\cdot(p v) = 0$ | push-forward vs density, weak form, `ContinuityResidual` |
| Fokker–Planck | $\partial_t p = -\nabla\cdot(f p) + \tfrac12 g^2 \Delta p$ | `FokkerPlanckResidual` (½ needed) |
| probability flow | $v = f - \tfrac12 g^2\nabla\log p$ | CE residual |
| KL gradient flow | $v = \nabla\log q - \nabla\log p$ = Langevin, $g = \sqrt2$ | CE residual, $\dot{\mathrm{KL}} = -$Fisher |
| reverse flow | $-v_{1-t}$ | integrate forward and back |

Next (03): Tweedie's formula — how the score of a noised distribution encodes a denoiser.
Exercises: `exercises/02_continuity_equation.ipynb`.
"""),
]

def todo(stub, solution):
    return ("todo", stub, solution)

exercise = [
("md", r"""
# 02 · Exercises: the continuity equation

Fill in each cell marked `// TODO`, then run the **check** cell below it. Lecture: `notebooks/02_continuity_equation.ipynb`.

1. The velocity field that moves a Gaussian along a prescribed curve $\mathcal N(m_t, s_t^2)$ — checked with the CE residual.
2. The right-hand side of the weak form, $\mathbb E[\varphi'(X_t)\,v(X_t)]$, from particles.
3. Predict, then check: the Langevin noise level that leaves $\mathcal N(0,1)$ invariant.
4. The reverse flow $-v_{1-t}$.
"""),
("code", IMPORTS),
("code", HELPERS),
("md", r"""
## Exercise 1 · A velocity for a moving Gaussian

Any smooth curve $p_t = \mathcal N(m_t, s_t^2)$ (with $s_t > 0$) is generated by an affine field: write
$X_t = m_t + s_t Z$ with $Z \sim \mathcal N(0,1)$ fixed, differentiate in $t$ and express $Z$ through $X_t$.
Implement $v_t(x)$ from $m_t, \dot m_t, s_t, \dot s_t$.

The check takes $m_t = \sin t$, $s_t = 1 + t^2/2$ and requires the continuity residual on a grid to vanish
(to discretisation error).
"""),
todo(r"""
double gaussianVelocity(double m, double mDot, double s, double sDot, double x) {
    // TODO: the velocity at x that moves N(m_t, s_t²); this placeholder returns 0
    return 0.0;
}
""", r"""
double gaussianVelocity(double m, double mDot, double s, double sDot, double x) {
    return mDot + sDot / s * (x - m);   // Ẋ = ṁ + ṡ Z, Z = (X − m)/s
}
"""),
("code", r"""
DoubleBinaryOperator dens = (t, x) -> {
    double m = Math.sin(t), s = 1 + t * t / 2, z = (x - m) / s;
    return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
};
double t1 = 0.7, dt1 = 1e-3;
double[] xs = Grid.uniform(-5, 6, 221);
double dx1 = xs[1] - xs[0];
double[] vel = Arrays.stream(xs).map(x -> gaussianVelocity(Math.sin(t1), Math.cos(t1), 1 + t1 * t1 / 2, t1, x)).toArray();
double[] pm = Grid.sample(dens, t1 - dt1, xs), p = Grid.sample(dens, t1, xs), pp = Grid.sample(dens, t1 + dt1, xs);
double res = maxAbs(ContinuityResidual.residual1D(pm, p, pp, vel, dt1, dx1));
double scale = maxAbs(Grid.timeDerivative(pm, pp, dt1));
Check.between("continuity residual / max|∂_t p|", res / scale, 0, 1e-2,
        "the residual is not small: the field does not transport N(m_t, s_t²); differentiate X_t = m_t + s_t Z");
""", ["check"]),
("md", r"""
## Exercise 2 · The weak form from particles

For particles $X_t^{(i)}$ and a test function $\varphi$, estimate $\mathbb E[\varphi'(X_t)\,v_t(X_t)]$ — the right-hand side
of $\frac{d}{dt}\mathbb E\varphi(X_t) = \mathbb E[\varphi'(X_t) v_t(X_t)]$. The check moves 5,000 particles with the exact
flow of $v(x) = -x + 2$ and compares your estimate with a central difference of $\mathbb E\varphi(X_{t\pm\delta})$ for
$\varphi = \cos$.
"""),
todo(r"""
double weakFormRhs(double[] x, DoubleUnaryOperator dphi, DoubleUnaryOperator v) {
    // TODO: the particle average of φ'(x_i)·v(x_i); this placeholder returns 0
    return 0.0;
}
""", r"""
double weakFormRhs(double[] x, DoubleUnaryOperator dphi, DoubleUnaryOperator v) {
    double s = 0;
    for (double xi : x) s += dphi.applyAsDouble(xi) * v.applyAsDouble(xi);
    return s / x.length;
}
"""),
("code", r"""
LinearFlowGaussian pair = Chapter02Figures.pair();
RandomGenerator rng = Rngs.seeded(12);
double[] start = new double[5000];
for (int i = 0; i < start.length; i++) start[i] = -1.5 + 0.6 * rng.nextGaussian();
double t2 = 0.4, d2 = 1e-3;
double[] at = Arrays.stream(start).map(y -> pair.flow(t2, y)).toArray();
double lhs = (mean(Arrays.stream(start).map(y -> Math.cos(pair.flow(t2 + d2, y))).toArray())
            - mean(Arrays.stream(start).map(y -> Math.cos(pair.flow(t2 - d2, y))).toArray())) / (2 * d2);
double rhs = weakFormRhs(at, y -> -Math.sin(y), y -> pair.velocity(t2, y));
Check.close("E[φ'(X_t) v(X_t)] against d/dt E φ(X_t)", rhs, lhs, 1e-4,
        "average φ'(x)·v(x) over the particles (φ' = −sin for φ = cos)");
""", ["check"]),
("md", r"""
## Exercise 3 · Predict, then check: the Langevin noise level

Seed 000 pairs the KL gradient flow with $dX = \nabla\log q(X)\,dt + g\,dW$ and $g = 1$. Using the Fokker–Planck
equation with $\tfrac12 g^2\Delta p$, **predict** the $g$ for which $q = \mathcal N(0,1)$ ($\nabla\log q = -x$) is stationary:
set $\partial_t q = 0$ in $\partial_t q = \partial_x(x\,q) + \tfrac12 g^2 \partial_{xx} q$ and use $q'' = (x^2 - 1)q$.

The check evaluates the Fokker–Planck residual of the *stationary* $q$ with your $g$ on a grid, and runs
Euler–Maruyama with your $g$ to compare the long-time variance with 1.
"""),
todo(r"""
double langevinNoise() {
    // TODO: the g that makes N(0,1) stationary for dX = −X dt + g dW; this placeholder returns 0
    return 0.0;
}
""", r"""
double langevinNoise() {
    return Math.sqrt(2);   // ½ g² = 1
}
"""),
("code", r"""
double gL = langevinNoise();
double[] xq = Grid.uniform(-4, 4, 161);
double[] q = Arrays.stream(xq).map(y -> Math.exp(-0.5 * y * y) / Math.sqrt(2 * Math.PI)).toArray();
double[] f = Arrays.stream(xq).map(y -> -y).toArray();
double rq = maxAbs(FokkerPlanckResidual.residual1D(q, q, q, f, gL, 1.0, xq[1] - xq[0]));
Check.between("Fokker–Planck residual of N(0,1) with your g", rq, 0, 1e-3,
        "∂_x(x q) + ½ g² q'' must vanish for every x; with q'' = (x² − 1) q this fixes g");
double[][] y0 = new double[4000][1];
double[][] yT = new EulerMaruyama().integrate(Sde.of((t, x) -> { double[][] o = new double[x.length][1];
        for (int i = 0; i < x.length; i++) o[i][0] = -x[i][0]; return o; }, t -> gL), y0, 0, 8, 800, Rngs.seeded(13));
double varY = Arrays.stream(yT).mapToDouble(r -> r[0] * r[0]).average().orElseThrow();
Check.close("long-time variance of the Langevin SDE", varY, 1.0, 0.1, "the stationary variance of OU is g²/2");
""", ["check"]),
("md", r"""
## Exercise 4 · The reverse flow

Given a field $v_t$ on $[0,1]$, return the field $w_s(x) = -v_{1-s}(x)$. Integrating $w$ from $X_1$ over $s \in [0,1]$
must bring every particle back to $X_0$.
"""),
todo(r"""
VectorField reverseField(VectorField v) {
    // TODO: the field (s, x) -> −v(1 − s, x); this placeholder returns v unchanged
    return v;
}
""", r"""
VectorField reverseField(VectorField v) {
    return (s, x) -> {
        double[][] f = v.apply(1 - s, x);
        double[][] out = new double[f.length][f[0].length];
        for (int i = 0; i < f.length; i++) for (int j = 0; j < f[0].length; j++) out[i][j] = -f[i][j];
        return out;
    };
}
"""),
("code", r"""
VectorField swirl = Chapter02Figures.swirl();
double[][] z0 = new double[200][2];
RandomGenerator rz = Rngs.seeded(14);
for (double[] r : z0) { r[0] = rz.nextGaussian(); r[1] = rz.nextGaussian(); }
double[][] z1 = new RungeKutta4().integrate(swirl, z0, 0, 1, 100);
double[][] back = new RungeKutta4().integrate(reverseField(swirl), z1, 0, 1, 100);
Check.close("particles after the forward and the reverse flow", back, z0, 1e-6,
        "the reverse flow must run time backwards (1 − s) and flip the sign of v");
""", ["check"]),
("md", r"""
Done: you built a transporting field from scratch, estimated the weak form from particles, fixed the seed's
Langevin noise level with the Fokker–Planck equation and reversed a flow.
"""),
]

def variant(cells, solved):
    return [("code", c[2] if solved else c[1]) if c[0] == "todo" else c for c in cells]

nb.write_chapter(ROOT, NAME, lecture, lambda solved: variant(exercise, solved))
