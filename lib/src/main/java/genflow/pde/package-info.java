/**
 * The partial differential equations behind the lectures, checked on grids: finite-difference
 * residuals of the continuity equation ∂<sub>t</sub>p + ∇·(pv) = 0 (a velocity field generates a
 * probability path), of the Fokker–Planck equation ∂<sub>t</sub>p = −∇·(fp) + ½g²Δp (the law of an
 * SDE) and of the telegrapher equation ∂<sub>tt</sub>p + 2a∂<sub>t</sub>p = c²∂<sub>xx</sub>p (the Kac
 * density), plus two exact curves to check them on: a Gaussian transported by a linear field and the
 * Gaussian Ornstein–Uhlenbeck curve. A residual is small (second order in Δt, Δx) for a true pair
 * and large for a perturbed one; that is how notebooks and tests show a formula right or a slide
 * wrong (seed 000 drops the ½ in Fokker–Planck). Time runs forward in every class here (t = 0 the
 * initial law); nothing in this package is a flow-matching time. Uses {@code genflow.math} only.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>continuity residual r = (p⁺ − p⁻)/(2Δt) + [(pv)<sub>i+1</sub> − (pv)<sub>i−1</sub>]/(2Δx) (1-D; 2-D likewise)</td>
 *     <td>{@link genflow.pde.ContinuityResidual#residual1D(double[], double[], double[], double[], double, double)},
 *         {@link genflow.pde.ContinuityResidual#residual2D(double[][], double[][], double[][], double[][], double[][], double, double, double)},
 *         {@link genflow.pde.ContinuityResidual#divergence1D(double[], double[], double)},
 *         {@link genflow.pde.ContinuityResidual#divergence2D(double[][], double[][], double[][], double, double)},
 *         {@link genflow.pde.Grid#timeDerivative(double[], double[], double)}</td>
 *     <td>{@code PdeResidualTest.kacDensityAndVelocitySatisfyContinuity1D}, {@code .productKacSatisfiesContinuity2D},
 *         {@code .wienerSatisfiesContinuity}, {@code GaussianCurvesTest.linearFlowGaussianSolvesContinuityEquation}</td>
 *     <td>exact pairs (Kac, Wiener, the linear-flow Gaussian, the 2-D Kac product): residual below
 *         1e-3 … 1e-4 of |∂<sub>t</sub>p| and second order on refinement; perturbed pairs (diffusion
 *         velocity, swapped components, wrong spread) leave a large residual</td></tr>
 * <tr><td>Fokker–Planck residual r = ∂<sub>t</sub>p + ∇·(fp) − ½g²Δp (1-D; 2-D with the 5-point Laplacian)</td>
 *     <td>{@link genflow.pde.FokkerPlanckResidual#residual1D(double[], double[], double[], double[], double, double, double)},
 *         {@link genflow.pde.FokkerPlanckResidual#residual2D(double[][], double[][], double[][], double[][], double[][], double, double, double, double)}</td>
 *     <td>{@code PdeResidualTest.heatKernelNeedsTheHalfInFokkerPlanck}, {@code .ornsteinUhlenbeckSatisfiesFokkerPlanck1D},
 *         {@code .driftedHeatKernelSatisfiesFokkerPlanck2D}, {@code GaussianCurvesTest.ouCurveSolvesFokkerPlanckWithTheHalf}</td>
 *     <td>closed-form solutions (heat kernel, OU Gaussian, drifted 2-D heat kernel); without the ½, with
 *         the wrong drift sign or swapped drift the residual is large</td></tr>
 * <tr><td>telegrapher residual r = ∂<sub>tt</sub>p + 2a∂<sub>t</sub>p − c²∂<sub>xx</sub>p</td>
 *     <td>{@link genflow.pde.TelegrapherResidual#residual1D(double[], double[], double[], double, double, double, double)}</td>
 *     <td>{@code PdeResidualTest.kacDensitySolvesTheTelegrapherEquation}</td>
 *     <td>the Kac density (closed form with Bessel functions) for three (a, c, t): residual below 1e-4
 *         of |2a∂<sub>t</sub>p|; with 2a → 4a it is large</td></tr>
 * <tr><td>linear flow φ<sub>t</sub>(x₀) = e<sup>at</sup>x₀ + b(e<sup>at</sup> − 1)/a of v = ax + b; p<sub>t</sub> = N(φ<sub>t</sub>(m₀), e<sup>2at</sup>s₀²)</td>
 *     <td>{@link genflow.pde.LinearFlowGaussian#flow(double, double)}, {@link genflow.pde.LinearFlowGaussian#mean(double)},
 *         {@link genflow.pde.LinearFlowGaussian#std(double)}, {@link genflow.pde.LinearFlowGaussian#density(double, double)}</td>
 *     <td>{@code GaussianCurvesTest.linearFlowMatchesRk4AndHasZeroRateLimit}, {@code .linearFlowGaussianSolvesContinuityEquation}</td>
 *     <td>independent estimate: RK4 on ẋ = ax + b (1e-9); φ<sub>−t</sub>∘φ<sub>t</sub> = id; the a = 0
 *         limit x₀ + bt; the continuity residual</td></tr>
 * <tr><td>OU curve m<sub>t</sub> = e<sup>−θt</sup>m₀, v<sub>t</sub> = e<sup>−2θt</sup>s₀² + σ²(1 − e<sup>−2θt</sup>)/(2θ)</td>
 *     <td>{@link genflow.pde.OuGaussianCurve#mean(double)}, {@link genflow.pde.OuGaussianCurve#variance(double)},
 *         {@link genflow.pde.OuGaussianCurve#density(double, double)}, {@link genflow.pde.OuGaussianCurve#stationaryVariance()}</td>
 *     <td>{@code GaussianCurvesTest.ouMomentsMatchEulerMaruyama}, {@code .ouCurveSolvesFokkerPlanckWithTheHalf}</td>
 *     <td>independent estimate: Euler–Maruyama sample mean and variance (±0.03, ±0.04); the
 *         Fokker–Planck residual; closed-form σ²/(2θ)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000 ("Absolutely
 * continuous curves", Fokker–Planck), seed 001 (telegrapher's equation and Kac flow in 1-D),
 * seed 003 and seed 004 (continuity and Fokker–Planck equations, the OU process).
 */
package genflow.pde;
