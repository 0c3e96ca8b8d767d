/**
 * genflow: the library behind the course on generative flows. Packages, in dependency order
 * (a package uses only those before it): {@link genflow.math}, {@link genflow.random},
 * {@link genflow.schedule}, {@link genflow.dist}, {@link genflow.process}, {@link genflow.ode},
 * {@link genflow.path}, {@link genflow.pde}, {@link genflow.ot}, {@link genflow.metrics},
 * {@link genflow.nn}, {@link genflow.loss}, {@link genflow.plot}, {@link genflow.table},
 * {@link genflow.course}. The architecture (modules, packages, time conventions) is described in
 * {@code docs/ARCHITECTURE.md} of the repository. Every package's own page (its
 * {@code package-info.java}) has a table formula → method → test → what the test compares against,
 * and cites the sources below.
 *
 * <h2 id="references">References</h2>
 * The Javadoc cites the lecture material of the course as "seed 000" … "seed 004" (text extractions
 * of slides and notes; they are not part of the repository, this list says what each one is) and
 * papers by author and year.
 *
 * <h3>Lecture material (the seeds)</h3>
 * <dl>
 * <dt>seed 000</dt><dd>G. Steidl, J. Chemseddine (TU Berlin): "Generative Flows" (absolutely continuous
 *   curves, continuity equation, flow matching, couplings, Tweedie, a glimpse of diffusion,
 *   Fokker–Planck, Langevin) and "Generative flows from 1D processes" (Wiener, Kac and uniform
 *   processes, learned quantile noise), with the Kac FID table.</dd>
 * <dt>seed 001</dt><dd>G. Steidl et al.: "Kac model and telegrapher's equation" (Kac walk,
 *   telegrapher density with Bessel functions, velocity field, multidimensional Kac process, loss,
 *   τ_t via Poisson jump times).</dd>
 * <dt>seed 002</dt><dd>V. Stein (TU Berlin): "What are generative probability flows for sampling?"
 *   (Bayesian motivation, gradient flows, Wasserstein space, Wasserstein gradient flows).</dd>
 * <dt>seed 003</dt><dd>R. Isachenko: Deep Generative Models, lecture 13 (SDE basics, Fokker–Planck,
 *   probability-flow ODE, reverse SDE, VE/VP SDEs, flow matching, conditional FM, conical Gaussian
 *   paths, rectified flows).</dd>
 * <dt>seed 004</dt><dd>Lecture notes "Flow and Diffusion Models" after MIT 6.S184 (P. Holderrieth,
 *   E. Erives): ODEs, Euler/Heun, SDEs, Euler–Maruyama, OU, the marginalization trick, Gaussian
 *   paths, continuity and Fokker–Planck equations, Langevin dynamics.</dd>
 * </dl>
 * The slides have typos; where a numerical check contradicts a slide, the lectures print the
 * corrected formula in an erratum box.
 *
 * <h3>Papers and books</h3>
 * <ul>
 * <li>M. Duong, J. Chemseddine, P. K. Friz, G. Steidl: Telegrapher's generative model via Kac
 *   flows. arXiv:2506.20641 (2025). — Kac process, telegrapher density, Kac flow matching.</li>
 * <li>J. Chemseddine, C. Kornhardt, M. Duong, G. Steidl: Adapting noise to data: generative flows
 *   from 1D processes. arXiv:2510.12636 (2025). — mean-reverting paths over 1-D processes, uniform
 *   process, learned quantile noise.</li>
 * <li>C. Wald, G. Steidl: Flow matching: Markov kernels, stochastic processes and transport plans
 *   (2025).</li>
 * <li>Y. Lipman, R. T. Q. Chen, H. Ben-Hamu, M. Nickel, M. Le: Flow Matching for Generative
 *   Modeling. ICLR 2023.</li>
 * <li>X. Liu, C. Gong, Q. Liu: Flow Straight and Fast: Learning to Generate and Transfer Data with
 *   Rectified Flow. ICLR 2023.</li>
 * <li>M. S. Albergo, E. Vanden-Eijnden: Building Normalizing Flows with Stochastic Interpolants.
 *   ICLR 2023.</li>
 * <li>A. Tong, K. Fatras, N. Malkin, G. Huguet, Y. Zhang, J. Rector-Brooks, G. Wolf, Y. Bengio:
 *   Improving and generalizing flow-based generative models with minibatch optimal transport.
 *   TMLR 2024 (arXiv 2023). — OT-CFM, normalized path energy.</li>
 * <li>A.-A. Pooladian, H. Ben-Hamu, C. Domingo-Enrich, B. Amos, Y. Lipman, R. T. Q. Chen:
 *   Multisample Flow Matching. ICML 2023.</li>
 * <li>Y. Song, J. Sohl-Dickstein, D. P. Kingma, A. Kumar, S. Ermon, B. Poole: Score-Based Generative
 *   Modeling through Stochastic Differential Equations. ICLR 2021. — VP/VE SDEs, probability-flow
 *   ODE.</li>
 * <li>B. D. O. Anderson: Reverse-time diffusion equation models. Stochastic Processes and their
 *   Applications 12 (1982).</li>
 * <li>P. Vincent: A Connection Between Score Matching and Denoising Autoencoders. Neural
 *   Computation 23 (2011).</li>
 * <li>B. Efron: Tweedie's Formula and Selection Bias. JASA 106 (2011).</li>
 * <li>J. Ho, T. Salimans: Classifier-Free Diffusion Guidance. NeurIPS 2021 workshop (arXiv 2022).</li>
 * <li>P. Dhariwal, A. Nichol: Diffusion Models Beat GANs on Image Synthesis. NeurIPS 2021. —
 *   classifier guidance.</li>
 * <li>W. Grathwohl, R. T. Q. Chen, J. Bettencourt, I. Sutskever, D. Duvenaud: FFJORD. ICLR 2019. —
 *   instantaneous change of variables, Hutchinson trace estimator.</li>
 * <li>M. F. Hutchinson: A stochastic estimator of the trace of the influence matrix. Communications
 *   in Statistics – Simulation and Computation 19 (1990).</li>
 * <li>L. Ambrosio, N. Gigli, G. Savaré: Gradient Flows in Metric Spaces and in the Space of
 *   Probability Measures. Birkhäuser (2nd ed. 2008).</li>
 * <li>J.-D. Benamou, Y. Brenier: A computational fluid mechanics solution to the Monge–Kantorovich
 *   mass transfer problem. Numerische Mathematik 84 (2000).</li>
 * <li>C. Villani: Topics in Optimal Transportation. AMS (2003).</li>
 * <li>M. Kac: A stochastic model related to the telegrapher's equation. Rocky Mountain J. Math. 4
 *   (1974).</li>
 * <li>A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf, A. Smola: A Kernel Two-Sample Test.
 *   JMLR 13 (2012).</li>
 * <li>G. J. Székely, M. L. Rizzo: Energy statistics: A class of statistics based on distances.
 *   J. Statistical Planning and Inference 143 (2013).</li>
 * <li>M. Cuturi: Sinkhorn Distances. NeurIPS 2013.</li>
 * <li>J. Rabin, G. Peyré, J. Delon, M. Bernot: Wasserstein Barycenter and its Application to
 *   Texture Mixing. SSVM 2011; N. Bonneel, J. Rabin, G. Peyré, H. Pfister: Sliced and Radon
 *   Wasserstein Barycenters of Measures. JMIV 51 (2015). — sliced W₂.</li>
 * <li>C. Durkan, A. Bekasov, I. Murray, G. Papamakarios: Neural Spline Flows. NeurIPS 2019. —
 *   rational-quadratic splines.</li>
 * <li>M. Heusel, H. Ramsauer, T. Unterthiner, B. Nessler, S. Hochreiter: GANs Trained by a Two
 *   Time-Scale Update Rule Converge to a Local Nash Equilibrium. NeurIPS 2017. — Fréchet
 *   (inception) distance.</li>
 * <li>D. P. Kingma, J. Ba: Adam: A Method for Stochastic Optimization. ICLR 2015;
 *   I. Loshchilov, F. Hutter: Decoupled Weight Decay Regularization. ICLR 2019.</li>
 * <li>A. Vaswani et al.: Attention Is All You Need. NeurIPS 2017; M. Tancik et al.: Fourier
 *   Features Let Networks Learn High Frequency Functions. NeurIPS 2020. — time embeddings.</li>
 * <li>J. R. Dormand, P. J. Prince: A family of embedded Runge–Kutta formulae. J. Comp. Appl. Math.
 *   6 (1980); R. P. Brent: Algorithms for Minimization without Derivatives (1973);
 *   W. J. Cody: Rational Chebyshev approximations for the error function. Math. Comp. 23 (1969).</li>
 * <li>E. Alpaydin, C. Kaynak: Optical Recognition of Handwritten Digits. UCI Machine Learning
 *   Repository (1998), CC BY 4.0. — the 8×8 digits in {@code data/digits.csv}.</li>
 * <li>A. Q. Nichol, P. Dhariwal: Improved Denoising Diffusion Probabilistic Models. ICML 2021. —
 *   cosine schedule.</li>
 * <li>R. T. Q. Chen, Y. Rubanova, J. Bettencourt, D. Duvenaud: Neural Ordinary Differential
 *   Equations. NeurIPS 2018. — instantaneous change of variables.</li>
 * <li>R. M. Neal: Slice sampling. Annals of Statistics 31 (2003). — Neal's funnel.</li>
 * <li>K. Pandey, J. Pathak, Y. Xu, S. Mandt, M. Pritchard, A. Vahdat, M. Mardani: Heavy-Tailed
 *   Diffusion Models. arXiv (2024). — Student-t noise.</li>
 * <li>G. Peyré, M. Cuturi: Computational Optimal Transport. Foundations and Trends in Machine
 *   Learning 11 (2019); B. Schmitzer: Stabilized sparse scaling algorithms for entropy regularized
 *   transport problems. SIAM J. Sci. Comput. 41 (2019). — log-domain Sinkhorn, ε-scaling.</li>
 * <li>D. C. Dowson, B. V. Landau: The Fréchet distance between multivariate normal distributions.
 *   J. Multivariate Analysis 12 (1982).</li>
 * </ul>
 *
 * <h3>Numerical methods</h3>
 * <ul>
 * <li>M. Abramowitz, I. A. Stegun: Handbook of Mathematical Functions (1964); NIST Digital Library
 *   of Mathematical Functions (DLMF), chapters 7 and 10. — published values of erf, Bessel functions.</li>
 * <li>M. J. Wichura: Algorithm AS 241, The percentage points of the normal distribution. Applied
 *   Statistics 37 (1988); P. J. Acklam: An algorithm for computing the inverse normal cumulative
 *   distribution function (2003, web note). — normal quantiles.</li>
 * <li>P. Godfrey: A note on the computation of the convergent Lanczos complex Gamma approximation
 *   (2001). — log Γ.</li>
 * <li>R. Piessens, E. de Doncker-Kapenga, C. W. Überhuber, D. K. Kahaner: QUADPACK (Springer 1983).
 *   — Gauss–Kronrod G7–K15.</li>
 * <li>G. H. Golub, C. F. Van Loan: Matrix Computations (4th ed. 2013), §8.5. — cyclic Jacobi.</li>
 * <li>E. Hairer, S. P. Nørsett, G. Wanner: Solving Ordinary Differential Equations I (2nd ed.
 *   1993), §II.4–5. — Runge–Kutta methods, step-size control.</li>
 * <li>W. Hörmann: The transformed rejection method for generating Poisson random variables.
 *   Insurance: Mathematics and Economics 12 (1993); G. Marsaglia, W. W. Tsang: A simple method for
 *   generating gamma variables. ACM TOMS 26 (2000).</li>
 * <li>R. Jonker, A. Volgenant: A shortest augmenting path algorithm for dense and sparse linear
 *   assignment problems. Computing 38 (1987); H. W. Kuhn: The Hungarian method for the assignment
 *   problem. Naval Research Logistics Quarterly 2 (1955).</li>
 * <li>M. A. Stephens: Use of the Kolmogorov–Smirnov, Cramér–von Mises and related statistics
 *   without extensive tables. JRSS B 32 (1970); F. J. Massey: The Kolmogorov–Smirnov test for
 *   goodness of fit. JASA 46 (1951). — KS p-values and critical values.</li>
 * <li>S. van der Walt, N. Smith: the viridis colour map of matplotlib (2015); M. Okabe, K. Ito:
 *   Color Universal Design (2008). — figure colours.</li>
 * </ul>
 */
package genflow;
