/**
 * Conditional and marginal probability paths, the objects flow matching regresses on: the Gaussian
 * conditional path x<sub>t</sub> = α<sub>t</sub> z + β<sub>t</sub> ε of a schedule (z = {@code data} =
 * x₁, ε = {@code noise} = x₀), the mean-reverting path X<sub>t</sub> = f(t)X₀ + Y<sub>g(t)</sub> over a 1-D
 * process such as Kac (seed 000, "Generative flows from 1D processes"), the one training entry point
 * {@link genflow.path.ConditionalPath#sample(double[], double[][], java.util.random.RandomGenerator)}
 * that returns x<sub>t</sub> and the regression target ({@link genflow.path.PathSample}), Tweedie's
 * conversions between posterior mean, score, noise and velocity, exact marginal velocities
 * (marginalisation trick) for Gaussian-mixture data and for atoms under the uniform process, and
 * the exact conditional, classifier and guided fields of a labelled Gaussian mixture with the two
 * guidance rules ({@link genflow.path.LabelledGmmMarginal}, {@link genflow.path.Guidance}; chapter 10).
 * <b>Time:</b> flow time t = 0 noise, t = 1 data for {@link genflow.path.GaussianPath},
 * {@link genflow.path.Tweedie}, {@link genflow.path.GmmMarginal} and every
 * {@link genflow.path.ConditionalPath}; {@link genflow.path.MeanRevertingPath} and
 * {@link genflow.path.UniformAtomsMarginal} take process time (t = 0 data, t = 1 noise), as the seed
 * does, and {@link genflow.path.TimeReversal} is the one place where the two clocks are converted
 * (t = 1 − s, velocities change sign, scores do not). Uses {@code genflow.math},
 * {@code genflow.schedule}, {@code genflow.dist}, {@code genflow.process} and {@code genflow.ode}
 * (the {@link genflow.ode.VectorField} a marginal velocity is).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>x<sub>t</sub> = α<sub>t</sub> z + β<sub>t</sub> ε ~ N(α<sub>t</sub>z, β<sub>t</sub>²I)</td>
 *     <td>{@link genflow.path.GaussianPath#interpolate(double, double[][], double[][])},
 *         {@link genflow.path.GaussianPath#sample(double[], double[][], java.util.random.RandomGenerator)}</td>
 *     <td>{@code GaussianPathTest.sampleHasConditionalMeanAndVariance} (5 schedules),
 *         {@code PathSampleTest.gaussianSampleWithRngDrawsStandardNormalNoiseRowByRow}</td>
 *     <td>closed-form mean α<sub>t</sub>z and variance β<sub>t</sub>² within 4 standard errors</td></tr>
 * <tr><td>training target d/dt x<sub>t</sub> = α̇<sub>t</sub> z + β̇<sub>t</sub> ε (linear schedule: data − noise)</td>
 *     <td>{@link genflow.path.GaussianPath#sample(double[], double[][], double[][])},
 *         {@link genflow.path.GaussianPath#sample(double[], double[], double[], int, double[], double[])}</td>
 *     <td>{@code PathSampleTest.gaussianSampleIsTheStraightThroughVelocity}, {@code .flatFormIsBitIdenticalToTheBatchForm}</td>
 *     <td>the conditional velocity u<sub>t</sub>(x<sub>t</sub> | z) below (relative 1e-9); data − noise
 *         exactly; the flat form bit for bit</td></tr>
 * <tr><td>u<sub>t</sub>(x | z) = (α̇<sub>t</sub> − (β̇<sub>t</sub>/β<sub>t</sub>)α<sub>t</sub>) z + (β̇<sub>t</sub>/β<sub>t</sub>) x</td>
 *     <td>{@link genflow.path.GaussianPath#conditionalVelocity(double, double[], double[])},
 *         {@link genflow.path.GaussianPath#conditionalVelocityField(double[])}</td>
 *     <td>{@code GaussianPathTest.conditionalVelocitySatisfiesContinuityEquation}, {@code .conditionalFlowKeepsTheNoise},
 *         {@code .condOtVelocityIsStraightLineTarget}</td>
 *     <td>continuity equation of the conditional density (relative 1e-6); RK4 along u carries
 *         α<sub>s</sub>z + β<sub>s</sub>ε to α<sub>t</sub>z + β<sub>t</sub>ε; seed 003's (x₁ − x)/(1 − t)</td></tr>
 * <tr><td>∇log p<sub>t</sub>(x | z) = −(x − α<sub>t</sub>z)/β<sub>t</sub>²; log N(x; α<sub>t</sub>z, β<sub>t</sub>²I)</td>
 *     <td>{@link genflow.path.GaussianPath#conditionalScore(double, double[], double[])},
 *         {@link genflow.path.GaussianPath#conditionalLogDensity(double, double[], double[])}</td>
 *     <td>{@code GaussianPathTest.conditionalScoreIsGradientOfLogDensity}</td>
 *     <td>central differences of the log density (the log density itself is checked through the
 *         continuity test above and {@code GmmMarginalTest.marginalDensityMatchesMonteCarlo})</td></tr>
 * <tr><td>mixture marginal p<sub>t</sub> = Σ<sub>k</sub> w<sub>k</sub> N(α<sub>t</sub>m<sub>k</sub>, α<sub>t</sub>²s<sub>k</sub>² + β<sub>t</sub>²)</td>
 *     <td>{@link genflow.path.GmmMarginal#marginal(double)}, {@link genflow.path.GmmMarginal#logDensity(double, double[])},
 *         {@link genflow.path.GmmMarginal#density(double, double[])}</td>
 *     <td>{@code GmmMarginalTest.marginalDensityMatchesMonteCarlo}, {@code .endpointsAreNoiseAndData}</td>
 *     <td>independent estimate: Monte Carlo average of the conditional density; N(0, I) at t = 0 and
 *         the data at t = 1</td></tr>
 * <tr><td>exact marginal velocity u<sub>t</sub>(x) = Σ<sub>k</sub> γ<sub>k</sub>(x)(α̇<sub>t</sub>E[z|x,k] + β̇<sub>t</sub>E[ε|x,k])</td>
 *     <td>{@link genflow.path.GmmMarginal#velocity(double, double[])},
 *         {@link genflow.path.GmmMarginal#velocity(double, double[][])}, {@link genflow.path.GmmMarginal#velocityField()}</td>
 *     <td>{@code GmmMarginalTest.exactVelocityMatchesMonteCarloPosteriorAverage},
 *         {@code .exactVelocityAndDensitySatisfyContinuityEquation}, {@code .endpointsAreNoiseAndData}</td>
 *     <td>independent estimate: importance-sampled E[u<sub>t</sub>(x | z) | x<sub>t</sub> = x] (5 standard errors);
 *         2-D continuity residual (relative 1e-5); closed forms E[z] − x at t = 0 and x at t = 1</td></tr>
 * <tr><td>posterior mean E[z | x<sub>t</sub> = x] and marginal score ∇log p<sub>t</sub></td>
 *     <td>{@link genflow.path.GmmMarginal#posteriorMean(double, double[])},
 *         {@link genflow.path.GmmMarginal#score(double, double[])}</td>
 *     <td>{@code GmmMarginalTest.posteriorMeanAndScoreObeyTweedieAndFieldsMatch}</td>
 *     <td>Tweedie α<sub>t</sub>ẑ = x + β<sub>t</sub>²s; central differences of log p<sub>t</sub></td></tr>
 * <tr><td>Tweedie: α<sub>t</sub>ẑ = x + β<sub>t</sub>²s; u = α̇ẑ + β̇E[ε|x];
 *         u = (α̇/α)x + β(α̇β/α − β̇)s; E[ε|x] = −β<sub>t</sub>s (and the inverses)</td>
 *     <td>{@link genflow.path.Tweedie#posteriorMeanFromScore(double, double[], double[])},
 *         {@link genflow.path.Tweedie#velocityFromScore(double, double[], double[])},
 *         {@link genflow.path.Tweedie#scoreFromVelocity(double, double[], double[])},
 *         {@link genflow.path.Tweedie#noiseFromScore(double, double[])} and the other conversions</td>
 *     <td>{@code TweedieTest.conversionsAgreeWithExactGmmMarginals}, {@code .conversionsRoundTrip},
 *         {@code .condOtVelocityFromScoreIsSeed000Formula}</td>
 *     <td>the exact mixture marginals' velocity, score and posterior mean (1e-9, 5 schedules);
 *         round trips; seed 000's u = x/t + ((1−t)/t)s</td></tr>
 * <tr><td>Tweedie's denoiser E[x | y] = y + σ²∇log p(y), y = x + η</td>
 *     <td>{@link genflow.path.Tweedie#denoise(double[], double, double[])}</td>
 *     <td>{@code TweedieTest.tweedieDenoiserMatchesMonteCarloPosteriorMeanOnGmm}</td>
 *     <td>independent estimate: self-normalised Monte Carlo posterior mean (5 standard errors)</td></tr>
 * <tr><td>mean-reverting path X<sub>t</sub> = f(t) data + Y<sub>g(t)</sub> (process time)</td>
 *     <td>{@link genflow.path.MeanRevertingPath#sample(double, double[][], java.util.random.RandomGenerator)}</td>
 *     <td>{@code MeanRevertingPathTest.sampleHasMeanFx0AndVarianceG}</td>
 *     <td>closed-form mean f(t)x₀ and variance g(t) (Wiener Y); the data at t = 0</td></tr>
 * <tr><td>v<sub>t</sub>(x | x₀) = ḟ(t)x₀ + ġ(t) v<sup>Y</sup><sub>g(t)</sub>(x − f(t)x₀)</td>
 *     <td>{@link genflow.path.MeanRevertingPath#conditionalVelocity(double, double[], double[])},
 *         {@link genflow.path.MeanRevertingPath#conditionalVelocityField(double[])}</td>
 *     <td>{@code MeanRevertingPathTest.conditionalVelocitySatisfiesContinuityEquation}, {@code .flowMatchingChoiceIsCondOtRunBackwards},
 *         {@code .conditionalOdeTransportsSamplesToTheNoiseEnd}</td>
 *     <td>continuity residual of N(f x₀, g) (relative 1e-5); seed 000's (x − x₀)/t = −u<sup>CondOT</sup><sub>1−t</sub>;
 *         RK4 transport to N(0, 1)</td></tr>
 * <tr><td>flow-time view: x<sub>t</sub> = X<sub>1−t</sub>, target −v<sub>1−t</sub>(x<sub>t</sub> | data)</td>
 *     <td>{@link genflow.path.MeanRevertingPath#inFlowTime()}, {@link genflow.path.TimeReversal#of(MeanRevertingPath)}</td>
 *     <td>{@code PathSampleTest.meanRevertingPathInFlowTimeIsTheTimeReversedProcessPath}</td>
 *     <td>the process-time formulas; the Gaussian FM target data − ε; the same draws as the
 *         process-time sampler; |target − data| ≤ c for Kac noise</td></tr>
 * <tr><td>t = 1 − s; u<sub>t</sub>(x) = −v<sub>1−t</sub>(x); ∇log p<sub>t</sub> = ∇log q<sub>1−t</sub></td>
 *     <td>{@link genflow.path.TimeReversal#flip(double)}, {@link genflow.path.TimeReversal#velocity(genflow.ode.VectorField)},
 *         {@link genflow.path.TimeReversal#score(genflow.ode.VectorField)}</td>
 *     <td>{@code PathSampleTest.timeReversalOfFields}</td>
 *     <td>RK4 along the reversed field gives the same end points (1e-12)</td></tr>
 * <tr><td>atoms under the uniform process: p<sub>t</sub>(x) = Σ<sub>k</sub> w<sub>k</sub>p<sup>U</sup><sub>g(t)</sub>(x − f(t)a<sub>k</sub>),
 *         v<sub>t</sub>(x) = Σ<sub>k</sub> w<sub>k</sub>p<sup>U</sup>(…)v<sub>t</sub>(x | a<sub>k</sub>)/p<sub>t</sub>(x) (process time)</td>
 *     <td>{@link genflow.path.UniformAtomsMarginal#density(double, double)},
 *         {@link genflow.path.UniformAtomsMarginal#velocity(double, double)},
 *         {@link genflow.path.UniformAtomsMarginal#conditionalVelocity(double, double, int)}</td>
 *     <td>{@code UniformAtomsMarginalTest.oneAtomGivesTheConditionalVelocity},
 *         {@code .marginalVelocityIsTheConditionalExpectationOfTheSpeed}, {@code .backwardFlowGeneratesTheAtoms}</td>
 *     <td>the conditional velocity for one atom; independent estimate: Monte Carlo E[Ẋ<sub>t</sub> | X<sub>t</sub> ∈ bin];
 *         backward RK4 lands on the atoms with their weights</td></tr>
 * <tr><td>labelled mixture: p<sub>t</sub>(x | y) the path of class y's components;
 *         p<sub>t</sub>(y | x) = Σ<sub>c(k)=y</sub> γ<sub>k</sub><sup>t</sup>(x) = π<sub>y</sub>p<sub>t</sub>(x | y)/p<sub>t</sub>(x);
 *         u<sub>t</sub>(x) = Σ<sub>y</sub> p<sub>t</sub>(y | x) u<sub>t</sub>(x | y)</td>
 *     <td>{@link genflow.path.LabelledGmmMarginal#conditional(int)},
 *         {@link genflow.path.LabelledGmmMarginal#classProbabilities(double, double[])},
 *         {@link genflow.path.LabelledGmmMarginal#velocity(double, double[], int)}</td>
 *     <td>{@code GuidanceTest.classifierIsBayesRuleOfTheClassMarginals},
 *         {@code .unconditionalVelocityIsTheClassifierAverageOfTheConditionalOnes},
 *         {@code .conditionalVelocityMatchesMonteCarloOverTheClass}</td>
 *     <td>Bayes' rule from the two densities (1e-12); the label average of the conditional fields (1e-12);
 *         independent estimate: importance-sampled E[u<sub>t</sub>(x | z) | x<sub>t</sub> = x, y] over the class (4 standard errors)</td></tr>
 * <tr><td>∇log p<sub>t</sub>(y | x) = ∇log p<sub>t</sub>(x | y) − ∇log p<sub>t</sub>(x);
 *         u<sub>t</sub>(x | y) − u<sub>t</sub>(x) = b<sub>t</sub>∇log p<sub>t</sub>(y | x),
 *         b<sub>t</sub> = β<sub>t</sub>(α̇<sub>t</sub>β<sub>t</sub>/α<sub>t</sub> − β̇<sub>t</sub>)</td>
 *     <td>{@link genflow.path.LabelledGmmMarginal#classifierGradient(double, double[], int)},
 *         {@link genflow.path.Guidance#scoreCoefficient(genflow.schedule.Schedule, double)}</td>
 *     <td>{@code GuidanceTest.classifierGradientMatchesFiniteDifferences},
 *         {@code .classifierGuidanceEqualsClassifierFreeGuidanceForExactFields}</td>
 *     <td>central differences of log p<sub>t</sub>(y | x) (1e-6, 3 schedules); the exact velocities (1e-9); CondOT's (1 − t)/t</td></tr>
 * <tr><td>guidance with scale w: ũ = u<sub>t</sub>(x) + w b<sub>t</sub>∇log p<sub>t</sub>(y | x)
 *         = (1 − w) u<sub>t</sub>(x | ∅) + w u<sub>t</sub>(x | y)</td>
 *     <td>{@link genflow.path.Guidance#classifierGuided(genflow.schedule.Schedule, double, double[], double[], double[], double)},
 *         {@link genflow.path.Guidance#classifierFree(genflow.ode.VectorField, genflow.ode.VectorField, double)},
 *         {@link genflow.path.LabelledGmmMarginal#guidedField(int, double)}</td>
 *     <td>{@code GuidanceTest.classifierGuidanceEqualsClassifierFreeGuidanceForExactFields},
 *         {@code .guidanceScaleZeroIsUnconditionalAndOneIsConditional},
 *         {@code .conditionalFieldTransportsNoiseToTheClassAndGuidanceSharpensIt}</td>
 *     <td>the two forms against each other (1e-9, 3 schedules, 5 scales); w = 0, 1 give u<sub>t</sub>(x), u<sub>t</sub>(x | y);
 *         RK4 along the w = 1 field gives the class's mean and component masses (4 standard errors)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 004 §2 (Gaussian
 * paths, eqs. (16), (19), (21), (27), (28), (37)–(39), the marginalisation trick), seed 003
 * (Gaussian conditional paths), seed 000 (Tweedie's formula, Step 3 of "Generative flows from 1D
 * processes"); Lipman et al. 2023, Efron 2011, Chemseddine, Kornhardt, Duong, Steidl 2025.
 */
package genflow.path;
