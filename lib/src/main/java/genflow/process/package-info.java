/**
 * The 1-D noise processes of "Generative flows from 1D processes" (seed 000) and the Kac model
 * (seed 001): the Wiener process, the Kac (telegraph) process with its telegrapher density and
 * velocity field, the uniform process and the particle MMD (energy-distance) gradient flow it
 * solves, diagnostics of the Kac flow, and sample paths of the Kac walk next to Brownian motion. A
 * {@link genflow.process.Process1D} Y<sub>s</sub> is started at 0 and gives draws and the velocity
 * field of its law; the d-dimensional process has independent components
 * ({@link genflow.process.KacProcess#sample(double, int, java.util.random.RandomGenerator)},
 * {@link genflow.process.KacProcess#conditionalVelocity(double, double[], double[])}).
 * <b>Time runs data → noise here:</b> every process starts at δ₀ at s = 0 and spreads out as s grows,
 * as in the mean-reverting path X<sub>t</sub> = f(t)X₀ + Y<sub>g(t)</sub> (t = 0 data); the conversion to
 * flow time (t = 0 noise, t = 1 data) happens in one place, {@code genflow.path.TimeReversal}, never by
 * hand. Uses {@code genflow.math} (Bessel functions, quadrature) and {@code genflow.random} (draws).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>Wiener: W<sub>s</sub> = √s Z, p<sub>s</sub>(y) = (2πs)<sup>−1/2</sup>e<sup>−y²/(2s)</sup></td>
 *     <td>{@link genflow.process.WienerProcess#sample(double, java.util.random.RandomGenerator)},
 *         {@link genflow.process.WienerProcess#density(double, double)}</td>
 *     <td>{@code WienerProcessTest.samplesMatchTheGaussianLaw}</td>
 *     <td>Kolmogorov–Smirnov at the 1 % level against the quadrature cdf of the density</td></tr>
 * <tr><td>Wiener velocity v<sub>s</sub>(y) = y/(2s); ‖v<sub>s</sub>‖² = 1/(4s)</td>
 *     <td>{@link genflow.process.WienerProcess#velocity(double, double)},
 *         {@link genflow.process.WienerProcess#velocityNormSquared(double)}</td>
 *     <td>{@code WienerProcessTest.velocitySatisfiesContinuityEquation}, {@code .velocityNormIsOneOverFourS}</td>
 *     <td>continuity equation ∂<sub>s</sub>p + ∂<sub>y</sub>(pv) = 0 by central differences (relative 1e-6);
 *         quadrature of v²p</td></tr>
 * <tr><td>Kac atoms: mass e<sup>−at</sup> at ±ct</td>
 *     <td>{@link genflow.process.KacProcess#atomMass(double)}</td>
 *     <td>{@code KacProcessTest.atomsHaveTheRightFrequency}, {@code .massIsOneAndEverythingFiniteOnTheWholeGrid}</td>
 *     <td>frequency of |K<sub>t</sub>| = ct in both samplers (4 standard errors)</td></tr>
 * <tr><td>telegrapher density p<sub>t</sub>(x) = (e<sup>−at</sup>/2c)[a I₀(βr) + act I₁(βr)/r],
 *         r = √(c²t² − x²), β = a/c</td>
 *     <td>{@link genflow.process.KacProcess#density(double, double)}</td>
 *     <td>{@code KacProcessTest.massIsOneAndEverythingFiniteOnTheWholeGrid}, {@code .densityAtTimeZeroAndBoundaryLimits},
 *         {@code .approachesHeatKernelAsRatesGrow},
 *         {@code genflow.pde.PdeResidualTest.kacDensitySolvesTheTelegrapherEquation}</td>
 *     <td>∫p + e<sup>−at</sup> = 1 to 1e-9 on 150 (a, c, t); closed forms at x = 0 and x = ±ct; the
 *         telegrapher PDE residual; L² distance to the heat kernel decreasing as a, c → ∞</td></tr>
 * <tr><td>Kac cdf P(K<sub>t</sub> ≤ x) = ½ ± ∫₀<sup>|x|</sup> p<sub>t</sub> (+ atoms)</td>
 *     <td>{@link genflow.process.KacProcess#cdf(double, double)}</td>
 *     <td>{@code KacProcessTest.jumpSimulationAgreesWithCdf}, {@code .exactSamplerAgreesWithCdf}</td>
 *     <td>independent estimate: KS against draws from the simulated reversals</td></tr>
 * <tr><td>E[K<sub>t</sub>²] = (c²/a)(t − (1 − e<sup>−2at</sup>)/(2a))</td>
 *     <td>{@link genflow.process.KacProcess#secondMoment(double)}</td>
 *     <td>{@code KacProcessTest.secondMomentMatchesQuadratureAndSamples}</td>
 *     <td>quadrature of x²p plus the atoms (relative 1e-10); Monte Carlo</td></tr>
 * <tr><td>Kac velocity v<sub>t</sub>(x) = x/(t + (r/c) I₀(βr)/I₁(βr)), ±c at ±ct</td>
 *     <td>{@link genflow.process.KacProcess#velocity(double, double)}</td>
 *     <td>{@code KacProcessTest.velocitySatisfiesContinuityEquation}, {@code .densityAtTimeZeroAndBoundaryLimits},
 *         {@code genflow.pde.PdeResidualTest.kacDensityAndVelocitySatisfyContinuity1D}</td>
 *     <td>integrated continuity equation ∂<sub>t</sub>F = −p v (relative 1e-6), and the same check rejects
 *         the swapped ratio I₁/I₀; limits c·at/(at+2) at the edge, x/(t + 2/a) for small t</td></tr>
 * <tr><td>conditional velocity v<sub>t</sub>(x | x₀)<sub>i</sub> = v<sub>t</sub>(x<sub>i</sub> − x₀<sub>i</sub>)</td>
 *     <td>{@link genflow.process.KacProcess#conditionalVelocity(double, double[], double[])}</td>
 *     <td>{@code KacProcessTest.multidimensionalHelpers},
 *         {@code genflow.pde.PdeResidualTest.productKacSatisfiesContinuity2D}</td>
 *     <td>the 1-D velocity componentwise; the 2-D continuity residual of the product law</td></tr>
 * <tr><td>exact draw: N ~ Poi(at); N = 0 an atom, else U = Z/√(Z² + 2G), G ~ Gamma(⌈N/2⌉), K<sub>t</sub> = ctU</td>
 *     <td>{@link genflow.process.KacProcess#sample(double, java.util.random.RandomGenerator)},
 *         {@link genflow.process.KacProcess#sampleBatch(double, int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code KacProcessTest.exactSamplerAgreesWithCdf}, {@code .atomsHaveTheRightFrequency},
 *         {@code .exactSamplerCostDoesNotGrowWithAt}</td>
 *     <td>KS at 1 % against the Bessel cdf for a·t from 0.5 to 2·10⁴ (the test tells a = 9 from a = 12);
 *         fewer than 7 random draws per sample</td></tr>
 * <tr><td>Kac walk by reversals: Exp(a) waiting times, K<sub>t</sub> = c(j₁ − (j₂ − j₁) + … ± (t − j<sub>N</sub>))</td>
 *     <td>{@link genflow.process.KacProcess#sampleByJumps(double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code KacProcessTest.jumpSimulationAgreesWithCdf}, {@code .atomsHaveTheRightFrequency}</td>
 *     <td>KS at 1 % against the Bessel cdf</td></tr>
 * <tr><td>discrete Kac walk S<sub>k</sub> = cΔt Σ<sub>j&lt;k</sub> ε₀(−1)<sup>N<sub>j</sub></sup>; Brownian
 *         W<sub>k+1</sub> = W<sub>k</sub> + √Δt Z<sub>k</sub></td>
 *     <td>{@link genflow.process.SamplePaths#kacWalk(double, double, double, int, java.util.random.RandomGenerator)},
 *         {@link genflow.process.SamplePaths#brownian(double, double, int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code SamplePathsTest.kacWalkMovesAtSpeedCAndMatchesKacSecondMomentAndAtomMass},
 *         {@code .brownianHasVarianceSigma2T}</td>
 *     <td>steps of length cΔt; the Kac process's E[K<sub>t</sub>²] and atom mass; variance σ²t</td></tr>
 * <tr><td>‖v<sub>t</sub>‖² in L²(μ<sub>t</sub>) = c²e<sup>−at</sup> + ∫ v<sub>t</sub>²p<sub>t</sub> ≤ c²;
 *         diffusion σ²/(4t)</td>
 *     <td>{@link genflow.process.KacDiagnostics#velocityNormSquared(KacProcess, double)},
 *         {@link genflow.process.KacDiagnostics#diffusionVelocityNormSquared(double, double)}</td>
 *     <td>{@code KacDiagnosticsTest.velocityNormMatchesMonteCarloAndIsBoundedByC2},
 *         {@code .largeTimeKineticEnergyApproachesDiffusionValue}</td>
 *     <td>independent estimate: Monte Carlo E[v(K<sub>t</sub>)²] (2 %); the bound c²; the diffusion value for at ≫ 1</td></tr>
 * <tr><td>‖p<sub>t</sub> − N(0, (c²/a)t)‖<sub>L²</sub></td>
 *     <td>{@link genflow.process.KacDiagnostics#l2DistanceToHeatKernel(KacProcess, double)}</td>
 *     <td>{@code KacDiagnosticsTest.heatKernelDistanceShrinksLikeOneOverA}</td>
 *     <td>the published rate (seed 001): ratio ≈ 4 per factor 4 in a (accepted in (3, 5))</td></tr>
 * <tr><td>uniform process: U<sub>t</sub> = h<sub>t</sub>U, h<sub>t</sub> = b(1 − e<sup>−t/b</sup>), density 1/(2h<sub>t</sub>)</td>
 *     <td>{@link genflow.process.UniformProcess#sample(double, java.util.random.RandomGenerator)},
 *         {@link genflow.process.UniformProcess#halfWidth(double)}, {@link genflow.process.UniformProcess#density(double, double)},
 *         {@link genflow.process.UniformProcess#cdf(double, double)}</td>
 *     <td>{@code UniformProcessTest.samplesMatchTheUniformLaw}</td>
 *     <td>KS at 1 %; closed-form h<sub>t</sub></td></tr>
 * <tr><td>uniform-process velocity v<sub>t</sub>(x) = x/(b(e<sup>t/b</sup> − 1)); ‖v<sub>t</sub>‖² = e<sup>−2t/b</sup>/3
 *         (seed 000 writes (2b/3)e<sup>−2t/b</sup>: erratum)</td>
 *     <td>{@link genflow.process.UniformProcess#velocity(double, double)},
 *         {@link genflow.process.UniformProcess#velocityNormSquared(double)}</td>
 *     <td>{@code UniformProcessTest.velocitySatisfiesContinuityEquationAndMovesTheEdge},
 *         {@code .velocityNormIsExpOver3NotTheSeedsFormula}</td>
 *     <td>continuity residual and dh/dt = v(h) by central differences; quadrature and Monte Carlo
 *         of v²; the seed's formula is shown to be wrong for b ≠ ½</td></tr>
 * <tr><td>MMD (energy-distance) particle flow v<sub>i</sub> = (1/N)Σ<sub>j≠i</sub> sign(x<sub>i</sub> − x<sub>j</sub>)
 *         − (1/M)Σ<sub>k</sub> sign(x<sub>i</sub> − y<sub>k</sub>), explicit Euler</td>
 *     <td>{@link genflow.process.EnergyDistanceFlow1D#velocity(double[])},
 *         {@link genflow.process.EnergyDistanceFlow1D#run(double[], double, int)}</td>
 *     <td>{@code EnergyDistanceFlow1DTest.velocityMatchesBruteForceSignSums}, {@code .pointMassSplitsIntoQuantileOrder},
 *         {@code .fromPointMassFollowsTheUniformProcess}</td>
 *     <td>the O(NM) double sum; the closed form 2u<sub>i</sub> − 1 for a point mass; the exact flow
 *         from δ₀ to U[−b, b], the uniform process (quantile error &lt; 4e-3)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000 (Wiener,
 * uniform process and MMD gradient flow), seed 001 (Kac walk, telegrapher density, velocity,
 * multidimensional Kac process, convergence to the heat kernel); Duong, Chemseddine, Friz, Steidl
 * 2025 (Kac flows); Kac 1974.
 */
package genflow.process;
