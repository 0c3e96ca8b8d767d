"""Generator of notebooks/04_flow_matching.ipynb (lecture) and exercises/ + solutions/04_flow_matching.ipynb.
Usage: /usr/bin/python3 scripts/notebook_src/04_flow_matching.py   (writes all three, paths relative to the repo)"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__) + "/..")
import nb

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

IMPORTS = r"""
import genflow.course.*;
import genflow.dist.*;
import genflow.loss.ConditionalFlowMatching;
import genflow.metrics.*;
import genflow.nn.*;
import genflow.ode.*;
import genflow.ot.Couplings;
import genflow.path.*;
import genflow.plot.*;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import genflow.table.Tables;
import org.knowm.xchart.*;
import tech.tablesaw.api.*;
import java.util.random.RandomGenerator;
"""

# ---------------------------------------------------------------------------------------------- lecture
LECTURE = [
("md", r"""
# 04 · Flow matching

We want a velocity field $v_\theta(t,x)$ whose ODE $\dot x = v_\theta(t,x)$ carries noise $x_0\sim p_0=\mathcal N(0,I)$
at $t=0$ to data $x_1\sim p_1$ at $t=1$ (**time direction of this chapter: $t=0$ noise, $t=1$ data**).
Flow matching (Lipman et al. 2023; Liu et al. 2023; Albergo & Vanden-Eijnden 2023) learns it by plain regression,
without ever simulating the ODE during training.

**Learning goals.** After this notebook you can
1. write down a *conditional* path $x_t=(1-t)x_0+t x_1$ and its conditional velocity, and explain the
   **marginalization trick** that turns conditional velocities into the marginal one;
2. show numerically that the **conditional** flow-matching loss (computable) and the flow-matching loss
   (not computable) differ by a constant, so they have the same minimiser;
3. train an MLP with `ConditionalFlowMatching` and sample from it with an ODE solver;
4. compare the **independent** and the **minibatch-OT** coupling by straightness (normalized path energy)
   and sample quality (W2, energy distance);
5. measure how learned and exact velocities differ, and what few-step solvers cost in quality.

Material: seed 000 (Steidl & Chemseddine, "flow matching", "conditioned velocity fields from couplings"),
seed 003 (Isachenko, lecture 13: CFM, conical Gaussian paths, rectified flows), seed 004 (MIT 6.S184 notes,
Theorem 2.1 "marginalization trick", Gaussian paths).
"""),
("code", IMPORTS),
("md", r"""
## 1 · Conditional paths

Fix a data point $x_1$. The **conditional path** starts at noise and ends exactly at $x_1$:

$$x_t = (1-t)\,x_0 + t\,x_1,\qquad x_0\sim\mathcal N(0,I),\qquad\text{i.e.}\quad p_t(x\mid x_1)=\mathcal N\big(t x_1,(1-t)^2 I\big).$$

Differentiating, $\dot x_t = x_1-x_0$; eliminating $x_0=(x_t-t x_1)/(1-t)$ gives the **conditional velocity**
as a field in $x$:

$$u_t(x\mid x_1)=\frac{x_1-x}{1-t}\qquad (0\le t<1).$$

Every particle of the conditional path flies in a straight line at constant speed to $x_1$.
`GaussianPath` with the `LinearSchedule` ($\alpha_t=t$, $\beta_t=1-t$) implements exactly this.
"""),
("code", r"""
GaussianPath path = new GaussianPath(new LinearSchedule());
double[][] x1One = {{3.0, 1.0}};                        // one data point
double[][] x0s = Gaussian.standard(2).sample(2000, Rngs.seeded(1));
double[][] x1s = new double[2000][];
Arrays.fill(x1s, x1One[0]);
double t = 0.5;
double[][] xt = path.interpolate(t, x1s, x0s);         // x_t = t x1 + (1 - t) x0
double[][] u = path.conditionalVelocity(t, xt, x1s);    // (x1 - x_t)/(1 - t)
double maxDev = 0;
for (int i = 0; i < xt.length; i++)
    for (int j = 0; j < 2; j++) maxDev = Math.max(maxDev, Math.abs(u[i][j] - (x1s[i][j] - x0s[i][j])));
double sd = Math.sqrt(Arrays.stream(xt).mapToDouble(p -> (p[0] - t * 3.0) * (p[0] - t * 3.0)).average().getAsDouble());
System.out.printf("max |u_t(x_t|x1) - (x1 - x0)| = %.2e   (should be ~1e-15)%n", maxDev);
System.out.printf("std of x_t given x1 at t = %.1f: %.4f   (sigma_t = 1 - t = %.4f; sigma_t^2 = %.4f)%n", t, sd, 1 - t, (1 - t) * (1 - t));
if (maxDev > 1e-12 || Math.abs(sd - (1 - t)) > 0.03) throw new IllegalStateException("conditional path check failed");
"""),
("md", r"""
> **Erratum (seed 003, "Gaussian conditional probability path").** The slides write
> $x_t=\mu_t(x_1)+\sigma_t^2(x_1)\odot x_0$ next to $p_t(x\mid x_1)=\mathcal N(\mu_t(x_1),\sigma_t^2(x_1))$.
> The reparametrisation must use the standard deviation: $x_t=\mu_t(x_1)+\sigma_t(x_1)\odot x_0$.
> The check above measures the spread of $x_t$ given $x_1$ at $t=0.5$: it is $\sigma_t=0.5$, not $\sigma_t^2=0.25$,
> and only with $\sigma_t$ does $\dot x_t=\mu_t'+\sigma_t' x_0$ reproduce the slide's own
> $f(x,x_1,t)=\mu_t'+\frac{\sigma_t'}{\sigma_t}(x-\mu_t)=\frac{x_1-x}{1-t}$.
"""),
("md", r"""
## 2 · The marginalization trick

