package genflow.nn;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Validated reading of the binary model files written by {@link Mlp#save} and
 * {@link RqSpline#save}: every size is checked before anything is allocated, every value is
 * checked to be finite, and a short, long or foreign file gives an {@link IllegalArgumentException}
 * naming the file and the field, never an exception from deep inside the reader.
 */
final class ModelFiles {
    /** Largest parameter count a model file may declare (2^27 doubles = 1 GiB). */
    static final long MAX_PARAMETERS = 1L << 27;

    private ModelFiles() {}

    /** What a loader does with an open, validated stream. */
    interface Reader<T> {
        T read(In in) throws IOException;
    }

    /**
     * A file a model can be written to: not null, not a folder, and in a folder that exists (so that
     * a mistyped path is an {@link IllegalArgumentException} naming the file, not an I/O error).
     */
    static void checkWritable(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("file = " + file + " is a folder; name a file to write the model to");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("file = " + file + ": the folder " + parent + " does not exist");
        }
    }

    /** A file a model can be read from: not null, not a folder, existing. */
    static void checkReadable(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("file = " + file + " is a folder, not a saved model");
        if (!Files.exists(file)) throw new IllegalArgumentException("file " + file + " does not exist");
    }

    /** Opens {@code file}, runs {@code reader} and checks that nothing is left over. */
    static <T> T load(Path file, String what, Reader<T> reader) {
        checkReadable(file);
        try (InputStream is = Files.newInputStream(file); DataInputStream din = new DataInputStream(new java.io.BufferedInputStream(is))) {
            In in = new In(din, file, what);
            T value = reader.read(in);
            if (din.read() != -1) throw in.bad("has bytes after the end of the " + what);
            return value;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": the " + what + " file ends early (truncated or not a " + what + " file)");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + what + " from " + file, e);
        }
    }

    /** A data stream with checked reads. */
    static final class In {
        private final DataInputStream in;
        private final Path file;
        private final String what;

        In(DataInputStream in, Path file, String what) {
            this.in = in;
            this.file = file;
            this.what = what;
        }

        IllegalArgumentException bad(String message) {
            return new IllegalArgumentException(file + ": " + what + " file " + message);
        }

        void magic(int expected) throws IOException {
            if (in.readInt() != expected) throw new IllegalArgumentException(file + " is not a saved genflow " + what);
        }

        /** The version field; only {@code supported} is accepted. */
        void version(int supported) throws IOException {
            int v = in.readInt();
            if (v != supported) throw bad("has version " + v + "; this genflow reads version " + supported);
        }

        /** The version field; any of {@code lo..hi} is accepted and returned. */
        int versionIn(int lo, int hi) throws IOException {
            int v = in.readInt();
            if (v < lo || v > hi) throw bad("has version " + v + "; this genflow reads versions " + lo + " to " + hi);
            return v;
        }

        /** An int in [lo, hi]. */
        int intIn(String name, int lo, int hi) throws IOException {
            int v = in.readInt();
            if (v < lo || v > hi) throw bad("has " + name + " = " + v + ", allowed [" + lo + ", " + hi + "]");
            return v;
        }

        long readLong() throws IOException {
            return in.readLong();
        }

        String utf(String name) throws IOException {
            return in.readUTF();
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) throws IOException {
            String s = in.readUTF();
            try {
                return Enum.valueOf(type, s);
            } catch (IllegalArgumentException e) {
                throw bad("has " + name + " = \"" + s + "\", allowed " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        /** A finite double (raw IEEE-754 bits). */
        double finiteDouble(String name) throws IOException {
            double v = Double.longBitsToDouble(in.readLong());
            if (!Double.isFinite(v)) throw bad("has " + name + " = " + v + ", which must be finite");
            return v;
        }

        /** {@code count} finite doubles; {@code count} was validated by the caller against the configuration. */
        /** {@code count} finite float32 values (raw IEEE-754 bits), widened exactly to double. */
        double[] finiteFloats(String name, int count) throws IOException {
            double[] p = new double[count];
            for (int i = 0; i < count; i++) {
                float v = Float.intBitsToFloat(in.readInt());
                if (!Float.isFinite(v)) throw bad("has " + name + "[" + i + "] = " + v + ", which must be finite");
                p[i] = v;
            }
            return p;
        }

        double[] finiteDoubles(String name, int count) throws IOException {
            double[] p = new double[count];
            for (int i = 0; i < count; i++) {
                double v = Double.longBitsToDouble(in.readLong());
                if (!Double.isFinite(v)) throw bad("has " + name + "[" + i + "] = " + v + ", which must be finite");
                p[i] = v;
            }
            return p;
        }
    }
}
