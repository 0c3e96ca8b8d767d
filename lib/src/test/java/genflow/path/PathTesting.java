package genflow.path;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class PathTesting {
    private PathTesting() {}

    static void assertMessage(String fragment, Executable e) {
        var ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    static double[][] repeat(int n, double... row) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = row.clone();
        return x;
    }

    static double[] meanVar(double[][] x, int j) {
        double m = 0, v = 0;
        for (double[] r : x) m += r[j];
        m /= x.length;
        for (double[] r : x) v += (r[j] - m) * (r[j] - m);
        return new double[]{m, v / (x.length - 1)};
    }
}
