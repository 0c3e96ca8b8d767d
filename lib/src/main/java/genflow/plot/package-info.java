/**
 * Course figures with XChart 3.8: {@link genflow.plot.Plots} (scatter, lines with log axes,
 * histograms with density overlays, density heat maps with a colour bar, vector-field arrows,
 * trajectories), {@link genflow.plot.Panels} grids into a {@link genflow.plot.Figure},
 * {@link genflow.plot.Export} to byte-reproducible PNG/SVG, and {@link genflow.plot.Gif}
 * animations. All rendering is headless-safe (no window is ever opened).
 */
package genflow.plot;
