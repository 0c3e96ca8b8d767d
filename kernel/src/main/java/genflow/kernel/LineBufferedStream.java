package genflow.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects bytes and passes them on a whole line at a time (and on {@link #flush()}), so that
 * {@code printf} pieces reach the notebook as one stream output while progress lines still show live.
 */
final class LineBufferedStream extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineBufferedStream(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') flush();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        pending.write(b, off, len);
        for (int i = off + len - 1; i >= off; i--) {
            if (b[i] == '\n') {
                flush();
                return;
            }
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (pending.size() > 0) {
            pending.writeTo(target);
            pending.reset();
        }
        target.flush();
    }
}
