package genflow.process;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Test helper: one-sample Kolmogorov–Smirnov statistic for a cdf that may have atoms. */
final class KsTest {
    private KsTest() {}

    /**
     * sup_x |F_n(x) − F(x)| evaluated on both sides of every sample value: F_n jumps at each
     * distinct value v from (#samples &lt; v)/n to (#samples ≤ v)/n, F from F(v−) to F(v).
     *
     * @param cdfLeft F(v−), the left limit (equal to F(v) where F has no atom)
     */
    static double statistic(double[] samples, DoubleUnaryOperator cdf, DoubleUnaryOperator cdfLeft) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[j] == s[i]) j++;
            double v = s[i];
            d = Math.max(d, Math.abs(cdfLeft.applyAsDouble(v) - (double) i / n));
            d = Math.max(d, Math.abs(cdf.applyAsDouble(v) - (double) j / n));
            i = j;
        }
        return d;
    }

    /** The 1% critical value of the KS statistic, 1.63/√n (continuous F; conservative with atoms). */
    static double critical1Percent(int n) {
        return 1.63 / Math.sqrt(n);
    }
}
