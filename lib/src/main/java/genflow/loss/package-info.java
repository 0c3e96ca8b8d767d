/**
 * The training losses of the lectures, each an {@link genflow.nn.Objective} with its exact
 * gradient, on any {@link genflow.nn.FieldModel} (the fused Mlp or a SameDiff model): conditional
 * flow matching with the independent or the minibatch-OT coupling (CFM, OT-CFM), denoising score
 * matching, flow matching over a 1-D process such as Kac (Kac-FM), and learned quantile noise
 * (the noise law ν<sub>φ</sub> = (Q<sub>φ</sub>)<sub>#</sub>U, its W₂ fit alone, and jointly with a
 * velocity net). Every loss draws x<sub>t</sub> and its regression target from the path's one entry
 * point {@code sample(t, data, noise)} ({@code genflow.path}). <b>Time: t = 0 noise, t = 1 data for
 * every loss here</b>, with data = x₁ and noise = x₀ (or ε); Kac-FM takes its path in process time and
 * trains in flow time through {@link genflow.path.MeanRevertingPath#inFlowTime()} (the conversion
 * lives in {@link genflow.path.TimeReversal}; a deprecated data-time constructor remains for one
 * notebook). Uses {@code genflow.math}, {@code genflow.schedule}, {@code genflow.dist},
 * {@code genflow.process}, {@code genflow.path}, {@code genflow.ot} (the exact assignment) and
 * {@code genflow.nn}.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>CFM: L(θ) = E‖v<sub>θ</sub>(t, x<sub>t</sub>) − (x₁ − x₀)‖², x<sub>t</sub> = (1 − t)x₀ + tx₁, t ~ U[0, 1]</td>
 *     <td>{@link genflow.loss.ConditionalFlowMatching#independent(genflow.nn.FieldModel)},
 *         {@link genflow.loss.ConditionalFlowMatching#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])}</td>
 *     <td>{@code LossesTest.cfmValueMatchesAnIndependentComputation}, {@code .cfmAndOtCfmGradientsMatchFiniteDifferences},
 *         {@code .indArrayEvaluateAgreesWithTheFlatPath},
 *         {@code genflow.nn.samediff.SameDiffModelTest.libraryLossOnASameDiffModelHasTheFusedValueAndGradient}</td>
 *     <td>the value written out with the same times (1e-12); gradients against central finite
 *         differences (1e-6); the same loss written as a SameDiff expression</td></tr>
 * <tr><td>OT-CFM: the batch re-paired by σ = argmin<sub>σ</sub> Σ<sub>i</sub> ‖x0<sub>i</sub> − x1<sub>σ(i)</sub>‖²</td>
 *     <td>{@link genflow.loss.ConditionalFlowMatching#minibatchOt(genflow.nn.FieldModel)},
 *         {@link genflow.loss.ConditionalFlowMatching#otPairing(double[], double[], int, int)}</td>
 *     <td>{@code LossesTest.otPairingIsTheBruteForceOptimum}, {@code .cfmAndOtCfmGradientsMatchFiniteDifferences}</td>
 *     <td>brute force over the 6! pairings; finite differences</td></tr>
 * <tr><td>CFM on a given coupling (rectified flow / reflow): L(θ) = E<sub>(x₀, x₁)~π</sub>‖v<sub>θ</sub>(t, x<sub>t</sub>) − (x₁ − x₀)‖²,
 *         data rows [x₀, x₁]</td>
 *     <td>{@link genflow.loss.CoupledFlowMatching#of(genflow.nn.FieldModel)},
 *         {@link genflow.loss.CoupledFlowMatching#pairs(double[][], double[][])}</td>
 *     <td>{@code CoupledFlowMatchingTest.valueMatchesAHandComputationOnTheLinearPath}, {@code .equalsIndependentCfmOnTheSamePairs},
 *         {@code .gradientMatchesFiniteDifferences}, {@code .trainingOnANonCrossingCouplingLearnsItsStraightField}</td>
 *     <td>the value written out with the same times (1e-12); bit-equal to independent CFM on the pairs as drawn;
 *         finite differences (1e-6); on x₁ = x₀ + c (C = 0) training reaches loss &lt; 1e-3 and v ≈ c (0.05)</td></tr>
 * <tr><td>CFM on any Gaussian path: target α̇<sub>t</sub>x₁ + β̇<sub>t</sub>x₀</td>
 *     <td>{@link genflow.loss.ConditionalFlowMatching#of(genflow.nn.FieldModel, genflow.path.GaussianPath, boolean)}</td>
 *     <td>untested as a loss (only the linear path is trained in tests); its target is checked in
 *         {@code genflow.path.PathSampleTest.gaussianSampleIsTheStraightThroughVelocity}</td>
 *     <td>—</td></tr>
 * <tr><td>one coordinate of the linear path and target: (1 − t)x₀ + tx₁, x₁ − x₀</td>
 *     <td>{@link genflow.loss.ConditionalFlowMatching#interpolate(double, double, double)},
 *         {@link genflow.loss.ConditionalFlowMatching#target(double, double)}</td>
 *     <td>untested</td>
 *     <td>—</td></tr>
 * <tr><td>DSM: L(θ) = E‖β<sub>t</sub>s<sub>θ</sub>(t, x<sub>t</sub>) + ε‖², t ~ U[0, t<sub>max</sub>];
 *         conditional score −(x − α<sub>t</sub>x₁)/β<sub>t</sub>²</td>
 *     <td>{@link genflow.loss.DenoisingScoreMatching#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])},
 *         {@link genflow.loss.DenoisingScoreMatching#conditionalScore(double, double, double)}</td>
 *     <td>{@code LossesTest.dsmValueAndGradient},
 *         {@code genflow.nn.samediff.SameDiffModelTest.samediffDsmWithAWeightInputEqualsTheLibraryDsm}</td>
 *     <td>the value written out as β<sub>t</sub>(s − conditional score) (1e-10); finite differences; a
 *         SameDiff expression with weight λ<sub>t</sub> = β<sub>t</sub>² (VP schedule)</td></tr>
 * <tr><td>Kac-FM: x<sub>t</sub> = f(1−t)x₁ + Y<sub>g(1−t)</sub>, u<sub>t</sub> = −ḟ(1−t)x₁ − ġ(1−t)v<sup>Y</sup><sub>g(1−t)</sub>(Y),
 *         L = E‖v<sub>θ</sub>(t, x<sub>t</sub>) − u<sub>t</sub>‖², t ~ U[0, t<sub>max</sub>]</td>
 *     <td>{@link genflow.loss.KacFlowMatching#KacFlowMatching(genflow.nn.FieldModel, genflow.path.MeanRevertingPath, double)},
 *         {@link genflow.loss.KacFlowMatching#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])}</td>
 *     <td>{@code LossesTest.kacFlowTimeGradientMatchesFiniteDifferencesAndValueIsTheFlowTimeRegression},
 *         {@code .kacFlowTimeTargetWithWienerAndSquareClockIsTheGaussianFmTarget}</td>
 *     <td>the regression on the path's flow-time sample written out (1e-12); finite differences; with
 *         Wiener noise and g = Ts² the Gaussian FM target x₁ − √T ε (closed form)</td></tr>
 * <tr><td>Kac-FM clocks f(s) = 1 − s, g(s) = Ts or Ts² (process time)</td>
 *     <td>{@link genflow.loss.KacFlowMatching.TimeChange#clock(double)}</td>
 *     <td>{@code LossesTest.kacFlowTimeTargetWithWienerAndSquareClockIsTheGaussianFmTarget}</td>
 *     <td>closed forms g(0.3) = 0.6, ġ = 2 for T = 2</td></tr>
 * <tr><td>deprecated data-time Kac-FM: v<sub>s</sub>(x | x₀) = ḟ(s)x₀ + ġ(s)v<sup>Y</sup><sub>g(s)</sub>(x − f(s)x₀)</td>
 *     <td>{@link genflow.loss.KacFlowMatching#conditionalVelocity(double, double, double)}</td>
 *     <td>{@code LossesTest.kacTargetWithWienerAndSquareScheduleIsTheGaussianFmTarget}, {@code .kacGradientMatchesFiniteDifferences}</td>
 *     <td>closed forms ε − x₀ (Wiener, square clock) and a linear-clock value by hand; finite differences</td></tr>
 * <tr><td>learned noise ν<sub>φ</sub>: Y = (Q<sub>φ</sub>¹(U¹), …, Q<sub>φ</sub><sup>d</sup>(U<sup>d</sup>)), U ~ U(0, 1)<sup>d</sup></td>
 *     <td>{@link genflow.loss.QuantileNoise#sample(int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code QuantileNoiseTest.identitySplineGivesStandardNormalMarginals}</td>
 *     <td>closed form: N(0, 1) marginals (mean, variance, Φ(1)) for the identity spline</td></tr>
 * <tr><td>E(φ) = Σ<sub>c</sub> W₂²(μ<sup>c</sup>, (Q<sub>φ</sub><sup>c</sup>)<sub>#</sub>U) ≈ (1/n)Σ<sub>i</sub> (q<sup>c</sup><sub>(i)</sub> − x<sup>c</sup><sub>(i)</sub>)²</td>
 *     <td>{@link genflow.loss.QuantileW2Loss#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])}</td>
 *     <td>{@code QuantileW2LossTest.lossIsSortedW2OfSplineSamplesAndGradientMatchesFiniteDifferences},
 *         {@code .trainingFitsAGaussianMarginalByW2Alone}</td>
 *     <td>{@code genflow.metrics.Wasserstein.squaredW2OneDim} on the same uniforms (1e-12); finite
 *         differences; training reaches W₂ &lt; 0.08 to N(1, 0.25) and its quartiles (closed form before:
 *         √1.25)</td></tr>
 * <tr><td>sorted 1-D W₂²: (1/m)Σ<sub>i</sub> (a<sub>(i)</sub> − b<sub>(i)</sub>)²</td>
 *     <td>{@link genflow.loss.QuantileNoiseLoss#w2SquaredSorted(double[], double[])}</td>
 *     <td>{@code LossesTest.sortedW2IsExactForShiftsAndPermutations}</td>
 *     <td>closed forms: 1 for a unit shift, 0 for a permutation</td></tr>
 * <tr><td>joint loss L(θ, φ) = E‖v<sub>θ</sub>(t, x<sub>t</sub>) − (x₁ − Q<sub>φ</sub>(U))‖² + λΣ<sub>c</sub> W₂²(μ<sup>c</sup>, ν<sub>φ</sub><sup>c</sup>)</td>
 *     <td>{@link genflow.loss.QuantileNoiseLoss#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])}</td>
 *     <td>{@code LossesTest.quantileLossGradientsForNetAndSplineMatchFiniteDifferences},
 *         {@code .quantileW2TermAloneMovesNoiseMarginalsToTheData}</td>
 *     <td>gradients of θ and φ against finite differences (1e-5, independent and OT pairing); the W₂
 *         term moves the noise median and quartiles to N(3, 0.25); the loss value itself is not
 *         compared with an independent computation</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 004 ch. 3 and
 * seed 000 (flow matching, "Generative flows from 1D processes", "Learning Quantile Functions"),
 * seed 003 (score matching, rectified flows); Lipman et al. 2023, Tong et al. 2024 (OT-CFM), Liu, Gong, Liu 2023 (rectified flow), Vincent 2011, Song et
 * al. 2021, Duong, Chemseddine, Friz, Steidl 2025 (Kac flows), Chemseddine, Kornhardt, Duong,
 * Steidl 2025 (learned noise), Durkan et al. 2019.
 */
package genflow.loss;
