/**
 * Couplings of noise and data for flow matching: the independent coupling (pair row i with row i,
 * or with a uniformly random row) and the minibatch optimal-transport coupling of OT-CFM, the
 * permutation minimising Σ<sub>i</sub> ‖x0<sub>i</sub> − x1<sub>σ(i)</sub>‖² (exact linear assignment by
 * Jonker–Volgenant, with the Hungarian algorithm kept as an independent reference), and entropic
 * OT between weighted point clouds by log-domain Sinkhorn iterations. Couplings are static: there
 * is no time variable here (the source x0 is the {@code noise} side, the target x1 the {@code data}
 * side of the flow). Uses {@code genflow.math} (argument checks) only.
 *
 * <table class="striped" style="table-layout:fixed; width:100%; overflow-wrap:anywhere">
 * <caption>Formulas, the methods that compute them and the tests that check them</caption>
 * <thead>
 * <tr><th scope="col">formula</th><th scope="col">method</th><th scope="col">test</th>
 *     <th scope="col">checked against</th></tr>
 * </thead>
 * <tbody>
 * <tr><td>min<sub>σ</sub> Σ<sub>i</sub> C<sub>iσ(i)</sub> (Jonker–Volgenant)</td>
 *     <td>{@link genflow.ot.Assignment#solve(double[][])}, {@link genflow.ot.Assignment#totalCost(double[][], int[])}</td>
 *     <td>{@code AssignmentTest.matchesBruteForceForSmallMatrices}, {@code .matchesBruteForceOnSquaredDistances},
 *         {@code .agreesWithHungarianReferenceOnLargerMatrices}, {@code .identityIsOptimalWhenDiagonalIsCheapest},
 *         {@code .solves1024SquaredDistanceMatrix}</td>
 *     <td>independent estimates: brute force over all n! permutations (ties, negative and huge
 *         costs); the Hungarian algorithm on larger matrices; no improving 2-swap at n = 1024</td></tr>
 * <tr><td>the same minimum by the Hungarian algorithm with potentials (Kuhn–Munkres)</td>
 *     <td>{@link genflow.ot.Assignment#solveHungarian(double[][])}</td>
 *     <td>{@code AssignmentTest.agreesWithHungarianReferenceOnLargerMatrices}, {@code .matchesBruteForceForSmallMatrices}</td>
 *     <td>brute force; Jonker–Volgenant</td></tr>
 * <tr><td>C<sub>ij</sub> = ‖x0<sub>i</sub> − x1<sub>j</sub>‖²; σ* = argmin<sub>σ</sub> Σ<sub>i</sub> ‖x0<sub>i</sub> − x1<sub>σ(i)</sub>‖²;
 *         (1/n) Σ<sub>i</sub> ‖x0<sub>i</sub> − x1<sub>σ*(i)</sub>‖² = empirical W₂²</td>
 *     <td>{@link genflow.ot.Couplings#minibatchOt(double[][], double[][])},
 *         {@link genflow.ot.Couplings#minibatchOtReordered(double[][], double[][])},
 *         {@link genflow.ot.Couplings#squaredDistances(double[][], double[][])},
 *         {@link genflow.ot.Couplings#meanSquaredDistance(double[][], double[][], int[])}</td>
 *     <td>{@code CouplingsTest.minibatchOtMatchesBruteForce}, {@code .recoversAHiddenTranslationPairing},
 *         {@code .oneDimensionalOtIsMonotone}</td>
 *     <td>brute force over permutations; a hidden translation undone exactly (cost 0.49·14); the
 *         monotone (sorted) coupling in 1-D</td></tr>
 * <tr><td>independent coupling: σ = id, or σ uniform (Fisher–Yates)</td>
 *     <td>{@link genflow.ot.Couplings#identityPairing(double[][], double[][])},
 *         {@link genflow.ot.Couplings#randomPairing(double[][], double[][], java.util.random.RandomGenerator)},
 *         {@link genflow.ot.Couplings#reorder(double[][], int[])}</td>
 *     <td>{@code CouplingsTest.randomPairingIsAUniformPermutation}</td>
 *     <td>each of the 3! permutations with frequency 1/6 (5 binomial standard deviations); same seed,
 *         same permutation</td></tr>
 * <tr><td>entropic OT min<sub>P∈Π(a,b)</sub> ⟨P, C⟩ + ε KL(P | a⊗b), P<sub>ij</sub> = a<sub>i</sub>b<sub>j</sub>e<sup>(f<sub>i</sub>+g<sub>j</sub>−C<sub>ij</sub>)/ε</sup>
 *         (log-domain Sinkhorn, optional ε-scaling)</td>
 *     <td>{@link genflow.ot.Sinkhorn#solve(double[], double[][], double[], double[][])},
 *         {@link genflow.ot.Sinkhorn#solve(double[], double[], double[][])}</td>
 *     <td>{@code SinkhornTest.marginalsAreSatisfiedForWeightedCloudsOfDifferentSizes},
 *         {@code .costApproachesExactAssignmentCostAsEpsilonShrinks}, {@code .epsilonScalingReachesTheSameFixedPointFaster},
 *         {@code .largeEpsilonGivesTheIndependentCoupling}</td>
 *     <td>marginals to 2e-10; the published bound OT ≤ ⟨P<sub>ε</sub>, C⟩ ≤ OT + ε log n against the exact
 *         assignment cost; the product plan a⊗b for large ε; the unscaled iteration reaches the
 *         same fixed point</td></tr>
 * </tbody>
 * </table>
 *
 * <p>References (listed in {@link genflow the root package's References}): seed 000
 * ("couplings"); Tong et al. 2023 (OT-CFM), Pooladian et al. 2023 (multisample flow matching),
 * Cuturi 2013 (Sinkhorn), Peyré &amp; Cuturi 2019, Jonker &amp; Volgenant 1987, Villani 2003.
 */
package genflow.ot;
