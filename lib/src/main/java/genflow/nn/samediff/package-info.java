/**
 * The hands-on modelling layer: networks and losses students write themselves as ND4J SameDiff
 * graphs, differentiated automatically, trained by the same {@link genflow.nn.Trainer} as the
 * fused {@link genflow.nn.Mlp} and sampled by every solver of {@code genflow.ode}.
 *
 * <ul>
 *   <li>{@link genflow.nn.samediff.SameDiffModel}: a time-conditioned field v_θ(t, x) declared in a
 *       few lines on a {@link genflow.nn.samediff.NetworkGraph} (dense layers, activations, time
 *       features); it is a {@link genflow.nn.FieldModel}, so the losses of {@code genflow.loss}
 *       accept it and {@code asVectorField()} samples it.</li>
 *   <li>{@link genflow.nn.samediff.SameDiffObjective}: a loss written as a SameDiff expression on
 *       placeholders that a {@link genflow.nn.samediff.Batch} fills, typically from a path's
 *       {@code sample(t, data, noise)}.</li>
 *   <li>Conditional models v_θ(t, x | y) (chapter 10, guidance): {@code builder(d).condition(c)} adds a
 *       condition input y [n, c] (e.g. a one-hot label, zeros for the null label ∅); objectives made
 *       with a data width read data rows such as [x₁, label].</li>
 * </ul>
 * How a step runs (measured as the fastest correct way here): one call of the graph's gradient
 * function returns the loss and all parameter gradients in one pass; the parameters live in a
 * double vector updated by genflow's {@link genflow.nn.Adam} and are copied into the graph before
 * each pass. SameDiff's "Added differentiated op" lines are filtered out of {@code System.out}.
 *
 * <p>Time: like every model, a SameDiff model has no direction of its own; the losses and batches
 * built from {@code genflow.path} use flow time, t = 0 noise, t = 1 data, and the placeholder t
 * must lie in [0, 1]. Uses {@code genflow.math}, {@code genflow.random}, {@code genflow.ode},
 * {@code genflow.path} (a {@link genflow.path.PathSample} becomes a {@link genflow.nn.samediff.Batch})
 * and {@code genflow.nn}.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>v<sub>θ</sub>(t, x) of the declared graph; ∂L/∂θ, ∂L/∂x by SameDiff autodiff of Σ m<sub>θ</sub> ⊙ ∂L/∂m</td>
 *     <td>{@link genflow.nn.samediff.SameDiffModel.Workspace#forward(double[], double[], int)},
 *         {@link genflow.nn.samediff.SameDiffModel.Workspace#backward(double[], double[], double[])},
 *         {@link genflow.nn.samediff.SameDiffModel#forward(double, double[][])}</td>
 *     <td>{@code SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>the fused Mlp's forward pass and hand-derived gradients on the same parameters (1e-10 in
 *         double, 2e-5 in float), every activation</td></tr>
 * <tr><td>dense layer h ↦ hW + b, W, b ~ U(−1/√in, 1/√in) in creation order; SiLU, ReLU, tanh</td>
 *     <td>{@link genflow.nn.samediff.NetworkGraph#dense(org.nd4j.autodiff.samediff.SDVariable, int)},
 *         {@link genflow.nn.samediff.NetworkGraph#activation(genflow.nn.Activation, org.nd4j.autodiff.samediff.SDVariable)}</td>
 *     <td>{@code SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>the same seed gives exactly the Mlp's initial parameters (bit for bit) and outputs</td></tr>
 * <tr><td>time features [t, sin(ω<sub>k</sub>t), cos(ω<sub>k</sub>t)], ω<sub>k</sub> = π2<sup>k</sup></td>
 *     <td>{@link genflow.nn.samediff.NetworkGraph#timeFeatures(genflow.nn.TimeEmbedding)}</td>
 *     <td>{@code SameDiffModelTest.fusedKernelsAgreeWithSameDiffAutodiffInDoubleAndFloat}</td>
 *     <td>the fused Mlp with {@link genflow.nn.TimeEmbedding} (an independent implementation)</td></tr>
 * <tr><td>loss written as an expression, e.g. CFM mean‖v − u<sub>t</sub>‖², weighted DSM E β<sub>t</sub>²‖s + ε/β<sub>t</sub>‖²;
 *         loss and all gradients in one pass</td>
 *     <td>{@link genflow.nn.samediff.SameDiffObjective#lossAndGradient(double[], double[], int, java.util.random.RandomGenerator, double[][])},
 *         {@link genflow.nn.samediff.SameDiffObjective#value(Batch)}</td>
 *     <td>{@code SameDiffModelTest.samediffCfmTrainsAlongTheFusedTrajectory}, {@code .libraryLossOnASameDiffModelHasTheFusedValueAndGradient},
 *         {@code .samediffDsmWithAWeightInputEqualsTheLibraryDsm}</td>
 *     <td>the library losses' values and gradients ({@code genflow.loss}) on the same batch (1e-10 … 1e-12);
 *         120 trainer steps follow the fused loss trajectory (1e-9 per step in double)</td></tr>
 * <tr><td>sampling: dx/dt = v<sub>θ</sub>(t, x)</td>
 *     <td>{@link genflow.nn.samediff.SameDiffModel#asVectorField()}</td>
 *     <td>{@code SameDiffModelTest.asVectorFieldSamplesLikeTheMlp}</td>
 *     <td>RK4 on the fused Mlp (1e-12)</td></tr>
 * <tr><td>checkpoint: header, θ as raw IEEE-754 bits, the graph as FlatBuffers</td>
 *     <td>{@link genflow.nn.samediff.SameDiffModel#save(java.nio.file.Path)},
 *         {@link genflow.nn.samediff.SameDiffModel#load(java.nio.file.Path)}</td>
 *     <td>{@code SameDiffInputTest.sameSeedSameHistoryParametersAndFileBytes}, {@code .doublePrecisionModelRoundTrips}</td>
 *     <td>same seed, same loss bits, parameters and file bytes; load + save reproduces the bytes;
 *         corrupt files rejected</td></tr>
 * <tr><td>conditional model v<sub>θ</sub>(t, x | y) with a condition input y [n, c]; labelled data rows [x₁, label]
 *         (the trainer draws rows of {@link genflow.nn.Objective#dataDim()} columns)</td>
 *     <td>{@link genflow.nn.samediff.SameDiffModel#forward(double, double[][], double[][])},
 *         {@link genflow.nn.samediff.SameDiffModel#asVectorField(double[])},
 *         {@link genflow.nn.samediff.SameDiffObjective#of(SameDiffModel, int, SameDiffObjective.BatchMaker, SameDiffObjective.LossExpression)}</td>
 *     <td>{@code SameDiffConditionTest.conditionalForwardIsTheNetworkOfXYAndT}, {@code .conditionalObjectiveGradientMatchesFiniteDifferences},
 *         {@code .labelDropoutTrainingLearnsTheConditionalAndTheUnconditionalField}, {@code .conditionalModelsRoundTripAndUnconditionalFilesKeepVersionOne}</td>
 *     <td>the network evaluated by hand from θ (1e-12); central finite differences of the loss and of the
 *         vector–Jacobian product; after training with 20 % label dropout the fields of every label and of ∅
 *         against the exact fields of a labelled mixture (relative squared error &lt; 0.2); save/load bytes</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): Lipman et al. 2023
 * (conditional flow matching), Vincent 2011 (denoising score matching), Kingma &amp; Ba 2015 (Adam).
 */
package genflow.nn.samediff;
