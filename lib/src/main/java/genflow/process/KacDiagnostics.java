package genflow.process;

import genflow.math.Quadrature;
import genflow.math.Require;

/**
 * Integrals of the 1-D Kac law μ_t (atoms e^{-at}/2 at ±ct plus the telegrapher density p_t, see
 * {@link KacProcess}) used in the Kac-flow lecture (seed 001 §2.2 and "Useful convergence results";
 * Duong, Chemseddine, Friz, Steidl, arXiv 2506.20641). Time runs forward from μ_0 = δ_0.
 * Integrals by adaptive Gauss–Kronrod ({@link Quadrature}); static.
 */
public final class KacDiagnostics {
    private KacDiagnostics() {}

    /**
     * Kinetic energy of the Kac flow,
     * ‖v_t‖²_{L²(μ_t)} = c² e^{-at} + ∫_{-ct}^{ct} v_t(x)² p_t(x) dx
     * (the atoms move with speed exactly c). Seed 000/001: ‖v_t‖² ≤ c² for all t (|v_t| ≤ c on the
     * support), compared with σ²/(4t) for diffusion ({@link #diffusionVelocityNormSquared}).
     */
    public static double velocityNormSquared(KacProcess kac, double t) {
        requireKac(kac);
        Require.nonNegative("t", t);
        double c = kac.c();
        double ct = kac.ct(t);
        double atoms = c * c * kac.atomMass(t);
        if (!Double.isFinite(c * c)) throw new IllegalArgumentException("kac = " + kac + ": the kinetic energy ≤ c² exceeds the double range");
        if (t == 0) return atoms;
        double inner = Quadrature.integrate(x -> {
            double v = kac.velocity(t, x);
            return v * v * kac.density(t, x);
        }, 0, ct, 1e-12, 1e-10);
        return atoms + 2 * inner; // v² p is even in x
    }

    /**
     * Kinetic energy of diffusion σW_t started at δ_0 (seed 000 "Wiener process"): the velocity
     * v_t(x) = x/(2t) under N(0, σ²t) gives ‖v_t‖² = σ²t/(4t²) = σ²/(4t), which is not integrable at t = 0.
     */
    public static double diffusionVelocityNormSquared(double sigma2, double t) {
        Require.positive("sigma2", sigma2);
        Require.positive("t", t);
        double v = sigma2 / (4 * t);
        if (!Double.isFinite(v)) v = sigma2 / 4 / t;
        if (!Double.isFinite(v)) throw new IllegalArgumentException("sigma2 = " + sigma2 + ", t = " + t + ": σ²/(4t) exceeds the double range");
        return v;
    }

    /**
     * L² distance between the absolutely continuous part p_t of the Kac law and the heat kernel
     * h_t = N(0, σ²t) with σ² = c²/a (seed 001 "Useful convergence results"):
     * ‖p_t − h_t‖_{L²(ℝ)} = ( ∫ (p_t − h_t)² dx )^{1/2}.
     * The atoms (mass e^{-at}, not in L²) are left out — they are negligible once at ≫ 1; report
     * {@link KacProcess#atomMass} next to it. The seed's bound for smooth f_0 is C(1/(at) + 1/(c√(at))).
     */
    public static double l2DistanceToHeatKernel(KacProcess kac, double t) {
        requireKac(kac);
        Require.positive("t", t);
        double s2 = kac.c() * kac.c() / kac.a() * t;
        if (!(s2 >= 1e-290 && s2 <= 1e290)) {
            throw new IllegalArgumentException("t = " + t + ": the heat kernel's variance σ²t = c²t/a = " + s2 + " (kac = " + kac
                    + ") is outside [1e-290, 1e290], where its L² norm and the quadrature stay within the double range");
        }
        double norm = 1 / Math.sqrt(2 * Math.PI * s2);
        double ct = kac.ct(t);
        java.util.function.DoubleUnaryOperator diff2 = x -> {
            double h = norm * Math.exp(-x * x / (2 * s2));
            double d = kac.density(t, x) - h;
            return d * d;
        };
        double inside = Quadrature.integrate(diff2, 0, ct, 1e-14, 1e-10);
        // outside the support p_t = 0: ∫_{ct}^∞ h² dx = (norm²) ∫ e^{-x²/s2} = norm² √(π s2)/2 · erfc(ct/√s2)
        double tail = Quadrature.integrate(x -> { double h = norm * Math.exp(-x * x / (2 * s2)); return h * h; },
                ct, ct + 40 * Math.sqrt(s2), 1e-16, 1e-10);
        return Math.sqrt(2 * (inside + tail));
    }

    private static void requireKac(KacProcess kac) {
        if (kac == null) throw new IllegalArgumentException("kac must not be null");
    }
}
