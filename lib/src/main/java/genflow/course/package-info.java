/**
 * What the notebooks need and nothing else: the one check idiom of lectures and exercises
 * ({@link genflow.course.Check}, failing with a {@link genflow.course.CheckFailure} that says in
 * words what was expected and found), the display glue of the course kernel
 * ({@link genflow.course.Display}: charts and figures as PNG, animations as GIF, tables as HTML),
 * lecture figures shown from the cell that computes them ({@link genflow.course.Figures#show(String, long, String, Object)},
 * written with a record and a {@code manifest.csv} while {@code ./course figures} runs), and the
 * trained models the lectures load from {@code data/models/} ({@link genflow.course.Checkpoints},
 * reproducible byte for byte by {@code ./course train}). No lecture logic lives here — the
 * experiments stand in the notebook cells — and no time convention of its own. Uses
 * {@code genflow.math}, {@code genflow.nn}, {@code genflow.nn.samediff} (the checkpoint parts),
 * {@code genflow.plot} and {@code genflow.table}.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Rules, the methods that implement them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">rule</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>a check passes iff |actual − expected| ≤ tol (entrywise for arrays), lo ≤ actual ≤ hi, or the condition holds;
 *         NaN never passes; the message names the first mismatch and the hint</td>
 *     <td>{@link genflow.course.Check#close(String, double, double, double, String)},
 *         {@link genflow.course.Check#close(String, double[][], double[][], double, String)},
 *         {@link genflow.course.Check#between(String, double, double, double, String)},
 *         {@link genflow.course.Check#that(String, boolean, String)}</td>
 *     <td>{@code CheckTest.closePassesWithinToleranceAndFailsOutside}, {@code .nanNeverPasses},
 *         {@code .arraysNameTheFirstMismatch}, {@code .thatAndBetween}</td>
 *     <td>pass and fail cases and messages by hand</td></tr>
 * <tr><td>checkpoints: CHECKPOINT loads {@code data/models/<id>.<part>}; SHORT / FULL train here; under
 *         {@code ./course train} the full recipe is trained and written with a record; verification
 *         retrains and compares bytes</td>
 *     <td>{@link genflow.course.Checkpoints#mlp(String, Checkpoints.Run, int, int, Checkpoints.Recipe)},
 *         {@link genflow.course.Checkpoints#parts(String, Checkpoints.Run, int, int, Checkpoints.Recipe)},
 *         {@link genflow.course.Checkpoints#sameDiff(String, Checkpoints.Run, int, int, Checkpoints.Recipe)}</td>
 *     <td>{@code CheckpointsTest.trainModeWritesPartsAndARecordAndCheckpointModeLoadsThemBack},
 *         {@code .aDifferentRecipeFailsVerificationAndShortOrFullRunsTrainHere}, {@code .missingCheckpointsAndBadArgumentsAreExplained}</td>
 *     <td>the parameters loaded back equal the trained ones; a changed recipe (41 instead of 40 steps)
 *         fails verification; the record's lines by hand</td></tr>
 * <tr><td>figures: {@code id.png} (fixed size) + {@code id.svg}, or {@code id.gif}; manifest (id, chapter, caption, seed, file, sha256)</td>
 *     <td>{@link genflow.course.Figures#show(String, long, String, Object)},
 *         {@link genflow.course.Figures#write(LectureFigure, java.nio.file.Path)},
 *         {@link genflow.course.Figures#writeManifest(java.nio.file.Path)}</td>
 *     <td>{@code FiguresTest.writingTwiceGivesIdenticalBytesAndAManifest}, {@code .shownFiguresAreRecordedOnceAndListedInTheManifest},
 *         {@code .badIdsAreRejected}, {@code .showRejectsWhatIsNotAPicture}</td>
 *     <td>identical bytes and SHA-256 when written twice; manifest lines and checksums by hand; an id
 *         written twice in one run is rejected</td></tr>
 * <tr><td>display: PNG of a chart at the chart's size</td>
 *     <td>{@link genflow.course.Display#pngBase64(org.knowm.xchart.internal.chartpart.Chart)}</td>
 *     <td>{@code CheckTest.chartPngHasTheChartSize}</td>
 *     <td>the decoded image size</td></tr>
 * </tbody>
 * </table>
 */
package genflow.course;
