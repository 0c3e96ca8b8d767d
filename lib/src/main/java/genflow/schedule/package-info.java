/**
 * Schedules of Gaussian probability paths and the time changes of mean-reverting paths. A
 * {@link genflow.schedule.Schedule} gives α<sub>t</sub>, β<sub>t</sub> and their derivatives for the
 * conditional path x<sub>t</sub> = α<sub>t</sub> z + β<sub>t</sub> ε (z the data point, ε the noise)
 * in flow time: <b>t = 0 noise, t = 1 data</b> (α₀ = 0, β₀ = 1, α₁ = 1, β₁ = 0 for the schedules that
 * interpolate fully; VP and VE only approximately, see their classes). A
 * {@link genflow.schedule.TimeChange} gives f(t), g(t) of the mean-reverting path
 * X<sub>t</sub> = f(t) X₀ + Y<sub>g(t)</sub> over a 1-D noise process Y (seed 000, "Generative flows
 * from 1D processes", Step 3) and runs the other way, as in the seed: <b>t = 0 data, t = 1 noise</b>;
 * {@link genflow.schedule.TimeChange#fromSchedule(Schedule)} is the one named place where a schedule
 * becomes a time change (f(t) = α<sub>1−t</sub>, g(t) = β<sub>1−t</sub>²). Uses {@code genflow.math}
 * (argument checks) only.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>CondOT: α<sub>t</sub> = t, β<sub>t</sub> = 1 − t</td>
 *     <td>{@link genflow.schedule.LinearSchedule#alpha(double)}, {@link genflow.schedule.LinearSchedule#beta(double)}
 *         and the derivatives</td>
 *     <td>{@code ScheduleTest.fullyInterpolatingSchedulesHitTheEnds}, {@code .derivativesMatchCentralDifferences}</td>
 *     <td>closed-form end values; α̇, β̇ against central differences of α, β</td></tr>
 * <tr><td>polynomial: α<sub>t</sub> = t<sup>k</sup>, β<sub>t</sub> = 1 − t<sup>k</sup></td>
 *     <td>{@link genflow.schedule.PolynomialSchedule#alpha(double)}, {@link genflow.schedule.PolynomialSchedule#beta(double)}
 *         and the derivatives</td>
 *     <td>{@code ScheduleTest.fullyInterpolatingSchedulesHitTheEnds}, {@code .derivativesMatchCentralDifferences}</td>
 *     <td>closed-form end values; α̇, β̇ against central differences (interior values of α itself
 *         are not compared with t<sup>k</sup>)</td></tr>
 * <tr><td>VP: α<sub>t</sub> = e<sup>−h(1−t)/2</sup>, β<sub>t</sub> = √(1 − e<sup>−h(1−t)</sup>),
 *         h(s) = β<sub>min</sub>s + ½(β<sub>max</sub> − β<sub>min</sub>)s²</td>
 *     <td>{@link genflow.schedule.VpSchedule#alpha(double)}, {@link genflow.schedule.VpSchedule#beta(double)},
 *         {@link genflow.schedule.VpSchedule#rate(double)}, {@link genflow.schedule.VpSchedule#integratedRate(double)}</td>
 *     <td>{@code ScheduleTest.vpIsVariancePreservingAndMatchesTheSdeMoments}, {@code .derivativesMatchCentralDifferences}</td>
 *     <td>closed form α₀ = e<sup>−5.025</sup>; α² + β² = 1; the DDPM mean factor
 *         exp(−½∫₀<sup>s</sup> b) by Simpson's rule (exact for the quadratic)</td></tr>
 * <tr><td>VE: α<sub>t</sub> = 1, β<sub>t</sub> = σ<sub>min</sub>(σ<sub>max</sub>/σ<sub>min</sub>)<sup>1−t</sup></td>
 *     <td>{@link genflow.schedule.VeSchedule#beta(double)}, {@link genflow.schedule.VeSchedule#betaDot(double)}</td>
 *     <td>{@code ScheduleTest.veHasUnitAlphaAndGeometricNoise},
 *         {@code ScheduleBadInputTest.veScheduleWithARatioBeyondTheDoubleRangeStaysFinite}</td>
 *     <td>closed forms β₀ = σ<sub>max</sub>, β₁ = σ<sub>min</sub>, β<sub>½</sub> = √(σ<sub>min</sub>σ<sub>max</sub>),
 *         β̇ = −log(σ<sub>max</sub>/σ<sub>min</sub>)β, also for a ratio of 1e600</td></tr>
 * <tr><td>cosine (Nichol–Dhariwal): α<sub>t</sub> = cos(π/2·(1−t+s)/(1+s))/cos(π/2·s/(1+s)),
 *         β<sub>t</sub> = √(1 − α<sub>t</sub>²); s = 0: sin(πt/2), cos(πt/2)</td>
 *     <td>{@link genflow.schedule.CosineSchedule#alpha(double)}, {@link genflow.schedule.CosineSchedule#beta(double)}</td>
 *     <td>{@code ScheduleTest.cosineMatchesNicholDhariwalAlphaBar}, {@code .fullyInterpolatingSchedulesHitTheEnds}</td>
 *     <td>published formula: ᾱ(τ) = φ(τ)/φ(0) of Nichol &amp; Dhariwal with τ = 1 − t; sin, cos for s = 0</td></tr>
 * <tr><td>α̇<sub>t</sub>, β̇<sub>t</sub> of every schedule (β̇₁ = −∞ for VP and cosine)</td>
 *     <td>{@link genflow.schedule.Schedule#alphaDot(double)}, {@link genflow.schedule.Schedule#betaDot(double)}</td>
 *     <td>{@code ScheduleTest.derivativesMatchCentralDifferences} (7 schedules),
 *         {@code .vpIsVariancePreservingAndMatchesTheSdeMoments}</td>
 *     <td>independent estimate: central differences, relative tolerance 1e-6</td></tr>
 * <tr><td>FM time change: f(t) = 1 − t, g(t) = t² (t = 0 data)</td>
 *     <td>{@link genflow.schedule.TimeChange#flowMatching()}</td>
 *     <td>{@code ScheduleTest.timeChangesHaveSeedBoundaryValuesAndMatchSchedules}, {@code .timeChangeDerivativesMatchCentralDifferences}</td>
 *     <td>the seed's end values; equal to the flipped CondOT schedule; ḟ, ġ against central differences</td></tr>
 * <tr><td>OU time change: f(t) = e<sup>−h(t)/2</sup>, g(t) = 1 − e<sup>−h(t)</sup> (t = 0 data)</td>
 *     <td>{@link genflow.schedule.TimeChange#ornsteinUhlenbeck(double, double)}</td>
 *     <td>{@code ScheduleTest.timeChangesHaveSeedBoundaryValuesAndMatchSchedules}, {@code .timeChangeDerivativesMatchCentralDifferences}</td>
 *     <td>equal to the VP schedule flipped: f(t) = α<sub>1−t</sub>, g(t) = β<sub>1−t</sub>²; derivatives
 *         against central differences</td></tr>
 * <tr><td>f(t) = α<sub>1−t</sub>, g(t) = β<sub>1−t</sub>², ḟ = −α̇<sub>1−t</sub>, ġ = −2β<sub>1−t</sub>β̇<sub>1−t</sub></td>
 *     <td>{@link genflow.schedule.TimeChange#fromSchedule(Schedule)}</td>
 *     <td>{@code ScheduleTest.timeChangesHaveSeedBoundaryValuesAndMatchSchedules}, {@code .timeChangeDerivativesMatchCentralDifferences}</td>
 *     <td>CondOT gives the FM time change; cosine and VE derivatives against central differences</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000 (Step 3, the
 * FM and OU time changes; "A glimpse to diffusion"), seed 003 (VE, VP/DDPM), seed 004 eq. (16)
 * (CondOT); Lipman et al. 2023, Song et al. 2021, Nichol &amp; Dhariwal 2021 (cosine schedule).
 */
package genflow.schedule;
