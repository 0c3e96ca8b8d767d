package genflow.schedule;

/**
 * A Gaussian-path schedule x_t = α_t z + β_t ε with derivatives, for t in [0, 1].
 * Convention (as in MIT 6.S184 and Lipman et al.): t = 0 is noise, t = 1 is data, so α_0 = 0,
 * β_0 = 1, α_1 = 1, β_1 = 0 for the schedules that interpolate fully.
 */
public interface Schedule {
    double alpha(double t);
    double beta(double t);
    double alphaDot(double t);
    double betaDot(double t);
}
