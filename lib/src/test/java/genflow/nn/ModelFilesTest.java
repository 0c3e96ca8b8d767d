package genflow.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Corrupt model files give an IllegalArgumentException naming the file and the field (issue 15,
 * item 9): sizes checked before allocation, constructor constraints, finite values, version.
 */
class ModelFilesTest {
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    static Path file(Path dir, String name, Body body) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            body.write(out);
        }
        Path f = dir.resolve(name);
        Files.write(f, b.toByteArray());
        return f;
    }

    static void rejected(String fragment, Runnable load) {
        var e = assertThrows(IllegalArgumentException.class, load::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    static final int SPLINE = 0x47525153, MLP = 0x474D4C50;

    static Body spline(int version, int dim, int bins, double bound, double fill, int count) {
        return out -> {
            out.writeInt(SPLINE);
            out.writeInt(version);
            out.writeInt(dim);
            out.writeInt(bins);
            out.writeLong(Double.doubleToRawLongBits(bound));
            for (int i = 0; i < count; i++) out.writeLong(Double.doubleToRawLongBits(i == count - 1 ? fill : 0.1));
        };
    }

    @Test
    void rqSplineFilesAreValidated(@TempDir Path dir) throws IOException {
        // the cases of issue 15: bins = 0 / negative dimension (were NegativeArraySizeException), NaN bound or
        // parameters (loaded silently), bins = 1 (loaded, although identity() requires >= 2)
        rejected("bins = 0, allowed [2, 1024]", () -> RqSpline.load(io(() -> file(dir, "a", spline(1, 2, 0, 5, 0.1, 0)))));
        rejected("dim = -3, allowed [1,", () -> RqSpline.load(io(() -> file(dir, "b", spline(1, -3, 4, 5, 0.1, 0)))));
        rejected("bins = 1, allowed [2, 1024]", () -> RqSpline.load(io(() -> file(dir, "c", spline(1, 2, 1, 5, 0.1, 4)))));
        rejected("bound = NaN", () -> RqSpline.load(io(() -> file(dir, "d", spline(1, 2, 4, Double.NaN, 0.1, 22)))));
        rejected("bound = -1.0, which must be > 0", () -> RqSpline.load(io(() -> file(dir, "e", spline(1, 2, 4, -1, 0.1, 22)))));
        rejected("parameter[21] = NaN", () -> RqSpline.load(io(() -> file(dir, "f", spline(1, 2, 4, 5, Double.NaN, 22)))));
        rejected("ends early", () -> RqSpline.load(io(() -> file(dir, "g", spline(1, 2, 4, 5, 0.1, 21)))));
        rejected("bytes after the end", () -> RqSpline.load(io(() -> file(dir, "h", spline(1, 2, 4, 5, 0.1, 23)))));
        rejected("version 7", () -> RqSpline.load(io(() -> file(dir, "i", spline(7, 2, 4, 5, 0.1, 22)))));
        rejected("more than", () -> RqSpline.load(io(() -> file(dir, "j", spline(1, Integer.MAX_VALUE, 1024, 5, 0.1, 0)))));
        rejected("is not a saved genflow RqSpline", () -> RqSpline.load(io(() -> file(dir, "k", out -> out.writeInt(MLP)))));
        rejected("does not exist", () -> RqSpline.load(dir.resolve("missing")));
        // a valid file written by hand loads (2 coordinates × (3·4 − 1) parameters)
        assertEquals(4, RqSpline.load(io(() -> file(dir, "ok", spline(1, 2, 4, 5, 0.1, 22)))).bins());
    }

    static Body mlp(int version, int dim, int[] hidden, String act, int freq, String prec, int threads, int count, double fill) {
        return out -> {
            out.writeInt(MLP);
            out.writeInt(version);
            out.writeInt(dim);
            out.writeInt(hidden.length);
            for (int h : hidden) out.writeInt(h);
            out.writeUTF(act);
            out.writeInt(freq);
            out.writeUTF(prec);
            out.writeInt(threads);
            out.writeLong(42);
            out.writeInt(count);
            for (int i = 0; i < Math.max(count, 0); i++) out.writeLong(Double.doubleToRawLongBits(i == count - 1 ? fill : 0.01));
        };
    }

    @Test
    void mlpFilesAreValidated(@TempDir Path dir) throws IOException {
        int[] h = {3};
        int ok = (2 + 1) * 3 + 3 + 3 * 2 + 2; // dim 2, raw time, one hidden layer of 3
        assertEquals(ok, Mlp.load(io(() -> file(dir, "ok", mlp(1, 2, h, "SILU", 0, "FLOAT", 1, ok, 0.5)))).numParameters());
        rejected("dim = 0", () -> Mlp.load(io(() -> file(dir, "a", mlp(1, 0, h, "SILU", 0, "FLOAT", 1, ok, 0.5)))));
        rejected("number of hidden layers = -1", () -> Mlp.load(io(() -> file(dir, "b", out -> {
            out.writeInt(MLP);
            out.writeInt(1);
            out.writeInt(2);
            out.writeInt(-1);
        }))));
        rejected("hidden[0] = -5", () -> Mlp.load(io(() -> file(dir, "c", mlp(1, 2, new int[]{-5}, "SILU", 0, "FLOAT", 1, ok, 0.5)))));
        rejected("activation = \"SWISH\"", () -> Mlp.load(io(() -> file(dir, "d", mlp(1, 2, h, "SWISH", 0, "FLOAT", 1, ok, 0.5)))));
        rejected("time-embedding frequencies = 17", () -> Mlp.load(io(() -> file(dir, "e", mlp(1, 2, h, "SILU", 17, "FLOAT", 1, ok, 0.5)))));
        rejected("threads = 3", () -> Mlp.load(io(() -> file(dir, "f", mlp(1, 2, h, "SILU", 0, "FLOAT", 3, ok, 0.5)))));
        rejected("declares 19 parameters, but dim = 2, hidden = [3], raw time need 20", () -> Mlp.load(io(() -> file(dir, "g", mlp(1, 2, h, "SILU", 0, "FLOAT", 1, 19, 0.5)))));
        rejected("parameter[" + (ok - 1) + "] = Infinity", () -> Mlp.load(io(() -> file(dir, "h", mlp(1, 2, h, "SILU", 0, "FLOAT", 1, ok, Double.POSITIVE_INFINITY)))));
        rejected("version 3", () -> Mlp.load(io(() -> file(dir, "i", mlp(3, 2, h, "SILU", 0, "FLOAT", 1, ok, 0.5)))));
        rejected("stores float32 parameters for a DOUBLE net", () -> Mlp.load(io(() -> file(dir, "i2", mlp(2, 2, h, "SILU", 0, "DOUBLE", 1, ok, 0.5)))));
        rejected("more than", () -> Mlp.load(io(() -> file(dir, "j", mlp(1, 2, new int[]{1 << 20, 1 << 20}, "SILU", 0, "FLOAT", 1, 7, 0.5)))));
        rejected("parameter count = -4", () -> Mlp.load(io(() -> file(dir, "k", mlp(1, 2, h, "SILU", 0, "FLOAT", 1, -4, 0.5)))));
        rejected("ends early", () -> Mlp.load(io(() -> file(dir, "l", out -> mlp(1, 2, h, "SILU", 0, "FLOAT", 1, ok, 0.5).write(new DataOutputStream(new java.io.OutputStream() {
            int n;
            @Override public void write(int b) throws IOException { if (n++ < 60) out.write(b); }
        }))))));
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    static <T> T io(IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