Averaging the conditional paths over the data, $p_t(x)=\int p_t(x\mid x_1)\,p_1(x_1)\,dx_1$, gives a path of densities
from $p_0=\mathcal N(0,I)$ to $p_1$. Seed 004 (Theorem 2.1) and seed 003 ("Theorem") show that it is generated by the
**marginal velocity**, the posterior average of the conditional velocities:

$$u_t(x)=\mathbb E\big[u_t(x\mid X_1)\,\big|\,X_t=x\big]=\int \frac{x_1-x}{1-t}\;\frac{p_t(x\mid x_1)\,p_1(x_1)}{p_t(x)}\,dx_1 .$$

Proof in one line: $\partial_t p_t=\int\partial_t p_t(\cdot\mid x_1)p_1\,dx_1=-\int\operatorname{div}\big(u_t(\cdot\mid x_1)p_t(\cdot\mid x_1)\big)p_1\,dx_1=-\operatorname{div}(u_t p_t)$.

For a Gaussian-mixture target everything is closed form: `GmmMarginal` computes $u_t(x)$ exactly. We check it against a
Monte-Carlo version of the integral: draw $x_1^{(j)}\sim p_1$ and weight $(x_1^{(j)}-x)/(1-t)$ by $p_t(x\mid x_1^{(j)})$
(self-normalized importance sampling). We evaluate at typical points of $p_t$: far from the data the weights degenerate
(one $x_1^{(j)}$ takes all the weight) and the estimate becomes useless — that is why we *learn* $u_t$ instead.
"""),
("code", r"""
GaussianMixture eight = ToyData.eightGaussians();
GmmMarginal exact = new GmmMarginal(eight, new LinearSchedule());
double[][] data = eight.sample(20000, Rngs.seeded(2));

double[] mcVelocity(double t, double[] x, double[][] x1) {
    double[] logw = new double[x1.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < x1.length; j++) { logw[j] = path.conditionalLogDensity(t, x, x1[j]); max = Math.max(max, logw[j]); }
    double[] v = new double[2];
    double z = 0;
    for (int j = 0; j < x1.length; j++) {
        double w = Math.exp(logw[j] - max);
        z += w;
        for (int k = 0; k < 2; k++) v[k] += w * (x1[j][k] - x[k]) / (1 - t);
    }
    return new double[]{v[0] / z, v[1] / z};
}

double worst = 0;
for (double tt : new double[]{0.25, 0.5, 0.75}) {
    double[] x = exact.marginal(tt).sample(1, Rngs.seeded(9))[0];      // a typical point of p_t
    double[] mc = mcVelocity(tt, x, data), ex = exact.velocity(tt, x);
    worst = Math.max(worst, Math.hypot(mc[0] - ex[0], mc[1] - ex[1]));
    System.out.printf("t = %.2f  x = (%5.2f, %5.2f):  Monte Carlo u = (%7.4f, %7.4f)   GmmMarginal u = (%7.4f, %7.4f)%n",
            tt, x[0], x[1], mc[0], mc[1], ex[0], ex[1]);
}
if (worst > 0.1) throw new IllegalStateException("marginal velocity differs from its Monte Carlo estimate by " + worst);
"""),
("md", r"""
The exact field transports the noise to the eight modes. Particles never cross: at each $(t,x)$ there is one velocity,
although the conditional straight lines they average over cross all the time. (The animation is computed with the exact
$u_t$ and RK4, no learning involved.)
"""),
("code", r"""
Figures.draw("04-marginal-velocity")
"""),
("code", r"""
Figures.get("04-particles-flow")
"""),
("md", r"""
## 3 · Flow matching = conditional flow matching + constant

The loss we *want* is the **flow-matching** loss, the regression onto the unknown marginal velocity; the loss we *can*
compute is the **conditional** one, regression onto the conditional target $x_1-x_0$:

$$\mathcal L_{\rm FM}(v)=\mathbb E_{t,\,x\sim p_t}\|v(t,x)-u_t(x)\|^2,\qquad
\mathcal L_{\rm CFM}(v)=\mathbb E_{t,\,x_0,\,x_1}\|v(t,x_t)-(x_1-x_0)\|^2 ,\quad t\sim U[0,1].$$

Expanding the squares (seed 000, "Rewriting the loss function"): the $\|v\|^2$ terms agree, and the cross terms agree
because $u_t(x)=\mathbb E[x_1-x_0\mid x_t=x]$. Hence

$$\mathcal L_{\rm CFM}(v)=\mathcal L_{\rm FM}(v)+C,\qquad C=\mathbb E\|x_1-x_0\|^2-\mathbb E\|u_t(x_t)\|^2=\mathcal L_{\rm CFM}(u)\quad\text{(independent of }v).$$

