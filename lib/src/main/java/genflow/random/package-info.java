/**
 * Randomness with a seed: {@link genflow.random.Rngs#seeded(long)} makes the course's standard
 * generator, so that the same seed gives the same numbers, figures and checkpoint bytes on every
 * machine, and {@link genflow.random.Draws} draws exactly from the distributions the lectures need
 * (Poisson jump counts of the Kac walk, exponential waiting times, Gamma and Student-t noise,
 * Gaussian vectors, categorical mixture components), always from a caller-supplied
 * {@link java.util.random.RandomGenerator}. No time variable. Uses {@code genflow.math} (argument
 * checks) only.
 *
 * <p>The draws are checked statistically, with a tolerance of five standard errors or a χ² test at
 * level 1e-4 (fixed seeds, so the tests are deterministic; small enough to catch a wrong mean,
 * variance or probability); {@code DrawsTest.chiSquareTestDetectsAWrongMean} shows the
 * χ² test rejects Poisson(40.8) counts as Poisson(40).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>P(K = k) = e<sup>−λ</sup>λ<sup>k</sup>/k! (inversion for λ &lt; 10, Hörmann's PTRS from 10 on)</td>
 *     <td>{@link genflow.random.Draws#poisson(double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.poissonMomentsAcrossBothAlgorithms}, {@code .poissonPmfPassesChiSquare},
 *         {@code DrawsAcceptanceTest.poissonMatchesPmf}, {@code .subSamplerAcceptanceRates}</td>
 *     <td>closed forms: mean λ, variance λ, μ₄ = λ(1 + 3λ) for λ from 0.2 to 1e6; χ² against the
 *         exact pmf; per-bin pmf; PTRS acceptance &gt; 0.7</td></tr>
 * <tr><td>X = −log(1 − U)/rate, density rate·e<sup>−rate·x</sup></td>
 *     <td>{@link genflow.random.Draws#exponential(double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.exponentialMomentsAndTail}</td>
 *     <td>closed forms: mean 1/λ, variance 1/λ², P(X &gt; 1/λ) = e<sup>−1</sup></td></tr>
 * <tr><td>a + (b − a)U on [a, b)</td>
 *     <td>{@link genflow.random.Draws#uniform(double, double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.uniformMomentsAndRange}</td>
 *     <td>closed forms: mean (a+b)/2, variance (b−a)²/12</td></tr>
 * <tr><td>Z ~ N(0, I<sub>d</sub>); X<sub>j</sub> = m<sub>j</sub> + s<sub>j</sub>Z<sub>j</sub></td>
 *     <td>{@link genflow.random.Draws#gaussianVector(int, java.util.random.RandomGenerator)},
 *         {@link genflow.random.Draws#gaussianVector(double[], double[], java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.gaussianVectorsHaveRightMomentsAndNoCorrelation}</td>
 *     <td>closed forms: mean m<sub>j</sub>, variance s<sub>j</sub>², μ₄ = 3s<sup>4</sup>, zero correlation</td></tr>
 * <tr><td>P(k) = w<sub>k</sub>/Σ<sub>j</sub> w<sub>j</sub></td>
 *     <td>{@link genflow.random.Draws#categorical(double[], java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.categoricalFrequenciesPassChiSquareAndSkipZeroWeights}</td>
 *     <td>χ² against the normalised weights; zero weights never drawn</td></tr>
 * <tr><td>Gamma(k, θ): density x<sup>k−1</sup>e<sup>−x/θ</sup>/(Γ(k)θ<sup>k</sup>) (Marsaglia–Tsang;
 *         k &lt; 1 via Gamma(k+1)·U<sup>1/k</sup>)</td>
 *     <td>{@link genflow.random.Draws#gamma(double, java.util.random.RandomGenerator)},
 *         {@link genflow.random.Draws#gamma(double, double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.gammaMomentsForSmallAndLargeShapes},
 *         {@code DrawsAcceptanceTest.subSamplerAcceptanceRates}</td>
 *     <td>closed forms: mean kθ, variance kθ², μ₄ = (3k² + 6k)θ⁴ for k = 0.3 … 50; acceptance &gt; 0.94</td></tr>
 * <tr><td>T = Z/√(G/ν), G ~ χ²<sub>ν</sub>: density ∝ (1 + t²/ν)<sup>−(ν+1)/2</sup></td>
 *     <td>{@link genflow.random.Draws#studentT(double, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DrawsTest.studentTMomentsAndCdf}</td>
 *     <td>closed forms: variance ν/(ν−2), μ₄ for ν = 9; P(T ≤ c) for ν = 0.4, 1, 2.5 against
 *         quadrature of the exact density (itself checked on the Cauchy cdf)</td></tr>
 * <tr><td>same seed → same numbers (SplittableRandom)</td>
 *     <td>{@link genflow.random.Rngs#seeded(long)}</td>
 *     <td>{@code DrawsTest.sameSeedGivesSameNumbers}</td>
 *     <td>two generators with one seed give identical draws of every kind</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 001 (τ<sub>t</sub>
 * via Poisson jump times); Hörmann 1993 (PTRS) and Marsaglia &amp; Tsang 2000, cited in
 * {@link genflow.random.Draws}.
 */
package genflow.random;
