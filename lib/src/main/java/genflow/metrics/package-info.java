/**
 * How good is a generated sample? Distances between samples and distributions, as the lectures
 * report them: the 2-Wasserstein distance (exact in 1-D by sorting, exact for equal sizes by
 * assignment, sliced), energy distance and Gaussian-kernel MMD, the Fréchet distance of feature
 * statistics (FID-style), Kolmogorov–Smirnov tests, the mean negative log-likelihood and per-mode
 * mass under a Gaussian mixture, nearest-neighbour distances (memorisation check), the path energy
 * and normalized path energy of a flow (how straight, how close to dynamic OT), and the course's
 * quality gate {@link genflow.metrics.SampleQuality}, which always prints a metric next to the value
 * two fresh target samples get. Static sample statistics: no time variable, except the path energy,
 * which follows the trajectory's own times (t₀ where the samples start, usually the noise).
 * Uses {@code genflow.math}, {@code genflow.random}, {@code genflow.dist} (the mixture models),
 * {@code genflow.ode} (the field of the path energy) and {@code genflow.ot} (the exact assignment).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>1-D W₂² = ∫₀¹ (F<sub>μ</sub><sup>−1</sup>(u) − F<sub>ν</sub><sup>−1</sup>(u))² du (any sizes)</td>
 *     <td>{@link genflow.metrics.Wasserstein#squaredW2OneDim(double[], double[])},
 *         {@link genflow.metrics.Wasserstein#w2OneDim(double[], double[])}</td>
 *     <td>{@code WassersteinTest.oneDimMatchesGaussianClosedForm}, {@code .oneDimMatchesExactAssignmentForEqualSizes},
 *         {@code .oneDimUnequalSizesMatchesReplicatedAssignment}</td>
 *     <td>closed form (m₁ − m₂)² + (s₁ − s₂)² for normals (3 % + 0.02); the exact assignment on equal
 *         or replicated samples (1e-12); Sinkhorn with small ε</td></tr>
 * <tr><td>W₂² = min<sub>σ</sub> (1/n)Σ<sub>i</sub> ‖x<sub>i</sub> − y<sub>σ(i)</sub>‖² (equal sizes, any d)</td>
 *     <td>{@link genflow.metrics.Wasserstein#squaredW2Exact(double[][], double[][])},
 *         {@link genflow.metrics.Wasserstein#w2Exact(double[][], double[][])}</td>
 *     <td>{@code WassersteinTest.slicedMatchesExactForRotationInvariantPairs}, {@code .oneDimMatchesExactAssignmentForEqualSizes}</td>
 *     <td>closed form |m|² for a translation (1e-9); the population value d(s₂ − s₁)² for scaled normals</td></tr>
 * <tr><td>sliced SW₂² ≈ (1/L)Σ<sub>l</sub> W₂²(θ<sub>l</sub>·x, θ<sub>l</sub>·y), θ<sub>l</sub> uniform on the sphere</td>
 *     <td>{@link genflow.metrics.Wasserstein#squaredSlicedW2(double[][], double[][], int, java.util.random.RandomGenerator)},
 *         {@link genflow.metrics.Wasserstein#slicedW2(double[][], double[][], int, java.util.random.RandomGenerator)}</td>
 *     <td>{@code WassersteinTest.slicedMatchesExactForRotationInvariantPairs}, {@code .slicedIsReproducibleAndZeroForIdenticalClouds}</td>
 *     <td>closed form W₂²/d for rotation-invariant pairs (5 Monte Carlo standard deviations); 0 for
 *         identical clouds; same seed, same value</td></tr>
 * <tr><td>energy distance 2E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖ (V- and U-statistic)</td>
 *     <td>{@link genflow.metrics.Discrepancy#energyDistance(double[][], double[][], Discrepancy.Estimator)}</td>
 *     <td>{@code DiscrepancyTest.energyDistanceMatchesClosedFormForNormalsAndUniforms},
 *         {@code .biasedEnergyDistanceEqualsTwiceTheCramerDistanceIn1D}, {@code .unbiasedAndBiasedDifferByTheDiagonalTerms},
 *         {@code .energyDistanceIsZeroForTheSameSampleAndPositiveOtherwise}</td>
 *     <td>closed forms for N(0,1) vs N(0,4) and shifted uniforms; exactly 2∫(F<sub>n</sub> − G<sub>m</sub>)² in 1-D
 *         (Székely–Rizzo, 1e-12); the diagonal terms by hand</td></tr>
 * <tr><td>MMD² = E k(X,X′) + E k(Y,Y′) − 2E k(X,Y), k = e<sup>−‖x−y‖²/(2h²)</sup></td>
 *     <td>{@link genflow.metrics.Discrepancy#mmdSquaredGaussian(double[][], double[][], double, Discrepancy.Estimator)}</td>
 *     <td>{@code DiscrepancyTest.gaussianMmdMatchesClosedFormFor1DNormals}, {@code .energyDistanceIsZeroForTheSameSampleAndPositiveOtherwise}</td>
 *     <td>closed form for two 1-D normals (±0.015, Monte Carlo sd ≈ 0.003)</td></tr>
 * <tr><td>Fréchet distance d<sub>F</sub>² = ‖μ₁ − μ₂‖² + Tr(C₁ + C₂ − 2(C₂<sup>1/2</sup>C₁C₂<sup>1/2</sup>)<sup>1/2</sup>)</td>
 *     <td>{@link genflow.metrics.FrechetDistance#between(double[], double[][], double[], double[][])},
 *         {@link genflow.metrics.FrechetDistance#of(double[][], double[][])},
 *         {@link genflow.metrics.FrechetDistance#mean(double[][])},
 *         {@link genflow.metrics.FrechetDistance#covariance(double[][], double[])}</td>
 *     <td>{@code FrechetDistanceTest.oneDimensionalGaussiansGiveTheClosedForm},
 *         {@code .nonCommutingCovariancesMatchTheTwoByTwoTraceFormula}, {@code .samplesOfOneGaussianAreCloseAndAShiftIsSeen}</td>
 *     <td>closed forms: 1-D W₂² of normals; Tr√M = √(Tr M + 2√det M) for non-commuting 2×2
 *         covariances (1e-12); a mean shift of 0.5 gives 0.25</td></tr>
 * <tr><td>KS: D = sup|F<sub>n</sub> − G<sub>m</sub>|, D = max<sub>i</sub> max(i/n − F(x<sub>(i)</sub>), F(x<sub>(i)</sub>) − (i−1)/n);
 *         p = Q<sub>KS</sub>((√N<sub>e</sub> + 0.12 + 0.11/√N<sub>e</sub>)D)</td>
 *     <td>{@link genflow.metrics.KolmogorovSmirnov#twoSample(double[], double[])},
 *         {@link genflow.metrics.KolmogorovSmirnov#oneSample(double[], java.util.function.DoubleUnaryOperator)}</td>
 *     <td>{@code KolmogorovSmirnovTest.twoSampleStatisticMatchesHandComputation}, {@code .oneSampleStatisticMatchesHandComputation},
 *         {@code .pValuesAreCalibratedUnderTheNullAndSmallUnderAnAlternative}</td>
 *     <td>hand-computed statistics; rejection rate 0.05 ± 0.03 under the null over 600 repetitions</td></tr>
 * <tr><td>Kolmogorov distribution P(K ≤ λ) = 1 − 2Σ<sub>k≥1</sub>(−1)<sup>k−1</sup>e<sup>−2k²λ²</sup> (theta form for small λ)</td>
 *     <td>{@link genflow.metrics.KolmogorovSmirnov#kolmogorovCdf(double)},
 *         {@link genflow.metrics.KolmogorovSmirnov#kolmogorovSurvival(double)}</td>
 *     <td>{@code KolmogorovSmirnovTest.kolmogorovDistributionMatchesPublishedQuantiles}</td>
 *     <td>published critical values (1.2238 → 0.90 … 1.9495 → 0.999, Smirnov 1948, Massey 1951); the two
 *         series agree at the switch</td></tr>
 * <tr><td>mean NLL −(1/n)Σ<sub>i</sub> log p(x<sub>i</sub>) under a mixture</td>
 *     <td>{@link genflow.metrics.Likelihood#meanNll(genflow.dist.GaussianMixture, double[][])}</td>
 *     <td>{@code LikelihoodAndModeMassTest.meanNllMatchesDirectEvaluation}, {@code .meanNllOfOwnSamplesEstimatesTheEntropy}</td>
 *     <td>the mixture density written out by hand (1e-12); the entropy (d/2) log(2πeσ²)</td></tr>
 * <tr><td>mode mass: ŵ<sub>k</sub> = (1/n)#{i : k nearest mean}; ŵ<sub>k</sub> = (1/n)Σ<sub>i</sub> γ<sub>k</sub>(x<sub>i</sub>)</td>
 *     <td>{@link genflow.metrics.ModeMass#nearestMean(genflow.dist.GaussianMixture, double[][])},
 *         {@link genflow.metrics.ModeMass#byResponsibility(genflow.dist.GaussianMixture, double[][])}</td>
 *     <td>{@code LikelihoodAndModeMassTest.modeMassRecoversMixtureWeights}</td>
 *     <td>the mixture weights (4 binomial sd); hand-counted small cases; a collapsed sample gives (1, 0, 0)</td></tr>
 * <tr><td>d<sub>i</sub> = min<sub>j</sub> ‖q<sub>i</sub> − r<sub>j</sub>‖; leave-one-out min<sub>j≠i</sub> ‖x<sub>i</sub> − x<sub>j</sub>‖</td>
 *     <td>{@link genflow.metrics.NearestNeighbour#distances(double[][], double[][])},
 *         {@link genflow.metrics.NearestNeighbour#indices(double[][], double[][])},
 *         {@link genflow.metrics.NearestNeighbour#leaveOneOutDistances(double[][])}</td>
 *     <td>{@code NearestNeighbourTest.latticeHasUnitLeaveOneOutDistanceAndZeroSelfDistance},
 *         {@code .meanDistanceToDenseUniformSampleMatchesPoissonLimit}, {@code .distancesAgreeWithIndices}</td>
 *     <td>closed forms on a lattice; the Poisson limit 1/(2m) for uniform points (8 %); brute-force minimum</td></tr>
 * <tr><td>path energy PE = E∫₀¹ ‖v(t, x(t))‖² dt (finite differences, or the field with the trapezoid rule);
 *         NPE = |PE − W₂²|/W₂²</td>
 *     <td>{@link genflow.metrics.PathEnergy#pathEnergy(double[], double[][][])},
 *         {@link genflow.metrics.PathEnergy#pathEnergy(genflow.ode.VectorField, double[], double[][][])},
 *         {@link genflow.metrics.PathEnergy#normalizedPathEnergy(double, double)},
 *         {@link genflow.metrics.PathEnergy#normalizedPathEnergy(double[], double[][][], double[][])}</td>
 *     <td>{@code PathEnergyTest.straightOptimalTrajectoriesHaveZeroNpe}, {@code .independentPairingHasPositiveNpe},
 *         {@code .velocityFieldVersionForATranslationAndARotation}</td>
 *     <td>Benamou–Brenier: NPE = 0 for straight OT paths (1e-10); closed forms |m|² for a translation and
 *         (πr/2)² with NPE = |π²/8 − 1| for a quarter circle</td></tr>
 * <tr><td>quality gate: SW₂ (200 directions) and energy distance against a target sample, reference
 *         mean ± sd of two fresh target samples, ratio SW₂/mean SW₂<sub>ref</sub> ≤ 1.5</td>
 *     <td>{@link genflow.metrics.SampleQuality#score(double[][], double[][], long)},
 *         {@link genflow.metrics.SampleQuality#reference(genflow.dist.Sampleable, int, int, long)},
 *         {@link genflow.metrics.SampleQuality.Reference#ratio(SampleQuality.Score)}</td>
 *     <td>{@code SampleQualityTest.aSecondTargetSampleScoresLikeTheReferenceAndAShiftedOneDoesNot}</td>
 *     <td>a second target sample passes, a shifted one fails; SW₂ of a unit shift in 2-D ≈ √½ (±0.12)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000 (1-D
 * Wasserstein, MMD); Villani 2003 (Thm 2.18), Rabin et al. 2011 and Bonneel et al. 2015 (sliced W₂),
 * Gretton et al. 2012 (MMD), Székely &amp; Rizzo 2013 (energy distance), Heusel et al. 2017 and Dowson &amp;
 * Landau 1982 (Fréchet distance), Stephens 1970 (KS p-values), Tong et al. 2023 (path energy, NPE),
 * Benamou &amp; Brenier 2000.
 */
package genflow.metrics;