We estimate both losses by Monte Carlo with the same draws $(t,x_0,x_1)$ for four fixed fields, one of them the exact
$u_t$ itself. The difference must be the same number $C$ for all of them (up to Monte-Carlo error).
"""),
("code", r"""
int nMc = 20000;
RandomGenerator rngMc = Rngs.seeded(3);
double[] ts = new double[nMc];
for (int i = 0; i < nMc; i++) ts[i] = rngMc.nextDouble();
double[][] mcX0 = Gaussian.standard(2).sample(nMc, rngMc), mcX1 = eight.sample(nMc, rngMc);
double[][] mcXt = new double[nMc][2], mcU = new double[nMc][];
for (int i = 0; i < nMc; i++) {
    for (int k = 0; k < 2; k++) mcXt[i][k] = (1 - ts[i]) * mcX0[i][k] + ts[i] * mcX1[i][k];
    mcU[i] = exact.velocity(ts[i], mcXt[i]);
}
// a field evaluated at draw i, i.e. v(t_i, x_{t_i}); u_t at the draws is precomputed in mcU
record Field(String name, IntFunction<double[]> v) {}
List<Field> fields = List.of(
    new Field("zero field", i -> new double[]{0, 0}),
    new Field("v = -x", i -> new double[]{-mcXt[i][0], -mcXt[i][1]}),
    new Field("v = 0.5 u_t", i -> new double[]{0.5 * mcU[i][0], 0.5 * mcU[i][1]}),
    new Field("exact u_t", i -> mcU[i]));
var lossTable = Tables.results("Monte Carlo estimates, n = 20,000", "field", "L_FM", "L_CFM", "L_CFM - L_FM", "std error of difference vs exact u");
double[] diffs = new double[fields.size()], errs = new double[fields.size()];
for (int f = 0; f < fields.size(); f++) {
    double fm = 0, cfm = 0, s = 0, s2 = 0;
    for (int i = 0; i < nMc; i++) {
        double[] v = fields.get(f).v().apply(i);
        double a = 0, b = 0, c = 0;
        for (int k = 0; k < 2; k++) {
            double target = mcX1[i][k] - mcX0[i][k];
            a += (v[k] - mcU[i][k]) * (v[k] - mcU[i][k]);
            b += (v[k] - target) * (v[k] - target);
            c += (mcU[i][k] - target) * (mcU[i][k] - target);
        }
        fm += a; cfm += b;
        double dd = (b - a) - c;                      // per-draw difference to the exact field's difference
        s += dd; s2 += dd * dd;
    }
    fm /= nMc; cfm /= nMc;
    diffs[f] = cfm - fm;
    errs[f] = Math.sqrt((s2 / nMc - (s / nMc) * (s / nMc)) / nMc);
    lossTable.row(fields.get(f).name(), fm, cfm, diffs[f], errs[f]);
}
double cConst = diffs[fields.size() - 1];
lossTable.build()
"""),
("code", r"""
System.out.printf("C = L_CFM(u) = %.4f;  E|x1 - x0|^2 = %.4f (closed form 2 + r^2 + 2 sigma^2 = %.4f)%n", cConst,
        Arrays.stream(IntStream.range(0, nMc).mapToDouble(i -> Math.pow(mcX1[i][0] - mcX0[i][0], 2) + Math.pow(mcX1[i][1] - mcX0[i][1], 2)).toArray()).average().getAsDouble(),
        2 + ToyData.EIGHT_GAUSSIANS_RADIUS * ToyData.EIGHT_GAUSSIANS_RADIUS + 2 * ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD);
for (int f = 0; f < fields.size(); f++) {
    double z = Math.abs(diffs[f] - cConst) / Math.max(errs[f], 1e-12);
    System.out.printf("%-12s  L_CFM - L_FM - C = %+.4f  (%.1f standard errors)%n", fields.get(f).name(), diffs[f] - cConst, z);
    if (z > 4) throw new IllegalStateException(fields.get(f).name() + ": L_CFM - L_FM is not the constant C");
}
"""),
("md", r"""
The FM loss ranges from 0 (exact $u_t$) to about 50, the CFM loss is always larger by the same $C\approx 9.7$.
Two consequences: (i) minimising $\mathcal L_{\rm CFM}$ by gradient descent gives the same gradients as $\mathcal L_{\rm FM}$;
(ii) **a trained CFM loss never goes to zero** — its floor is $C$, the irreducible variance of the target $x_1-x_0$ given $x_t$.
We will see this floor in the training curve.

## 4 · Training a velocity network

`ConditionalFlowMatching.independent(net)` draws $t\sim U[0,1]$ per sample and regresses $v_\theta(t,x_t)$ on $x_1-x_0$
(mean over the batch of the squared norm); `Trainer` feeds it batches of data and noise, all from one seeded generator.
A 3×64 SiLU MLP is enough in 2-D. (The first ~1000 steps run slower while the JIT compiles.)
"""),
("code", r"""
Mlp netI = Mlp.builder(2).hidden(64, 64, 64).seed(1).build();
var histI = Trainer.builder(ConditionalFlowMatching.independent(netI))
        .data(eight).steps(1500).batchSize(256).learningRate(2e-3).seed(11).progressEvery(500).build().run();
System.out.printf("I-CFM: %.1f s, final loss (mean of last 500 steps) %.3f%n", histI.seconds(), histI.meanOfLast(500));
"""),
("code", r"""
XYChart lossChart = Plots.lines("CFM training loss, 8 Gaussians (independent coupling)", "step", "loss",
        Curve.of("batch loss", histI.losses()),
        Curve.of("floor C = L_CFM(u)", new double[]{1, histI.losses().length}, new double[]{cConst, cConst}));
