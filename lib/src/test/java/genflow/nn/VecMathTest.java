package genflow.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class VecMathTest {
    @Test
    void expAndTanhMatchJavaMathOverTheWorkingRange() {
        int ld = DoubleVector.SPECIES_PREFERRED.length(), lf = FloatVector.SPECIES_PREFERRED.length();
        double[] xd = new double[ld], yd = new double[ld];
        float[] xf = new float[lf], yf = new float[lf];
        for (double x = -700; x <= 700; x += 0.37) {
            java.util.Arrays.fill(xd, x);
            VecMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xd, 0)).intoArray(yd, 0);
            assertEquals(Math.exp(x), yd[0], 2e-15 * Math.exp(x), "exp(" + x + ")");
        }
        for (float x = -80; x <= 80; x += 0.37f) {
            java.util.Arrays.fill(xf, x);
            VecMath.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, xf, 0)).intoArray(yf, 0);
            assertEquals(Math.exp(x), yf[0], 4e-7 * Math.exp(x), "float exp(" + x + ")");
        }
        for (double x = -30; x <= 30; x += 0.013) {
            java.util.Arrays.fill(xd, x);
            VecMath.tanh(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xd, 0)).intoArray(yd, 0);
            assertEquals(Math.tanh(x), yd[0], 1e-15, "tanh(" + x + ")");
        }
        // saturation instead of overflow
        java.util.Arrays.fill(xd, 1e4);
        VecMath.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, xd, 0)).intoArray(yd, 0);
        assertTrue(Double.isFinite(yd[0]) && yd[0] > 1e307);
    }
}
