/**
 * The learned parts of the course behind one interface: a {@link genflow.nn.FieldModel}
 * m<sub>θ</sub>(t, x) — velocity v<sub>θ</sub>, score s<sub>θ</sub> or noise predictor — with a live
 * parameter vector θ, implemented by the fused {@link genflow.nn.Mlp} (hand-derived backward pass in
 * SIMD kernels, double or float) and by the SameDiff networks students declare
 * ({@code genflow.nn.samediff}); the learned quantile function of "Learning Quantile Functions"
 * ({@link genflow.nn.RqSpline}, rational-quadratic splines); time features; the optimizer
 * {@link genflow.nn.Adam}; and the one {@link genflow.nn.Trainer} every {@link genflow.nn.Objective}
 * is trained with (seeded, bit-reproducible, the course's progress lines, stops on NaN, divergence
 * and interrupt); model files are saved bit-exact and validated on load. Time: a model has no
 * direction of its own, the loss that trains it fixes it — every flow-matching loss here uses
 * t = 0 noise, t = 1 data. Batches are flat row-major {@code double[]} in the kernels, ND4J
 * {@code INDArray} [n, d] at the edges ({@link genflow.nn.Nd4jBridge}). Uses {@code genflow.math},
 * {@code genflow.random}, {@code genflow.dist} (the trainer's data and noise) and {@code genflow.ode}
 * (a model is a {@link genflow.ode.VectorField}).
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>MLP v<sub>θ</sub>(t, x): [x, e(t)] → (W<sub>l</sub>, b<sub>l</sub>, activation)<sub>l</sub> → linear output of dimension d</td>
 *     <td>{@link genflow.nn.Mlp.Workspace#forward(double[], double[], int)},
 *         {@link genflow.nn.Mlp#forward(double, double[][])}, {@link genflow.nn.Mlp#asVectorField()}</td>
 *     <td>{@code MlpTest.forwardMatchesReferenceForEveryActivationAndOddShapes}, {@code .twoThreadSplitGivesTheSameNumbers},
 *         {@code .vectorFieldAndIndArrayFormsAgree},
 *         {@code genflow.nn.samediff.SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>independent estimate: a plain-loop reference forward pass over the documented parameter layout
 *         (1e-12 in double, 2e-5 in float); SameDiff's evaluation of the same network</td></tr>
 * <tr><td>backward pass ∂L/∂θ and ∂L/∂x (vector–Jacobian product)</td>
 *     <td>{@link genflow.nn.Mlp.Workspace#backward(double[], double[], double[])}</td>
 *     <td>{@code MlpTest.gradientsMatchFiniteDifferences}, {@code .floatGradientsAgreeWithDouble},
 *         {@code genflow.nn.samediff.SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>independent estimates: central finite differences for every activation (1e-6 parameters,
 *         1e-7 inputs); SameDiff's automatic differentiation (1e-10 in double)</td></tr>
 * <tr><td>activations: SiLU zσ(z), a′ = σ(z)(1 + z(1 − σ(z))); ReLU max(z, 0); tanh, a′ = 1 − tanh²</td>
 *     <td>{@link genflow.nn.Activation}</td>
 *     <td>{@code MlpTest.forwardMatchesReferenceForEveryActivationAndOddShapes}, {@code .gradientsMatchFiniteDifferences}</td>
 *     <td>{@link java.lang.Math} in the reference pass; finite differences for the derivatives</td></tr>
 * <tr><td>exp(x) = 2<sup>k</sup>e<sup>r</sup> (Taylor polynomial), tanh z = 1 − 2/(e<sup>2z</sup> + 1), lane-wise and bit-reproducible</td>
 *     <td>{@code VecMath.exp}, {@code VecMath.tanh} (package-private, inside the kernels)</td>
 *     <td>{@code VecMathTest.expAndTanhMatchJavaMathOverTheWorkingRange}</td>
 *     <td>{@link java.lang.Math#exp(double)} (2e-15 relative, float 4e-7) and {@link java.lang.Math#tanh(double)} (1e-15)</td></tr>
 * <tr><td>initialisation W, b ~ U(−1/√in, 1/√in) from a seed (PyTorch's nn.Linear); parameter count Σ(in·out + out)</td>
 *     <td>{@link genflow.nn.Mlp.Builder#build()}</td>
 *     <td>{@code MlpTest.seededInitIsReproducibleAndBoundedLikeTorch}</td>
 *     <td>bound 1/√3 filled to 80 %; same seed, same parameters; the count by hand</td></tr>
 * <tr><td>time features [t, sin(ω<sub>k</sub>t), cos(ω<sub>k</sub>t)]<sub>k&lt;K</sub>, ω<sub>k</sub> = π2<sup>k</sup></td>
 *     <td>{@link genflow.nn.TimeEmbedding#embed(double, double[], int)}</td>
 *     <td>{@code genflow.nn.samediff.SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>the independent SameDiff implementation ({@code NetworkGraph.timeFeatures}) gives the same
 *         network outputs; the formula is not evaluated by hand in any test</td></tr>
 * <tr><td>Adam: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε) − lr·λ·θ</td>
 *     <td>{@link genflow.nn.Adam#step(double[][])}</td>
 *     <td>{@code AdamTest.firstTwoStepsMatchTheBiasCorrectedFormula}, {@code .decoupledWeightDecayShrinksWithZeroGradient},
 *         {@code .minimisesAQuadratic}</td>
 *     <td>closed form: the first two bias-corrected steps by hand (1e-14); AdamW decay (1 − lr·λ)θ;
 *         convergence to the minimiser of a quadratic</td></tr>
 * <tr><td>RQ spline S(z) = y<sub>k</sub> + h<sub>k</sub>[s<sub>k</sub>ξ² + δ<sub>k</sub>ξ(1−ξ)]/[s<sub>k</sub> + (δ<sub>k+1</sub> + δ<sub>k</sub> − 2s<sub>k</sub>)ξ(1−ξ)],
 *         identity outside [−B, B]; Q<sub>φ</sub>(u) = S(Φ⁻¹(u))</td>
 *     <td>{@link genflow.nn.RqSpline#spline(int, double)}, {@link genflow.nn.RqSpline#quantile(int, double)},
 *         {@link genflow.nn.RqSpline#forward(double[], int, double[])}</td>
 *     <td>{@code RqSplineTest.identityInitialisationIsTheGaussianQuantile}, {@code .randomSplineIsMonotoneContinuousAndIdentityInTheTails}</td>
 *     <td>closed form: Φ⁻¹ at the identity initialisation (1e-12); monotone and continuous on a 1e-3
 *         grid, exactly the identity in the tails (the interior values of a deformed spline are not
 *         compared with the formula by hand)</td></tr>
 * <tr><td>spline gradient ∂L/∂φ through softmax widths/heights and softplus derivatives</td>
 *     <td>{@link genflow.nn.RqSpline#backward(double[], int, double[], double[])}</td>
 *     <td>{@code RqSplineTest.gradientMatchesFiniteDifferences}</td>
 *     <td>independent estimate: central finite differences (1e-6)</td></tr>
 * <tr><td>Φ⁻¹(u) by Acklam's rational approximation (relative error &lt; 1.2e-9)</td>
 *     <td>{@link genflow.nn.RqSpline#normalQuantile(double)}</td>
 *     <td>{@code RqSplineTest.normalQuantileMatchesPublishedValues}</td>
 *     <td>published quantiles (1.959963984540054, −2.326347874040841, 3.090232306167814) to 5e-9</td></tr>
 * <tr><td>training: one generator for data, noise and times; divergence when the windowed mean loss
 *         exceeds 1000× its lowest value and the first window's mean</td>
 *     <td>{@link genflow.nn.Trainer#run()}, {@link genflow.nn.Trainer.History#meanOfLast(int)}</td>
 *     <td>{@code TrainerTest.sameSeedSameLossHistoryBitForBitAndLossDecreases}, {@code .lossGrowingByOrdersOfMagnitudeStopsWithAClearMessage},
 *         {@code .historyTableAndProgressLinesFollowTheConvention}, {@code .nanLossStopsWithAClearMessage},
 *         {@code .interruptStopsPromptly}</td>
 *     <td>same seed, same loss bits; a loss growing ×10 per 20 steps stops between steps 60 and 140; the
 *         final line's mean of the last steps by hand</td></tr>
 * <tr><td>model files: parameters as raw IEEE-754 bits, validated on load</td>
 *     <td>{@link genflow.nn.Mlp#save(java.nio.file.Path)}, {@link genflow.nn.Mlp#load(java.nio.file.Path)},
 *         {@link genflow.nn.RqSpline#save(java.nio.file.Path)}, {@link genflow.nn.RqSpline#load(java.nio.file.Path)}</td>
 *     <td>{@code MlpTest.saveLoadRoundTripIsBitExact}, {@code RqSplineTest.saveLoadRoundTripIsBitExact},
 *         {@code ModelFilesTest.mlpFilesAreValidated}, {@code .rqSplineFilesAreValidated}</td>
 *     <td>bit-exact round trip; corrupt, truncated and foreign files rejected naming the field</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000 ("Learning
 * Quantile Functions"); Kingma &amp; Ba 2015 and Loshchilov &amp; Hutter 2019 (Adam, AdamW), Durkan et al.
 * 2019 (rational-quadratic splines), Vaswani et al. 2017 and Tancik et al. 2020 (time features),
 * Acklam (normal quantile).
 */
package genflow.nn;