lossChart.getStyler().setYAxisMax(20.0);
lossChart
"""),
("code", r"""
double lastI = histI.meanOfLast(500);
System.out.printf("final CFM loss %.3f >= floor C = %.3f; excess = FM loss of the net = %.3f%n", lastI, cConst, lastI - cConst);
if (lastI < cConst - 0.15 || lastI > cConst + 1.0) throw new IllegalStateException("the trained CFM loss should sit just above C");
"""),
("md", r"""
## 5 · Couplings: independent vs minibatch OT

Seed 000 ("All you need is a coupling"): any coupling $\pi\in\Pi(p_0,p_1)$ of noise and data gives a CFM loss
$\mathbb E_{t,(x_0,x_1)\sim\pi}\|v(t,x_t)-(x_1-x_0)\|^2$. The **independent** coupling pairs them as drawn; the straight
conditional segments cross, and the marginal flow that averages them is curved. The **optimal** coupling
(minimising $\mathbb E\|x_1-x_0\|^2$, i.e. $W_2^2$) gives non-crossing segments that are *already* the flow
(straight lines $x_0\mapsto (1-t)x_0+tT(x_0)$). Tong et al. (2024) approximate it per minibatch: re-pair each batch by
the assignment minimising $\sum_i\|x_0^{(i)}-x_1^{(\sigma(i))}\|^2$ (`ConditionalFlowMatching.minibatchOt`).
"""),
("code", r"""
Figures.draw("04-ot-vs-independent")
"""),
("md", r"""
Minibatch OT solves an $n\times n$ assignment every step, so we train it with batch 128 (same network, same number of steps).
"""),
("code", r"""
Mlp netOt = Mlp.builder(2).hidden(64, 64, 64).seed(1).build();
var histOt = Trainer.builder(ConditionalFlowMatching.minibatchOt(netOt))
        .data(eight).steps(1500).batchSize(128).learningRate(2e-3).seed(11).progressEvery(500).build().run();
System.out.printf("OT-CFM: %.1f s, final loss %.3f (no floor C here: OT pairs barely cross)%n", histOt.seconds(), histOt.meanOfLast(500));
"""),
("md", r"""
**Straightness.** The path energy of a flow is $\mathrm{PE}=\mathbb E\int_0^1\|\dot x_t\|^2dt$; by Benamou–Brenier
$\mathrm{PE}\ge W_2^2(p_0,p_1)$ with equality only for straight constant-speed OT paths. The **normalized path energy**
$\mathrm{NPE}=|\mathrm{PE}-W_2^2|/W_2^2$ (Tong et al. 2024) is 0 for OT and grows with curvature (`PathEnergy`).
**Quality:** exact $W_2$ between 1,000 generated and 1,000 fresh target samples, and the energy distance (`Discrepancy`).
Two independent samples of the *same* distribution are not at distance 0: we print that floor too.
"""),
("code", r"""
double[][] z0 = Gaussian.standard(2).sample(1000, Rngs.seeded(21));
double[][] fresh = eight.sample(1000, Rngs.seeded(22)), fresh2 = eight.sample(1000, Rngs.seeded(23));
RungeKutta4 rk4 = new RungeKutta4();
Trajectory trI = rk4.trajectory(netI.asVectorField(), z0, 0, 1, 20);
Trajectory trOt = rk4.trajectory(netOt.asVectorField(), z0, 0, 1, 20);
Trajectory trEx = rk4.trajectory(exact.velocityField(), z0, 0, 1, 10);   // the exact field is smooth: 10 steps suffice
double[] row(Trajectory tr) {
    double[][] end = tr.state(tr.length() - 1);
    return new double[]{Wasserstein.w2Exact(end, fresh), Discrepancy.energyDistance(end, fresh, Discrepancy.Estimator.UNBIASED),
            PathEnergy.normalizedPathEnergy(tr.times(), tr.states(), fresh)};
}
double[] mI = row(trI), mOt = row(trOt), mEx = row(trEx);
double w2Floor = Wasserstein.w2Exact(fresh2, fresh);
System.out.printf("floor: a second target sample has W2 = %.3f and energy distance %.4f to the first%n",
        w2Floor, Discrepancy.energyDistance(fresh2, fresh, Discrepancy.Estimator.UNBIASED));
Tables.results("8 Gaussians, RK4 with 20 steps, 1,000 samples", "flow", "W2 to target", "energy distance", "NPE")
        .row("I-CFM (learned)", mI).row("OT-CFM (learned)", mOt).row("exact marginal u_t (RK4, 10 steps)", mEx)
        .build()
"""),
("code", r"""
display(Panels.grid("Learned flows from the same 150 noise points (RK4, 20 steps)", 2,
        Plots.trajectoriesFromSnapshots(String.format("independent coupling (NPE %.2f)", mI[2]), "x₁", "x₂", trI.states(), 150),
        Plots.trajectoriesFromSnapshots(String.format("minibatch OT coupling (NPE %.2f)", mOt[2]), "x₁", "x₂", trOt.states(), 150)));
