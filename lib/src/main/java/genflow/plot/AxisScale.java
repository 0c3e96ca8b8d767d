package genflow.plot;

/** Linear or logarithmic (base-10) axes for {@link Plots#lines}. */
public enum AxisScale {
    /** Both axes linear. */
    LINEAR(false, false),
    /** Logarithmic y axis (e.g. loss or error against step). */
    LOG_Y(false, true),
    /** Logarithmic x axis. */
    LOG_X(true, false),
    /** Both axes logarithmic (e.g. error against step size: slope = order of the method). */
    LOG_LOG(true, true);

    final boolean logX;
    final boolean logY;

    AxisScale(boolean logX, boolean logY) {
        this.logX = logX;
        this.logY = logY;
    }
}
