package genflow.nn;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Lane-wise exp and tanh built only from IEEE-exact vector operations (add, mul, fma, div,
 * integer shifts). Unlike {@code VectorOperators.EXP} — whose SVML intrinsic and Java fallback
 * round differently, so results changed once the JIT compiled a loop — these give the same bits
 * in the interpreter and in compiled code, which keeps training bit-reproducible for a seed.
 * exp(x) = 2^k e^r, k = round(x / ln 2), |r| ≤ ln2/2, e^r by a Taylor polynomial (degree 13 for
 * double, relative error &lt; 1e-15; degree 7 for float, &lt; 1e-7); input clamped to the finite range.
 */
final class VecMath {
    private VecMath() {}

    private static final double LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10;
    private static final double LOG2E = 1.4426950408889634;

    static DoubleVector exp(DoubleVector x) {
        x = x.max(-708.0).min(709.0);
        double magic = 6755399441055744.0; // 1.5 * 2^52
        DoubleVector t = x.mul(LOG2E).add(magic);
        DoubleVector k = t.sub(magic);
        DoubleVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
        DoubleVector p = r.broadcast(1.0 / 6227020800.0);
        double[] c = {1.0 / 479001600, 1.0 / 39916800, 1.0 / 3628800, 1.0 / 362880, 1.0 / 40320, 1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1, 1};
        for (double ci : c) p = p.fma(r, r.broadcast(ci));
        var kb = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(magic)).add(1023L).lanewise(VectorOperators.LSHL, 52);
        return p.mul(kb.reinterpretAsDoubles());
    }

    static FloatVector exp(FloatVector x) {
        x = x.max(-87.0f).min(88.0f);
        float magic = 12582912.0f; // 1.5 * 2^23
        FloatVector t = x.mul((float) LOG2E).add(magic);
        FloatVector k = t.sub(magic);
        FloatVector r = x.sub(k.mul(0.693359375f)).sub(k.mul(-2.12194440e-4f));
        FloatVector p = r.broadcast(1.0f / 5040);
        float[] c = {1.0f / 720, 1.0f / 120, 1.0f / 24, 1.0f / 6, 0.5f, 1, 1};
        for (float ci : c) p = p.fma(r, r.broadcast(ci));
        var kb = t.reinterpretAsInts().sub(Float.floatToRawIntBits(magic)).add(127).lanewise(VectorOperators.LSHL, 23);
        return p.mul(kb.reinterpretAsFloats());
    }

    /** tanh z = 1 − 2/(e^{2z} + 1). */
    static DoubleVector tanh(DoubleVector z) {
        DoubleVector one = z.broadcast(1.0);
        return one.sub(z.broadcast(2.0).div(exp(z.add(z)).add(one)));
    }

    static FloatVector tanh(FloatVector z) {
        FloatVector one = z.broadcast(1.0f);
        return one.sub(z.broadcast(2.0f).div(exp(z.add(z)).add(one)));
    }
}