System.out.printf("NPE: independent %.3f, OT %.3f;  W2: independent %.3f, OT %.3f, floor %.3f%n", mI[2], mOt[2], mI[0], mOt[0], w2Floor);
if (!(mOt[2] < 0.5 * mI[2])) throw new IllegalStateException("OT-CFM paths should be clearly straighter (NPE) than I-CFM paths");
if (mI[0] > w2Floor + 0.4 || mOt[0] > w2Floor + 0.4) throw new IllegalStateException("a learned flow misses the target (W2)");
"""),
("md", r"""
### The same on two moons

The moons target has no closed-form marginal, but all the metrics above only need samples.
"""),
("code", r"""
Sampleable moons = ToyData.moons();
Mlp moonI = Mlp.builder(2).hidden(64, 64).seed(2).build(), moonOt = Mlp.builder(2).hidden(64, 64).seed(2).build();
var hmI = Trainer.builder(ConditionalFlowMatching.independent(moonI)).data(moons).steps(1000).batchSize(128)
        .learningRate(3e-3).seed(12).progressEvery(500).build().run();
var hmOt = Trainer.builder(ConditionalFlowMatching.minibatchOt(moonOt)).data(moons).steps(1000).batchSize(128)
        .learningRate(3e-3).seed(12).progressEvery(500).build().run();
double[][] moonsFresh = moons.sample(1000, Rngs.seeded(31)), moonsFresh2 = moons.sample(1000, Rngs.seeded(32));
Trajectory tmI = rk4.trajectory(moonI.asVectorField(), z0, 0, 1, 20), tmOt = rk4.trajectory(moonOt.asVectorField(), z0, 0, 1, 20);
double[] moonRow(Trajectory tr) {
    double[][] end = tr.state(tr.length() - 1);
    return new double[]{Wasserstein.w2Exact(end, moonsFresh), Discrepancy.energyDistance(end, moonsFresh, Discrepancy.Estimator.UNBIASED),
            PathEnergy.normalizedPathEnergy(tr.times(), tr.states(), moonsFresh)};
}
double[] nI = moonRow(tmI), nOt = moonRow(tmOt);
display(Panels.grid("Two moons: learned flows (RK4, 20 steps)", 2,
        Plots.trajectoriesFromSnapshots(String.format("independent (NPE %.2f)", nI[2]), "x₁", "x₂", tmI.states(), 150),
        Plots.trajectoriesFromSnapshots(String.format("minibatch OT (NPE %.2f)", nOt[2]), "x₁", "x₂", tmOt.states(), 150)));
System.out.printf("floor: a second moons sample has W2 = %.3f and energy distance %.4f to the first%n",
        Wasserstein.w2Exact(moonsFresh2, moonsFresh), Discrepancy.energyDistance(moonsFresh2, moonsFresh, Discrepancy.Estimator.UNBIASED));
Tables.results("Two moons, RK4 with 20 steps, 1,000 samples", "flow", "W2 to target", "energy distance", "NPE")
        .row("I-CFM", nI).row("OT-CFM", nOt)
        .build()
"""),
("code", r"""
System.out.printf("moons NPE: independent %.3f, OT %.3f%n", nI[2], nOt[2]);
if (!(nOt[2] < nI[2])) throw new IllegalStateException("OT-CFM should be straighter than I-CFM on moons too");
"""),
("md", r"""
## 6 · Learned vs exact marginal velocity

With the independent coupling, the CFM minimiser is exactly the marginal velocity $u_t$ of section 2, which `GmmMarginal`
knows in closed form. The heat maps show the error $\|v_\theta(t,x)-u_t(x)\|$ at three times; white dots are samples of
$p_t$. (Each panel has its own colour scale.)
"""),
("code", r"""
Grid2D g = Grid2D.square(-8, 8, 60);
List<HeatMapChart2D> maps = new ArrayList<>();
for (double tt : new double[]{0.1, 0.5, 0.9}) {
    double[][] c = g.centres();                                   // row k = j * nx + i
    double[][] vt = netI.forward(tt, c), ut = exact.velocity(tt, c);
    double[] err = new double[c.length];
    for (int k = 0; k < c.length; k++) err[k] = Math.hypot(vt[k][0] - ut[k][0], vt[k][1] - ut[k][1]);
    maps.add(Plots.densityHeatMap(String.format("|v_θ − u_t| at t = %.1f", tt), "x₁", "x₂", g,
            (a, b) -> err[(int) Math.round((b - g.yMin()) / g.dy() - 0.5) * g.nx() + (int) Math.round((a - g.xMin()) / g.dx() - 0.5)],
            "error", Points.of("samples of p_t", exact.marginal(tt).sample(200, Rngs.seeded(41)))));
}
Panels.grid("I-CFM network vs exact marginal velocity", 3, maps)
"""),
("md", r"""
The error is small where $p_t$ has mass and large far away, where the network never saw training points — only the
first region matters for sampling. Quantitatively: the relative FM error $\mathbb E_{p_t}\|v_\theta-u_t\|^2/\mathbb E_{p_t}\|u_t\|^2$.
The OT-CFM network is a useful control: it learned a *different* field (the marginal velocity of the OT coupling), so its
error against $u_t$ is several times larger although it samples just as well. Near $t=0$ the field itself is small
($u_0(x)=\mathbb E[x_1]-x=-x$), so the *relative* error of both nets is larger there.
"""),
("code", r"""
var relTable = Tables.results("Relative FM error against the exact u_t (4,000 samples of p_t)", "t", "I-CFM net", "OT-CFM net");
double relHalf = 0;
for (double tt : new double[]{0.1, 0.3, 0.5, 0.7, 0.9}) {
    double[][] xs = exact.marginal(tt).sample(4000, Rngs.seeded(42));
    double[][] ut = exact.velocity(tt, xs), vI = netI.forward(tt, xs), vO = netOt.forward(tt, xs);
    double eI = 0, eO = 0, nu = 0;
    for (int i = 0; i < xs.length; i++) for (int k = 0; k < 2; k++) {
        eI += Math.pow(vI[i][k] - ut[i][k], 2); eO += Math.pow(vO[i][k] - ut[i][k], 2); nu += ut[i][k] * ut[i][k];
    }
    relTable.row(String.format("%.1f", tt), eI / nu, eO / nu);
    if (tt == 0.5) relHalf = eI / nu;
}
display(relTable.build());
System.out.printf("relative FM error of the I-CFM net at t = 0.5: %.4f%n", relHalf);
if (relHalf > 0.1) throw new IllegalStateException("the I-CFM net should match u_t within 10% at t = 0.5");
"""),
("md", r"""
## 7 · Sampling: solvers and function evaluations

