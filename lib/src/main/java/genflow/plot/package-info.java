/**
 * Course figures with XChart 3.8: {@link genflow.plot.Plots} (scatter, lines with log axes,
 * histograms with density overlays, density heat maps with a colour bar, vector-field arrows,
 * trajectories), {@link genflow.plot.Panels} grids into a {@link genflow.plot.Figure},
 * {@link genflow.plot.Export} to byte-reproducible PNG/SVG, and {@link genflow.plot.Gif}
 * animations. All rendering is headless-safe (no window is ever opened).
 *
 * <p>Plot styling lives here and nothing else: the experiment behind a figure (sampling, training,
 * metrics) is computed by the caller and handed over as numbers, so a notebook shows it in plain
 * sight. Nothing here has a time convention of its own; for a time-dependent field the caller
 * picks t ({@link genflow.plot.Plots#vectorField(String, String, String, Grid2D, genflow.ode.VectorField, double, Points...)}).
 * Uses {@code genflow.math} (checks) and {@code genflow.ode} (the {@link genflow.ode.VectorField}
 * of a quiver plot). The rows below are the few formulas a figure computes itself; the rest is
 * layout, checked on rendered pixels and bytes.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>density histogram h<sub>b</sub> = count<sub>b</sub>/(nΔ), so Σ<sub>b</sub> h<sub>b</sub>Δ = 1 (or raw counts)</td>
 *     <td>{@link genflow.plot.HistogramBuilder#build()}, {@link genflow.plot.Plots#histogram(String, String)},
 *         {@link genflow.plot.Plots#histogram(String, String, int, double[])}</td>
 *     <td>{@code PlotsTest.histogramIsANormalisedDensityAndCountsSumToN}</td>
 *     <td>closed form: area 1 (1e-12), counts sum to n, hand-counted bins; the overlaid N(0, 1) pdf peaks at 1/√(2π)</td></tr>
 * <tr><td>cell centres x<sub>i</sub> = x<sub>min</sub> + (i + ½)Δx, y<sub>j</sub> = y<sub>min</sub> + (j + ½)Δy</td>
 *     <td>{@link genflow.plot.Grid2D#x(int)}, {@link genflow.plot.Grid2D#y(int)}, {@link genflow.plot.Grid2D#centres()}</td>
 *     <td>{@code PlotsTest.gridAndColorMapValidateAndInterpolate}</td>
 *     <td>values by hand</td></tr>
 * <tr><td>viridis: piecewise-linear interpolation between 11 anchors, u ∈ [0, 1]</td>
 *     <td>{@link genflow.plot.ColorMap#at(double)}, {@link genflow.plot.ColorMap#rgb(double)}</td>
 *     <td>{@code PlotsTest.gridAndColorMapValidateAndInterpolate}</td>
 *     <td>published matplotlib viridis colours #440154, #21918C, #FDE725 at 0, ½, 1</td></tr>
 * <tr><td>heat map: f at the cell centres, colour scaled from min f to max f</td>
 *     <td>{@link genflow.plot.Plots#densityHeatMap(String, String, String, Grid2D, java.util.function.DoubleBinaryOperator, String, Points...)}</td>
 *     <td>{@code PlotsTest.heatMapColoursFollowTheFunctionAndPutTheBarOnTheRight}, {@code .niceTicksAreRoundAndInside}</td>
 *     <td>rendered pixels: yellow at the maximum, #440154 far away, colour bar ends; round ticks 1, 2, 5·10<sup>k</sup> by hand</td></tr>
 * <tr><td>quiver: arrows centred on cell centres, lengths ∝ |v(t, x)|, the longest 0.9 of a cell</td>
 *     <td>{@link genflow.plot.Plots#vectorField(String, String, String, Grid2D, genflow.ode.VectorField, double, Points...)}</td>
 *     <td>{@code PlotsTest.vectorFieldArrowsAreParallelToTheFieldAndFitTheirCells}</td>
 *     <td>closed form: arrows of a rotation field are ⟂ x, point along v, the longest is 0.9Δx (1e-12)</td></tr>
 * <tr><td>log–log axes: a method of order p is a line of slope p</td>
 *     <td>{@link genflow.plot.Plots#lines(String, String, String, AxisScale, Curve...)},
 *         {@link genflow.plot.Plots#lossCurve(String, double[])}</td>
 *     <td>{@code PlotsTest.linesWithLogAxesAndMarkers}</td>
 *     <td>the plotted Euler and Heun errors have slopes 1 and 2 (±0.05)</td></tr>
 * <tr><td>trajectories from time-major snapshots: path i = (x<sub>0,i</sub>, x<sub>1,i</sub>, …)</td>
 *     <td>{@link genflow.plot.Plots#trajectoriesFromSnapshots(String, String, String, double[][][], int)},
 *         {@link genflow.plot.Plots#trajectories(String, String, String, double[][][])}</td>
 *     <td>{@code PlotsTest.trajectoriesStartAndEndWhereTheSnapshotsDo}</td>
 *     <td>start, end and path values by hand</td></tr>
 * <tr><td>grey level g = clip((v − lo)/(hi − lo), 0, 1), ink on paper</td>
 *     <td>{@link genflow.plot.ImageGrid#greyLevel(double)}, {@link genflow.plot.ImageGrid#rgb(double)},
 *         {@link genflow.plot.ImageGrid#toImage()}</td>
 *     <td>{@code ImageGridTest.pixelsAreDrawnInRowMajorOrderWithInkOnPaperGreys}, {@code .layoutHasRowsOfColsImagesAndDefaultRangeFromData}</td>
 *     <td>rendered pixels by hand: white, black, 50 % grey, clipped; row-major layout</td></tr>
 * <tr><td>reference band (x, upper), (x, lower) as two dashed lines</td>
 *     <td>{@link genflow.plot.Bands#dashed(org.knowm.xchart.XYChart, String, double[], double[], double[])}</td>
 *     <td>{@code BandsTest.addsTwoDashedLinesWithOneLegendEntry}</td>
 *     <td>the series' values and legend entries</td></tr>
 * <tr><td>figure size: width = cols × cell width, height = rows × cell height (+ title)</td>
 *     <td>{@link genflow.plot.Panels#grid(String, int, org.knowm.xchart.internal.chartpart.Chart...)},
 *         {@link genflow.plot.Figure#width()}, {@link genflow.plot.Figure#height()}</td>
 *     <td>{@code ExportTest.panelsLayOutChartsOnAGrid}</td>
 *     <td>sizes by hand; the heat-map panel's pixels where expected</td></tr>
 * <tr><td>same chart → same bytes (PNG without time stamps, SVG without dates, GIF frames and delays)</td>
 *     <td>{@link genflow.plot.Export#pngBytes(org.knowm.xchart.internal.chartpart.Chart)},
 *         {@link genflow.plot.Export#svgBytes(org.knowm.xchart.internal.chartpart.Chart)},
 *         {@link genflow.plot.Gif#bytes(java.util.List, int)}</td>
 *     <td>{@code ExportTest.everyPlotTypeExportsByteIdenticallyFromFreshCharts}, {@code .freshJvmWritesTheSameBytes},
 *         {@code .pngDecodesAtTheRequestedSizeAndCarriesNoTimestamp}, {@code .svgIsAPlainDeterministicDocument},
 *         {@code .gifHasEveryFrameAndIsReproducible}</td>
 *     <td>byte comparison of fresh charts, also from a second JVM; decoded sizes and frame counts</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): none of the lectures'
 * formulas; viridis after van der Walt &amp; Smith (matplotlib, 2015), the Okabe–Ito palette
 * ({@link genflow.plot.CourseStyle}).
 */
package genflow.plot;
