/**
 * Simulating flows and diffusions: a {@link genflow.ode.VectorField} v(t, x) on a batch
 * {@code double[n][d]}, fixed-step ODE solvers (Euler, midpoint, Heun, RK4) and adaptive
 * Dormand–Prince 5(4), trajectories for pictures, the observed order of a solver, Itô SDEs with
 * Euler–Maruyama, the reverse-time SDE and the probability-flow ODE of a forward SDE, unadjusted
 * Langevin dynamics, the divergence ∇·v (exact or Hutchinson) and log-densities of a flow by the
 * instantaneous change of variables. The solvers integrate in either direction and take the time
 * direction of the field they are given; a field documents its own direction in one line.
 * Flows used for sampling run <b>t = 0 noise → t = 1 data</b> ({@link genflow.ode.LogDensityOde} is
 * written that way); the forward SDEs of {@link genflow.ode.ReverseSde} and
 * {@link genflow.ode.ProbabilityFlowOde} use their own clock, <b>t = 0 data → t = T noise</b>, and are
 * sampled by integrating from T down to 0. Uses {@code genflow.math}, {@code genflow.random} and
 * {@code genflow.dist} (the {@link genflow.dist.Density} of the noise and of a Langevin target).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>Euler x<sub>k+1</sub> = x<sub>k</sub> + h v(t<sub>k</sub>, x<sub>k</sub>), order 1</td>
 *     <td>{@link genflow.ode.Euler}, via
 *         {@link genflow.ode.FixedStepSolver#integrate(VectorField, double[][], double, double, int)}</td>
 *     <td>{@code FixedStepSolverTest.observedConvergenceOrdersAre1224}, {@code .integratesBackwardsInTime},
 *         {@code .timeDependentFieldUsesStageTimes}, {@code ConvergenceStudyTest.errorOfOneEulerStepMatchesHandComputation}</td>
 *     <td>closed form x(t) = x₀e<sup>−θt</sup>: observed order 1 ± 0.15; hand-computed single steps</td></tr>
 * <tr><td>midpoint x<sub>k+1</sub> = x<sub>k</sub> + h v(t<sub>k</sub> + h/2, x<sub>k</sub> + (h/2)v(t<sub>k</sub>, x<sub>k</sub>)), order 2</td>
 *     <td>{@link genflow.ode.Midpoint}</td>
 *     <td>{@code FixedStepSolverTest.observedConvergenceOrdersAre1224}, {@code .timeDependentFieldUsesStageTimes}</td>
 *     <td>closed-form decay: observed order 2 ± 0.15; one step on x′ = 3t² gives v(½)</td></tr>
 * <tr><td>Heun x<sub>k+1</sub> = x<sub>k</sub> + (h/2)[v(t<sub>k</sub>, x<sub>k</sub>) + v(t<sub>k</sub> + h, x̃)], order 2</td>
 *     <td>{@link genflow.ode.Heun}</td>
 *     <td>{@code FixedStepSolverTest.observedConvergenceOrdersAre1224}, {@code ConvergenceStudyTest.observedOrdersOfEulerHeunRk4OnLinearDecay}</td>
 *     <td>closed-form decay: observed order 2; one step on x′ = 3t² gives (v(0) + v(1))/2</td></tr>
 * <tr><td>RK4 x<sub>k+1</sub> = x<sub>k</sub> + h(k₁ + 2k₂ + 2k₃ + k₄)/6, order 4</td>
 *     <td>{@link genflow.ode.RungeKutta4}</td>
 *     <td>{@code FixedStepSolverTest.observedConvergenceOrdersAre1224}, {@code .integratesBackwardsInTime},
 *         {@code .timeDependentFieldUsesStageTimes}</td>
 *     <td>closed-form decay forwards and backwards: observed order 4; exact for x′ = 3t²</td></tr>
 * <tr><td>Dormand–Prince 5(4): accept if max |e<sub>ij</sub>|/(atol + rtol·|x<sub>ij</sub>|) ≤ 1,
 *         h ← h·min(5, max(0.2, 0.9·err<sup>−1/5</sup>))</td>
 *     <td>{@link genflow.ode.DormandPrince45#solve(VectorField, double[][], double, double, int)},
 *         {@link genflow.ode.DormandPrince45#integrate(VectorField, double[][], double, double, int)}</td>
 *     <td>{@code DormandPrince45Test.meetsToleranceOnLinearDecay}, {@code .meetsToleranceOnHarmonicOscillatorForwardAndBackward},
 *         {@code .trajectoryEndsAtT1}</td>
 *     <td>closed forms (decay, harmonic oscillator over three periods) within 3·tol and 20·tol;
 *         6 evaluations per attempted step (FSAL)</td></tr>
 * <tr><td>observed order: least-squares slope of log e against log h</td>
 *     <td>{@link genflow.ode.ConvergenceStudy#errors(FixedStepSolver, VectorField, double[][], double, double, double[][], int[])},
 *         {@link genflow.ode.ConvergenceStudy#logLogSlope(double[], double[])}</td>
 *     <td>{@code ConvergenceStudyTest.slopeOfExactPowerLawIsItsExponent}, {@code .observedOrdersOfEulerHeunRk4OnLinearDecay}</td>
 *     <td>closed form: slope 2.5 of 3.7h<sup>2.5</sup> to 1e-12; the known orders 1, 2, 4</td></tr>
 * <tr><td>Euler–Maruyama X<sub>k+1</sub> = X<sub>k</sub> + h f + g ⊙ √|h| ε<sub>k</sub> (h &lt; 0 backwards), weak order 1</td>
 *     <td>{@link genflow.ode.EulerMaruyama#integrate(Sde, double[][], double, double, int, java.util.random.RandomGenerator)},
 *         {@link genflow.ode.FixedStepSdeSolver}</td>
 *     <td>{@code StochasticTest.eulerMaruyamaHasWeakOrderOneOnOrnsteinUhlenbeck}, {@code .eulerMaruyamaRunsBackwardsWithNoiseOfVarianceAbsH},
 *         {@code FixedStepSdeSolverTest.aSubclassPlugsInWhereverAnSdeSolverIsExpectedAndMatchesTheLibrary}</td>
 *     <td>closed forms: the scheme's own OU mean x₀r<sup>N</sup> and variance within 4 standard errors, and
 *         the error against the exact OU moments shrinking like h; variance |h| backwards; an
 *         independently written subclass gives the same numbers</td></tr>
 * <tr><td>reverse SDE dX = [f − g²∇log p<sub>t</sub>] dt + g dW̄, from T down to 0</td>
 *     <td>{@link genflow.ode.ReverseSde#drift()},
 *         {@link genflow.ode.ReverseSde#sample(double[][], double, double, int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code StochasticTest.reverseSdeWithExactScoreRecoversTheData}</td>
 *     <td>closed form: with the exact VP-SDE marginal score of a mixture, the mixture's mean, variance
 *         and mode weight (4 standard errors + 0.03)</td></tr>
 * <tr><td>probability-flow ODE dx/dt = f − ½g²∇log p<sub>t</sub></td>
 *     <td>{@link genflow.ode.ProbabilityFlowOde#apply(double, double[][])}</td>
 *     <td>{@code StochasticTest.probabilityFlowOdeWithExactScoreRecoversTheData}</td>
 *     <td>closed form: the data mixture's moments at t = 0 and the marginal's mean at t = ½</td></tr>
 * <tr><td>ULA x<sub>k+1</sub> = x<sub>k</sub> + η∇log p(x<sub>k</sub>) + √(2η) ε<sub>k</sub></td>
 *     <td>{@link genflow.ode.Langevin#run(VectorField, double, double[][], int, java.util.random.RandomGenerator)},
 *         {@link genflow.ode.Langevin#run(genflow.dist.Density, double[][], int, java.util.random.RandomGenerator)},
 *         {@link genflow.ode.Langevin#trajectory(VectorField, double, double[][], int, java.util.random.RandomGenerator, int...)}</td>
 *     <td>{@code StochasticTest.langevinReachesGmmMeanAndVariance}, {@code LangevinTrajectoryTest.firstStepFollowsTheUlaFormula}</td>
 *     <td>closed-form mixture mean and variance (4 standard errors + O(η)); the update by hand</td></tr>
 * <tr><td>∇·v = Σ<sub>j</sub> [v<sub>j</sub>(x + εe<sub>j</sub>) − v<sub>j</sub>(x − εe<sub>j</sub>)]/(2ε); Jacobian</td>
 *     <td>{@link genflow.ode.Divergence#exact(VectorField, double, double[][])},
 *         {@link genflow.ode.Divergence#centralDifferences(VectorField, double, double[][], double)},
 *         {@link genflow.ode.Divergence#jacobian(VectorField, double, double[], double)}</td>
 *     <td>{@code DivergenceTest.centralDifferencesMatchTheAnalyticDivergence}, {@code .centralDifferenceErrorShrinksLikeEpsSquared},
 *         {@code .jacobianMatchesAnalyticEntries}, {@code .aDivergenceFieldSuppliesItsOwnDivergence}</td>
 *     <td>closed form of a nonlinear non-symmetric field (1e-8); the exact truncation error −tε²</td></tr>
 * <tr><td>Hutchinson (1/k)Σ<sub>m</sub> ε<sub>m</sub>ᵀJε<sub>m</sub>; variance 2‖J<sub>s</sub>‖<sub>F</sub>² − 2ΣJ<sub>jj</sub>² (Rademacher),
 *         2‖J<sub>s</sub>‖<sub>F</sub>² (Gaussian)</td>
 *     <td>{@link genflow.ode.Divergence#hutchinson(VectorField, double, double[][], Divergence.Probe, int, java.util.random.RandomGenerator)},
 *         {@link genflow.ode.Divergence#hutchinsonVariance(double[][], Divergence.Probe)},
 *         {@link genflow.ode.Divergence#probes(Divergence.Probe, int, int, int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DivergenceTest.hutchinsonIsUnbiasedWithTheStatedVariance}, {@code .theMeanOfKProbesHasOneKthTheVariance},
 *         {@code .rademacherHutchinsonIsExactForADiagonalJacobian}, {@code .probesHaveTheRightEntriesAndAreReproducible}</td>
 *     <td>closed-form divergence and variance within 4 standard errors of 40 000 probes (the
 *         symmetric-J formula is rejected); variance/k</td></tr>
 * <tr><td>log p₁(x₁) = log p₀(x₀) − ∫₀¹ ∇·v<sub>t</sub>(x<sub>t</sub>) dt (instantaneous change of variables)</td>
 *     <td>{@link genflow.ode.LogDensityOde#logDensity(VectorField, genflow.dist.Density, double[][])},
 *         {@link genflow.ode.LogDensityOde#sample(VectorField, genflow.dist.Density, double[][])}</td>
 *     <td>{@code LogDensityOdeTest.linearFlowOfAGaussianGivesTheGaussianLogDensity}, {@code .timeDependentScalingMatchesTheClosedForm},
 *         {@code .gaussianMixtureMarginalFlowLogDensityMatchesClosedForm}, {@code .samplingForwardsGivesTheLogDensityOfTheGeneratedPoints},
 *         {@code .hutchinsonLogDensityIsUnbiasedAndReproducible}</td>
 *     <td>closed forms: the pushed-forward Gaussian of a linear flow (1e-8), the exact Gaussian-mixture
 *         marginal flow ({@code genflow.path.GmmMarginal}) to 1e-5; Hutchinson mean over 64 seeds</td></tr>
 * <tr><td>mean NLL −(1/n)Σ<sub>i</sub> log p₁(x<sub>i</sub>)</td>
 *     <td>{@link genflow.ode.LogDensityOde.Result#meanNll()}</td>
 *     <td>{@code LogDensityOdeTest.meanNllIsMinusTheAverageLogDensity}</td>
 *     <td>the mixture's exact NLL ({@code genflow.metrics.Likelihood.meanNll}) to 1e-5</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 004 (Euler,
 * Heun, SDEs, Euler–Maruyama eq. (9), Langevin Remark 2.2), seed 003 (SDE basics, reverse SDE,
 * probability-flow ODE), seed 000 ("A glimpse to diffusion"); Dormand &amp; Prince 1980, Anderson 1982,
 * Song et al. 2021, Grathwohl et al. 2019 (FFJORD), Chen et al. 2018, Hutchinson 1990.
 */
package genflow.ode;