Sampling means solving $\dot x=v(t,x)$ from $t=0$ to $1$. The cost is the **number of function evaluations** (NFE):
Euler uses 1 per step (order 1), Heun 2 (order 2), RK4 4 (order 4); Dormand–Prince 4(5) adapts its step to a tolerance.
On the exact field, the error against a high-accuracy reference shows the orders as slopes on a log–log plot:
"""),
("code", r"""
Figures.draw("04-solvers-nfe")
"""),
("md", r"""
For generative modelling the question is rather: *how few evaluations still give good samples?* Straight paths are
integrated exactly by a single Euler step, so the straighter OT-CFM flow should degrade less at small NFE.
"""),
("code", r"""
double[][] z0Small = Arrays.copyOf(z0, 500), freshSmall = Arrays.copyOf(fresh, 500);   // 500 points keep the exact W2 cheap
var nfeTable = Tables.results("W2 to the target (500 samples) vs NFE", "solver", "steps", "NFE", "I-CFM", "OT-CFM");
OdeSolver[] solvers = {new Euler(), new Heun(), new RungeKutta4()};
int[] stages = {1, 2, 4};
double euler2I = 0, euler2Ot = 0;
for (int s = 0; s < solvers.length; s++) {
    for (int steps : s == 0 ? new int[]{1, 2, 4, 8} : new int[]{1, 2, 4}) {
        double wI = Wasserstein.w2Exact(solvers[s].integrate(netI.asVectorField(), z0Small, 0, 1, steps), freshSmall);
        double wO = Wasserstein.w2Exact(solvers[s].integrate(netOt.asVectorField(), z0Small, 0, 1, steps), freshSmall);
        nfeTable.row(solvers[s] + ", " + steps + (steps == 1 ? " step" : " steps"), steps, steps * stages[s], wI, wO);
        if (s == 0 && steps == 2) { euler2I = wI; euler2Ot = wO; }
    }
}
nfeTable.build()
"""),
("code", r"""
var dpTable = Tables.results("Adaptive Dormand–Prince 4(5), rtol = atol = 1e-3", "network", "accepted steps", "NFE", "W2 to target");
for (Mlp m : List.of(netI, netOt)) {
    DormandPrince45.Result dp = DormandPrince45.of(1e-3, 1e-3).solve(m.asVectorField(), z0Small, 0, 1, 1);
    dpTable.row(m == netI ? "I-CFM" : "OT-CFM", dp.accepted(), dp.evaluations(), Wasserstein.w2Exact(dp.x(), freshSmall));
}
dpTable.build()
"""),
("code", r"""
System.out.printf("Euler with 2 steps: W2 = %.3f (I-CFM) vs %.3f (OT-CFM); floor for 500 points: %.3f%n", euler2I, euler2Ot,
        Wasserstein.w2Exact(Arrays.copyOf(fresh2, 500), freshSmall));
if (!(euler2Ot < euler2I)) throw new IllegalStateException("the straighter OT-CFM flow should win at 2 Euler steps");
"""),
("md", r"""
## Summary

* A conditional path $x_t=(1-t)x_0+tx_1$ has the conditional velocity $u_t(x\mid x_1)=(x_1-x)/(1-t)$, i.e. $x_1-x_0$ along the path.
* The marginalization trick: $u_t(x)=\mathbb E[u_t(x\mid X_1)\mid X_t=x]$ generates the marginal path $p_t$ (checked against `GmmMarginal`).
* $\mathcal L_{\rm CFM}=\mathcal L_{\rm FM}+C$: same minimiser, and the CFM loss plateaus at $C$, not at 0.
* The coupling decides the flow: minibatch OT gives much straighter paths (small NPE), and fewer solver steps suffice.
* Sampling quality is measured against a floor: two samples of the same distribution have $W_2>0$.

**Next:** `05_diffusion` — the same Gaussian paths from the SDE side, score matching and reverse-time sampling.

