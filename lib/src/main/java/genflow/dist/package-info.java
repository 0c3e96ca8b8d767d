/**
 * The distributions the lectures start from and aim at: the source distribution p<sub>init</sub>
 * (usually N(0, I), or heavy-tailed Student-t noise) and the data distributions p<sub>data</sub> (the
 * 2-D toy sets of the flow-matching literature, Gaussian mixtures with small and large modes, Neal's
 * funnel, an empirical data set, the 8×8 handwritten digits). A {@link genflow.dist.Sampleable}
 * draws samples {@code double[n][d]} from an explicit generator; a {@link genflow.dist.Density}
 * gives log p(x) and the score ∇<sub>x</sub> log p(x) exactly, where it is known. Distributions
 * are static: there is no time variable here (time-dependent marginals live in
 * {@code genflow.path}). Uses {@code genflow.math} (special functions, checks) and
 * {@code genflow.random} (draws).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>N(m, diag s²): log p(x) = −½ Σ<sub>j</sub> [(x<sub>j</sub> − m<sub>j</sub>)²/s<sub>j</sub>² + log 2πs<sub>j</sub>²]</td>
 *     <td>{@link genflow.dist.Gaussian#logDensity(double[])}</td>
 *     <td>{@code DistributionsTest.gaussianDensityScoreAndSamples},
 *         {@code DistBadInputTest.densitiesFarOutAreFiniteOrRejected}</td>
 *     <td>closed form through {@code SpecialFunctions.normalLogPdf}; −(d/2) log 2π at 0</td></tr>
 * <tr><td>Gaussian score (m − x)/s²</td>
 *     <td>{@link genflow.dist.Gaussian#score(double[])}</td>
 *     <td>{@code DistributionsTest.gaussianDensityScoreAndSamples}</td>
 *     <td>independent estimate: central differences of log p</td></tr>
 * <tr><td>X = m + s ⊙ Z</td>
 *     <td>{@link genflow.dist.Gaussian#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DistributionsTest.gaussianDensityScoreAndSamples}</td>
 *     <td>closed-form mean and variance within 5 standard errors</td></tr>
 * <tr><td>mixture: p(x) = Σ<sub>k</sub> w<sub>k</sub> N(x; m<sub>k</sub>, diag s<sub>k</sub>²), by log-sum-exp</td>
 *     <td>{@link genflow.dist.GaussianMixture#logDensity(double[])},
 *         {@link genflow.dist.GaussianMixture#logJoint(double[])}</td>
 *     <td>{@code GaussianMixtureTest.singleComponentIsTheGaussianClosedForm}, {@code .densityIntegratesToOneOnAGrid},
 *         {@code .responsibilitiesAreBayesPosteriors}, {@code DistBadInputTest.gmmLogDensityAndScoreFarOut}</td>
 *     <td>closed form (one component); ∫ p = 1 on a grid to 1e-6; log Σ exp of the log joints</td></tr>
 * <tr><td>responsibilities γ<sub>k</sub>(x) = w<sub>k</sub>N<sub>k</sub>(x)/p(x), exact differences far out</td>
 *     <td>{@link genflow.dist.GaussianMixture#responsibilities(double[])}</td>
 *     <td>{@code GaussianMixtureTest.responsibilitiesAreBayesPosteriors},
 *         {@code DistBadInputTest.gmmResponsibilitiesAreFiniteAndRightFarFromTheData}</td>
 *     <td>Bayes' rule from the log joints; closed-form odds e<sup>1/2</sup> and a two-component
 *         logistic at |x| up to 1.7e308</td></tr>
 * <tr><td>mixture score ∇log p(x) = Σ<sub>k</sub> γ<sub>k</sub>(x)(m<sub>k</sub> − x)/s<sub>k</sub>²</td>
 *     <td>{@link genflow.dist.GaussianMixture#score(double[])}</td>
 *     <td>{@code GaussianMixtureTest.scoreMatchesFiniteDifferencesOfLogDensity}, {@code .farFromAllModesStaysFinite},
 *         {@code .singleComponentIsTheGaussianClosedForm}</td>
 *     <td>independent estimate: central differences of log p (3 mixtures × 50 points); the nearest
 *         component's closed form far away</td></tr>
 * <tr><td>mixture sampling: K ~ w, X = m<sub>K</sub> + s<sub>K</sub> ⊙ Z; mean Σ w<sub>k</sub>m<sub>k</sub></td>
 *     <td>{@link genflow.dist.GaussianMixture#sample(int, java.util.random.RandomGenerator)},
 *         {@link genflow.dist.GaussianMixture#sampleComponent(java.util.random.RandomGenerator)},
 *         {@link genflow.dist.GaussianMixture#mean()}</td>
 *     <td>{@code GaussianMixtureTest.sampleMomentsMatchExactMeanAndCovariance}, {@code .componentFrequenciesMatchWeights},
 *         {@code .zeroWeightComponentIsNeverDrawnEvenAtTheTopOfTheUnitInterval}</td>
 *     <td>closed-form mean and covariance Σ w<sub>k</sub>(diag v<sub>k</sub> + m<sub>k</sub>m<sub>k</sub>ᵀ) − μμᵀ;
 *         χ² of component frequencies</td></tr>
 * <tr><td>scaled Student-t: log p = Σ<sub>j</sub> [log t<sub>ν</sub>(r<sub>j</sub>/σ<sub>j</sub>) − log σ<sub>j</sub>],
 *         score −(ν+1)r<sub>j</sub>/(νσ<sub>j</sub>² + r<sub>j</sub>²)</td>
 *     <td>{@link genflow.dist.StudentT#logDensity(double[])}, {@link genflow.dist.StudentT#score(double[])},
 *         {@link genflow.dist.StudentT#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DistributionsTest.studentTDensityScoreAndSamples},
 *         {@code DistBadInputTest.densitiesFarOutAreFiniteOrRejected}</td>
 *     <td>closed form (ν = 1, Cauchy); central differences of log p; Cauchy P(X ≤ μ + σ) = 3/4,
 *         t₅ variance σ²ν/(ν−2)</td></tr>
 * <tr><td>uniform box: log p = −Σ<sub>j</sub> log(hi<sub>j</sub> − lo<sub>j</sub>) inside, −∞ outside; score 0</td>
 *     <td>{@link genflow.dist.Uniform#logDensity(double[])}, {@link genflow.dist.Uniform#score(double[])},
 *         {@link genflow.dist.Uniform#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DistributionsTest.uniformDensitySupportAndSamples}</td>
 *     <td>closed forms; sample mean and variance (b−a)²/12 within 5 standard errors</td></tr>
 * <tr><td>empirical (1/n) Σ<sub>i</sub> δ(x − x<sub>i</sub>): rows with replacement</td>
 *     <td>{@link genflow.dist.Empirical#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DistributionsTest.empiricalSamplesRowsUniformlyWithReplacement}</td>
 *     <td>χ² of row frequencies against 1/n</td></tr>
 * <tr><td>Neal's funnel: v ~ N(0, 9), x<sub>i</sub> | v ~ N(0, e<sup>v</sup>); its log density and score</td>
 *     <td>{@link genflow.dist.NealsFunnel#logDensity(double[])}, {@link genflow.dist.NealsFunnel#score(double[])},
 *         {@link genflow.dist.NealsFunnel#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code DistributionsTest.nealsFunnelDensityScoreAndSamples},
 *         {@code DistBadInputTest.densitiesFarOutAreFiniteOrRejected}</td>
 *     <td>independent formula through {@link genflow.dist.Gaussian}; central differences; var v = 9 and
 *         x<sub>i</sub>e<sup>−v/2</sup> ~ N(0, 1) independent of v</td></tr>
 * <tr><td>8 Gaussians: means 5(cos kπ/4, sin kπ/4), std 0.1<sup>1/4</sup> (TorchCFM)</td>
 *     <td>{@link genflow.dist.ToyData#eightGaussians()}</td>
 *     <td>{@code ToyDataTest.eightGaussiansFollowTorchCfmScaling}</td>
 *     <td>published scaling of TorchCFM's {@code sample_8gaussians}</td></tr>
 * <tr><td>3×3 grid: means s((k mod 3) − 1, ⌊k/3⌋ − 1), corner weights ρ/(4ρ+5)</td>
 *     <td>{@link genflow.dist.ToyData#grid3x3(double, double, double)}</td>
 *     <td>{@code ToyDataTest.grid3x3HasSmallCornerModesAndSamplesRecoverTheirMass}</td>
 *     <td>closed-form weights 1/19, 3/19; χ² of the modes samples fall in</td></tr>
 * <tr><td>two moons 3·(cos θ, sin θ) − 1 or 3·(1 − cos θ, ½ − sin θ) − 1, plus noise</td>
 *     <td>{@link genflow.dist.ToyData#moons(double)}</td>
 *     <td>{@code ToyDataTest.moonsLieOnTheTwoArcs}</td>
 *     <td>noiseless points on the two arcs to 1e-12; half on each; closed-form mean (½, −¼)</td></tr>
 * <tr><td>two circles of radii 3 and 3·factor, plus noise</td>
 *     <td>{@link genflow.dist.ToyData#circles(double, double)}</td>
 *     <td>{@code ToyDataTest.circlesHaveRadiiThreeAndThreeTimesFactor}</td>
 *     <td>radii to 1e-12; closed form E|X|² = 9(½(1 + f²) + 2σ²)</td></tr>
 * <tr><td>checkerboard: uniform on 8 black squares of [−4, 4]²</td>
 *     <td>{@link genflow.dist.ToyData#checkerboard()}</td>
 *     <td>{@code ToyDataTest.checkerboardIsUniformOnTheEightBlackSquares}</td>
 *     <td>support; χ² over the 8 squares; uniform inside a square</td></tr>
 * <tr><td>two spirals s(−t cos t + U′, t sin t + U″)/3, t = 3π√U</td>
 *     <td>{@link genflow.dist.ToyData#spirals(double)}</td>
 *     <td>{@code ToyDataTest.spiralsAreSymmetricAndBounded}</td>
 *     <td>bounds only (maximal radius between π − 0.2 and π + √2/6) and mean 0 by symmetry; the arm
 *         shape itself is not compared with the formula</td></tr>
 * <tr><td>digits: x = p/16 ∈ [0, 1], x = p/8 − 1 ∈ [−1, 1]</td>
 *     <td>{@link genflow.dist.Digits#images01()}, {@link genflow.dist.Digits#imagesSigned()},
 *         {@link genflow.dist.Digits#load(java.nio.file.Path)}</td>
 *     <td>{@code DigitsTest.shippedFileHasTheDocumentedShapeAndContent},
 *         {@code .malformedFilesAreRejectedNamingFileLineAndColumn}</td>
 *     <td>published data: 1797 images, label counts and first row of the UCI/scikit-learn set, mean
 *         intensity 4.884164579855314 (numpy)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 004 §1 (the
 * Gaussian source), seed 000 (heavy-tailed noise, the grid experiment of the Kac model); Tong et
 * al. (TorchCFM) and Grathwohl et al. (FFJORD) for the toy sets, Neal 2003 (funnel), Pandey et
 * al. 2024 (heavy-tailed diffusion), Alpaydin &amp; Kaynak (the digits).
 */
package genflow.dist;
