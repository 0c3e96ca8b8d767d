/**
 * genflow: the library behind the course on generative flows. Packages, in dependency order
 * (a package uses only those before it): {@link genflow.math}, {@link genflow.random},
 * {@link genflow.schedule}, {@link genflow.dist}, {@link genflow.process}, {@link genflow.ode},
 * {@link genflow.path}, {@link genflow.pde}, {@link genflow.ot}, {@link genflow.metrics},
 * {@link genflow.nn}, {@link genflow.loss}, {@link genflow.plot}, {@link genflow.table},
 * {@link genflow.course}. The architecture (modules, packages, time conventions) is described in
 * {@code docs/ARCHITECTURE.md} of the repository.
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
 * </ul>
 */
package genflow;