**References.** Lipman, Chen, Ben-Hamu, Nickel, Le, *Flow Matching for Generative Modeling*, ICLR 2023.
Liu, Gong, Liu, *Flow Straight and Fast: rectified flow*, ICLR 2023. Tong et al., *Improving and generalizing flow-based
generative models with minibatch optimal transport*, TMLR 2024. Seeds 000, 003, 004 of this course.
"""),
]

# ---------------------------------------------------------------------------------------------- exercises
def exercise_cells(solution):
    def todo(stub, filled):
        return ("code", filled if solution else stub)

    return [
("md", r"""
# 04 · Flow matching — exercises

Four tasks. Fill in each cell marked `TODO`, run it, then run the **check** cell below it.
Conventions as in the lecture: $t=0$ noise $x_0\sim\mathcal N(0,I)$, $t=1$ data $x_1$, batches are `double[n][d]`.
"""),
("code", IMPORTS),
("code", r"""
GaussianMixture eight = ToyData.eightGaussians();
double[][] x0 = Gaussian.standard(2).sample(256, Rngs.seeded(1));
double[][] x1 = eight.sample(256, Rngs.seeded(2));
"""),
("md", r"""
## Task 1 · The conditional path and its target

Implement $x_t=(1-t)\,x_0+t\,x_1$ (row-wise) and the conditional velocity $u_t(x\mid x_1)=\dfrac{x_1-x}{1-t}$ for $0\le t<1$.
The check evaluates your velocity *on the path* and compares it with $x_1-x_0$.
"""),
todo(r"""
double[][] interpolate(double t, double[][] x0, double[][] x1) {
    // TODO: return the batch x_t = (1 - t) x0 + t x1 (a new array)
    return new double[x0.length][x0[0].length];
}
double[][] conditionalVelocity(double t, double[][] x, double[][] x1) {
    // TODO: return (x1 - x) / (1 - t), row by row
    return new double[x.length][x[0].length];
}
""", r"""
double[][] interpolate(double t, double[][] x0, double[][] x1) {
    double[][] out = new double[x0.length][x0[0].length];
    for (int i = 0; i < x0.length; i++)
        for (int k = 0; k < x0[i].length; k++) out[i][k] = (1 - t) * x0[i][k] + t * x1[i][k];
    return out;
}
double[][] conditionalVelocity(double t, double[][] x, double[][] x1) {
    double[][] out = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++)
        for (int k = 0; k < x[i].length; k++) out[i][k] = (x1[i][k] - x[i][k]) / (1 - t);
    return out;
}
"""),
("code", r"""
double[][] diff = new double[256][2];
for (int i = 0; i < 256; i++) for (int k = 0; k < 2; k++) diff[i][k] = x1[i][k] - x0[i][k];
Check.close("x_t at t = 0.3 (vs GaussianPath with the linear schedule)", interpolate(0.3, x0, x1),
        new GaussianPath(new LinearSchedule()).interpolate(0.3, x1, x0), 1e-12,
        "x_t must be (1 - t) x0 + t x1: noise weight 1 - t, data weight t");
Check.close("u_t(x_t | x1) at t = 0.7", conditionalVelocity(0.7, interpolate(0.7, x0, x1), x1), diff, 1e-9,
        "on the path the conditional velocity equals x1 - x0; divide (x1 - x) by (1 - t)");
""", ["check"]),
("md", r"""
## Task 2 · One CFM loss evaluation

`ConditionalFlowMatching.lossAndGradient(data, noise, n, rng, grads)` draws one $t_i$ = `rng.nextDouble()` per row, in row
order, and returns $\frac1n\sum_i\|v_\theta(t_i,x_{t_i}^{(i)})-(x_1^{(i)}-x_0^{(i)})\|^2$. Write the same computation
yourself with `net.forward(t, batch)` (one row at a time is fine) and compare: with the same seed you must get the same number.
"""),
("code", r"""
Mlp net = Mlp.builder(2).hidden(32, 32).seed(3).build();
double[] flat(double[][] a) { return Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray(); }
double[][] grads = {new double[net.numParameters()]};
double libraryLoss = ConditionalFlowMatching.independent(net).lossAndGradient(flat(x1), flat(x0), 256, Rngs.seeded(5), grads);
System.out.printf("library CFM loss of the untrained net: %.6f%n", libraryLoss);
"""),
todo(r"""
double myCfmLoss(Mlp net, double[][] x0, double[][] x1, RandomGenerator rng) {
    // TODO: for each row i: t_i = rng.nextDouble(); x_t = (1 - t_i) x0_i + t_i x1_i;
    //       add |net.forward(t_i, new double[][]{x_t})[0] - (x1_i - x0_i)|^2; return the mean over rows
    return 0.0;
}
""", r"""
double myCfmLoss(Mlp net, double[][] x0, double[][] x1, RandomGenerator rng) {
    double sum = 0;
    for (int i = 0; i < x0.length; i++) {
        double t = rng.nextDouble();
        double[] xt = new double[2];
        for (int k = 0; k < 2; k++) xt[k] = (1 - t) * x0[i][k] + t * x1[i][k];
        double[] v = net.forward(t, new double[][]{xt})[0];
        for (int k = 0; k < 2; k++) sum += Math.pow(v[k] - (x1[i][k] - x0[i][k]), 2);
    }
    return sum / x0.length;
}
"""),
("code", r"""
double mine = myCfmLoss(net, x0, x1, Rngs.seeded(5));
Check.close("your CFM loss vs the library", mine, libraryLoss, 1e-4 * libraryLoss,
        "use one t per row drawn in row order from rng, the target x1 - x0, the squared norm summed over coordinates and the mean over rows");
