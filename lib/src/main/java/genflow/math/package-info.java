/**
 * Numerical groundwork that every other package builds on: the special functions the lectures'
 * closed forms need (error function, normal density, distribution function and quantile, log Γ,
 * the Student-t density, the modified Bessel functions I₀ and I₁ of the telegrapher (Kac) density),
 * quadrature, bracketing root finders, the symmetric eigen-decomposition behind the Fréchet
 * distance, the argument checks of every public entry point ({@link genflow.math.Require}: an
 * {@link java.lang.IllegalArgumentException} that names the parameter and the allowed range) and
 * the cooperative interruption of long loops ({@link genflow.math.Interrupts}). Pure functions of
 * their arguments: there is no time variable here. This package uses no other genflow package;
 * all others use it.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>erf(x) = (2/√π) ∫₀ˣ e<sup>−t²</sup> dt (Cody 1969)</td>
 *     <td>{@link genflow.math.SpecialFunctions#erf(double)}</td>
 *     <td>{@code SpecialFunctionsTest.erfMatchesHighPrecisionSeries}, {@code .erfPublishedValues}</td>
 *     <td>independent estimate: Taylor series in BigDecimal (≥ 45 digits), relative error &lt; 1e-15;
 *         published values (DLMF, A&amp;S table 7.1)</td></tr>
 * <tr><td>erfc(x) = 1 − erf(x), without cancellation</td>
 *     <td>{@link genflow.math.SpecialFunctions#erfc(double)}</td>
 *     <td>{@code SpecialFunctionsTest.erfcMatchesHighPrecisionSeriesIntoTheFarTail}</td>
 *     <td>independent estimate: BigDecimal series up to x = 26.5, relative error &lt; 2e-15</td></tr>
 * <tr><td>φ(x) = e<sup>−x²/2</sup>/√(2π)</td>
 *     <td>{@link genflow.math.SpecialFunctions#normalPdf(double)}</td>
 *     <td>{@code SpecialFunctionsTest.normalPdfIsDerivativeOfCdfAndHasRightPeak}</td>
 *     <td>published values φ(0), φ(1); central difference of Φ</td></tr>
 * <tr><td>log φ(x) = −x²/2 − ½ log 2π</td>
 *     <td>{@link genflow.math.SpecialFunctions#normalLogPdf(double)}</td>
 *     <td>{@code SpecialFunctionsTest.normalPdfIsDerivativeOfCdfAndHasRightPeak},
 *         {@code MathBadInputTest.specialFunctionsRejectResultsBeyondTheDoubleRange}</td>
 *     <td>closed form (log of φ; −x²/2 where x² overflows)</td></tr>
 * <tr><td>Φ(x) = ½ erfc(−x/√2)</td>
 *     <td>{@link genflow.math.SpecialFunctions#normalCdf(double)}</td>
 *     <td>{@code SpecialFunctionsTest.normalCdfMatchesHighPrecisionDownToUnderflow}</td>
 *     <td>independent estimate: BigDecimal series from −37.5 to 8, relative error &lt; 2e-15</td></tr>
 * <tr><td>Φ⁻¹(p) (Wichura, AS 241)</td>
 *     <td>{@link genflow.math.SpecialFunctions#normalQuantile(double)}</td>
 *     <td>{@code SpecialFunctionsTest.normalQuantilePublishedValues},
 *         {@code .normalQuantileInvertsHighPrecisionCdfIntoTheTails}</td>
 *     <td>published quantiles (1.959963984540054 …); inversion of the BigDecimal Φ down to
 *         p = 1e-300, relative error &lt; 2e-15</td></tr>
 * <tr><td>log Γ(x) (Lanczos, g = 607/128)</td>
 *     <td>{@link genflow.math.SpecialFunctions#logGamma(double)}</td>
 *     <td>{@code SpecialFunctionsTest.logGammaAtIntegersAndHalfIntegers},
 *         {@code .logGammaPublishedAndAsymptoticValues}</td>
 *     <td>closed forms log (n−1)!, Γ(n+½) from √π; published Γ(1/3), Γ(1/4); Stirling series;
 *         the recurrence Γ(x+1) = xΓ(x)</td></tr>
 * <tr><td>log t<sub>ν</sub>(x) = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log νπ − ((ν+1)/2) log(1 + x²/ν)</td>
 *     <td>{@link genflow.math.SpecialFunctions#studentTLogDensity(double, double)}</td>
 *     <td>{@code SpecialFunctionsTest.studentTClosedFormsAndNormalisation}</td>
 *     <td>closed forms ν = 1 (Cauchy), ν = 2; the normal as ν → ∞; ∫ t<sub>3.5</sub> = 1 by
 *         quadrature</td></tr>
 * <tr><td>the t<sub>ν</sub> normaliser, with the series ½ log a − 1/(8a) + 1/(192a³) for a = ν/2 ≥ 1000</td>
 *     <td>{@link genflow.math.SpecialFunctions#studentTLogNormaliser(double)}</td>
 *     <td>{@code SpecialFunctionsTest.studentTClosedFormsAndNormalisation},
 *         {@code MathBadInputTest.specialFunctionsRejectResultsBeyondTheDoubleRange}</td>
 *     <td>the log Γ difference on both sides of the switch; the normal normaliser −½ log 2π as ν → ∞</td></tr>
 * <tr><td>log(1 + x²/ν) without overflow (2 log|x| − log ν for huge x)</td>
 *     <td>{@link genflow.math.SpecialFunctions#log1pSquareOver(double, double)}</td>
 *     <td>{@code MathBadInputTest.specialFunctionsRejectResultsBeyondTheDoubleRange}</td>
 *     <td>closed form log1p(4/3); the asymptote at x = 1e300</td></tr>
 * <tr><td>I<sub>ν</sub>(x) = Σ<sub>k</sub> (x/2)<sup>2k+ν</sup>/(k!(k+ν)!), Hankel expansion for
 *         x &gt; 22, ν = 0, 1; scaled e<sup>−|x|</sup>I<sub>ν</sub>(x)</td>
 *     <td>{@link genflow.math.Bessel#i0(double)}, {@link genflow.math.Bessel#i1(double)},
 *         {@link genflow.math.Bessel#i0e(double)}, {@link genflow.math.Bessel#i1e(double)}</td>
 *     <td>{@code BesselTest.scaledAndPlainMatchReferencesTo1e14},
 *         {@code .overflowIsInfinityNotNaNAndScaledStaysFinite}</td>
 *     <td>independent estimate: 50-digit BigDecimal power series from 0 to 1e5, relative error
 *         ≤ 1e-14</td></tr>
 * <tr><td>I₁(x)/I₀(x) without forming I₀, I₁</td>
 *     <td>{@link genflow.math.Bessel#ratioI1I0(double)}</td>
 *     <td>{@code BesselTest.scaledAndPlainMatchReferencesTo1e14},
 *         {@code .ratioIsMonotoneAndBoundedUpTo1e5}</td>
 *     <td>the 50-digit series ratio; the asymptote 1 − 1/(2x) − 1/(8x²); x/2 near 0</td></tr>
 * <tr><td>∫<sub>a</sub><sup>b</sup> f(x) dx by adaptive Gauss–Kronrod G7–K15 (QUADPACK QAG)</td>
 *     <td>{@link genflow.math.Quadrature#gaussKronrod(java.util.function.DoubleUnaryOperator, double, double, double, double)},
 *         {@link genflow.math.Quadrature#integrate(java.util.function.DoubleUnaryOperator, double, double, double, double)}</td>
 *     <td>{@code QuadratureTest.kronrodIntegratesPolynomialsOfDegree22ExactlyOnOnePanel},
 *         {@code .adaptiveReachesToleranceOnHardIntegrands},
 *         {@code MathBadInputTest.quadratureThrowsWhenItsErrorEstimateExceedsTheTolerance}</td>
 *     <td>closed forms: ∫₀¹ xᵏ = 1/(k+1) (exact to degree 22), ∫ sin = 2, ∫ e<sup>−x²</sup> = √π,
 *         endpoint and log singularities, a narrow spike (arctan)</td></tr>
 * <tr><td>composite trapezoid Σ h(y<sub>i</sub> + y<sub>i+1</sub>)/2, error O(h²)</td>
 *     <td>{@link genflow.math.Quadrature#trapezoid(double[], double)},
 *         {@link genflow.math.Quadrature#trapezoid(java.util.function.DoubleUnaryOperator, double, double, int)}</td>
 *     <td>{@code QuadratureTest.compositeRulesHaveTheirOrders}</td>
 *     <td>closed form e − 1 with the error ratio 4 on halving h; a hand-computed sum</td></tr>
 * <tr><td>composite Simpson (h/3)(y₀ + 4y₁ + 2y₂ + … + y<sub>n</sub>), error O(h⁴)</td>
 *     <td>{@link genflow.math.Quadrature#simpson(double[], double)},
 *         {@link genflow.math.Quadrature#simpson(java.util.function.DoubleUnaryOperator, double, double, int)}</td>
 *     <td>{@code QuadratureTest.compositeRulesHaveTheirOrders}</td>
 *     <td>closed form e − 1 with the error ratio 16; exact for cubics; a hand-computed sum</td></tr>
 * <tr><td>root of f on a bracket: bisection; Brent's method (Brent 1973)</td>
 *     <td>{@link genflow.math.RootFinding#bisection(java.util.function.DoubleUnaryOperator, double, double, double)},
 *         {@link genflow.math.RootFinding#brent(java.util.function.DoubleUnaryOperator, double, double, double)}</td>
 *     <td>{@code RootFindingTest.publishedRoots}, {@code .brentIsFasterThanBisection}, {@code .hardCases}</td>
 *     <td>published values (Dottie number, root of Wallis' cubic x³ − 2x − 5); closed form ln 5</td></tr>
 * <tr><td>A = V diag(λ) Vᵀ (cyclic Jacobi)</td>
 *     <td>{@link genflow.math.SymmetricEigen#of(double[][])}</td>
 *     <td>{@code SymmetricEigenTest.twoByTwoHasTheKnownSpectrum},
 *         {@code .randomSymmetricMatricesAreReconstructedWithOrthonormalVectors}</td>
 *     <td>closed-form spectrum {1, 3}; reconstruction V diag(λ) Vᵀ = A and VᵀV = I to 1e-11</td></tr>
 * <tr><td>A<sup>1/2</sup> = V diag(√λ) Vᵀ</td>
 *     <td>{@link genflow.math.SymmetricEigen#sqrt()}</td>
 *     <td>{@code SymmetricEigenTest.sqrtSquaresBackToThePsdMatrix}</td>
 *     <td>closed form: (A<sup>1/2</sup>)² = A to 1e-10</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 001 (the Bessel
 * functions of the telegrapher density); Cody 1969 (erf), Wichura 1988 (AS 241), Godfrey 2001
 * (Lanczos coefficients), Brent 1973 and Golub &amp; Van Loan (Jacobi) as cited in the class
 * comments.
 */
package genflow.math;