""", ["check"]),
("md", r"""
## Task 3 · An Euler sampler for a learned field

Train a small network (a few seconds), then implement the explicit Euler method
$x_{k+1}=x_k+h\,v(t_k,x_k)$, $t_k=kh$, $h=1/\text{steps}$, from $t=0$ to $t=1$, for any `VectorField`.
"""),
("code", r"""
Mlp small = Mlp.builder(2).hidden(64, 64).seed(4).build();
var hist = Trainer.builder(ConditionalFlowMatching.independent(small)).data(eight).steps(1200).batchSize(256)
        .learningRate(3e-3).seed(6).progressEvery(400).build().run();
VectorField learned = small.asVectorField();
"""),
todo(r"""
double[][] eulerSample(VectorField v, double[][] x0, int steps) {
    // TODO: steps Euler steps of size h = 1/steps from t = 0; do not modify x0
    return x0;
}
""", r"""
double[][] eulerSample(VectorField v, double[][] x0, int steps) {
    double h = 1.0 / steps;
    double[][] x = Arrays.stream(x0).map(double[]::clone).toArray(double[][]::new);
    for (int k = 0; k < steps; k++) {
        double[][] vel = v.apply(k * h, x);
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) x[i][j] += h * vel[i][j];
    }
    return x;
}
"""),
("code", r"""
double[][] mySamples = eulerSample(learned, x0, 10);
Check.close("your Euler samples (10 steps) vs genflow.ode.Euler", mySamples, new Euler().integrate(learned, x0, 0, 1, 10), 1e-6,
        "evaluate v at t_k = k h before each update x += h v(t_k, x), k = 0..steps-1");
double w2 = Wasserstein.w2Exact(mySamples, eight.sample(256, Rngs.seeded(7)));
Check.between("W2 of your 10-step samples to fresh data", w2, 0, 1.5, "samples should land on the eight modes");
""", ["check"]),
("code", r"""
Plots.scatter("Euler samples of the learned flow (10 steps)", "x₁", "x₂", Points.of("samples", mySamples))
"""),
("md", r"""
## Task 4 · Predict, then check: how much shorter are OT pairs?

**Predict first** (write it down): for the 256 pairs above, the independent coupling pairs $x_0^{(i)}$ with $x_1^{(i)}$.
Its mean squared segment length $\frac1n\sum_i\|x_1^{(i)}-x_0^{(i)}\|^2$ has the closed-form expectation
$\mathbb E\|x_0\|^2+\mathbb E\|x_1\|^2 = 2 + r^2 + 2\sigma^2$ with $r$ = `ToyData.EIGHT_GAUSSIANS_RADIUS`,
$\sigma$ = `ToyData.EIGHT_GAUSSIANS_STD`. Will the OT re-pairing shorten it by 10%, by half, or more?

Then compute both: `indepCost` for the identity pairing and `otCost` for the pairing `Couplings.minibatchOt(x0, x1)`
(row $i$ of $x_0$ goes to row $\sigma(i)$ of $x_1$). The mean squared length of straight conditional segments is the path
energy of the conditional paths, so `otCost` is also $W_2^2$ of the two samples.
"""),
todo(r"""
// TODO: the mean of |x1[i] - x0[i]|^2 (independent) and of |x1[sigma[i]] - x0[i]|^2 (OT)
double indepCost = 0.0;
double otCost = 0.0;
""", r"""
int[] sigma = Couplings.minibatchOt(x0, x1);
double indepCost = 0.0, otCost = 0.0;
for (int i = 0; i < 256; i++) {
    indepCost += Math.pow(x1[i][0] - x0[i][0], 2) + Math.pow(x1[i][1] - x0[i][1], 2);
    otCost += Math.pow(x1[sigma[i]][0] - x0[i][0], 2) + Math.pow(x1[sigma[i]][1] - x0[i][1], 2);
}
indepCost /= 256;
otCost /= 256;
"""),
("code", r"""
double expected = 2 + Math.pow(ToyData.EIGHT_GAUSSIANS_RADIUS, 2) + 2 * Math.pow(ToyData.EIGHT_GAUSSIANS_STD, 2);
System.out.printf("independent %.3f (closed form %.3f), OT %.3f, ratio %.3f%n", indepCost, expected, otCost, otCost / Math.max(indepCost, 1e-12));
Check.between("independent mean squared length", indepCost, 0.85 * expected, 1.15 * expected,
        "average |x1_i - x0_i|^2 over the identity pairing; its expectation is 2 + r^2 + 2 sigma^2");
Check.close("OT mean squared length = W2^2 of the two samples", otCost, Wasserstein.squaredW2Exact(x0, x1), 1e-9,
        "pair row i of x0 with row sigma[i] of x1, sigma = Couplings.minibatchOt(x0, x1)");
Check.that("OT pairs are shorter than independent pairs", otCost < indepCost, "the OT pairing minimises the total squared length");
""", ["check"]),
("md", r"""
The OT pairs are shorter by about half here: most of the independent cost ($r^2=25$) is the distance from the origin to the
circle, which every pairing must pay, and OT removes the "crossing" part. That is why OT-CFM learns straighter flows
(lecture, section 5).
"""),
    ]


if __name__ == "__main__":
    nb.write_chapter(ROOT, "04_flow_matching.ipynb", LECTURE, exercise_cells)
