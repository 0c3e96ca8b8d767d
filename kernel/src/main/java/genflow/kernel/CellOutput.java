package genflow.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code System.out} and {@code System.err} of the cells: output is batched (like IPython's) and
 * progress lines become live displays.
 * <p>
 * <b>Batching.</b> Bytes are collected and sent as one stream message when 8 KiB of whole lines have
 * accumulated, when the oldest unsent byte is 50 ms old, on {@code flush()} (at most every 50 ms), before
 * any other output of the cell (so order is kept) and at the end of the cell. A cell that prints
 * 1,000,000 short lines thus sends about a thousand messages instead of a million, which the client
 * can keep up with; IOPub has no high-water mark, so nothing is dropped on the way. A cell may show
 * at most {@link #CELL_LIMIT_BYTES} per stream; beyond that output is counted, not sent, and the cell
 * ends with a note saying how much was left out.
 * <p>
 * <b>Live progress lines.</b> The course's convention: a live status is written as
 * {@code "\r" + status} without a newline; the final line as {@code "\r" + line + "\n"}. A status that
 * is still unfinished when output is sent is shown as a {@code display_data} (text/plain) with a
 * display id, and later statuses of the same progress update it ({@code update_display_data}); it is
 * never sent as stream output. When the final line (or any ordinary output) follows, the display is
 * updated to empty text and the line is ordinary stream output. A stored notebook therefore holds an
 * empty display and the final line only. A status superseded within one batch is never sent.
 */
final class CellOutput {
    static final int FLUSH_BYTES = 8 * 1024;
    static final long FLUSH_NANOS = 50_000_000L;
    static final long CELL_LIMIT_BYTES = 64L << 20;

    private final Stream out = new Stream("stdout", PublishStream.StreamType.OUT, KernelLog.realOut());
    private final Stream err = new Stream("stderr", PublishStream.StreamType.ERR, KernelLog.realErr());
    private final PrintStream outPrint = new CellPrintStream(out);
    private final PrintStream errPrint = new CellPrintStream(err);
    private volatile Target env;

    /** Where a cell's output goes: the request's IOPub (see {@link GenflowReplyEnvironment}). */
    interface Target {
        /** Sends now, never deferred. */
        void publishNow(Message<?> message);

        org.dflib.jjava.jupyter.messages.MessageContext getContext();

        /** Called with a hook the target must run before it publishes anything else (keeps the order). */
        default void beforePublish(Runnable flush) {}
    }

    private final long cellLimitBytes;

    CellOutput() {
        this(CELL_LIMIT_BYTES);
    }

    /** With a different per-stream, per-cell limit (for tests). */
    CellOutput(long cellLimitBytes) {
        this.cellLimitBytes = cellLimitBytes;
        Thread flusher = new Thread(this::flushLoop, "genflow-output-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    PrintStream out() { return outPrint; }

    PrintStream err() { return errPrint; }

    /** Routes output to the request {@code next} from now on (pending output of the previous cell is sent to it first). */
    void beginCell(Target next) {
        flushNow();
        out.reset();
        err.reset();
        env = next;
        if (next != null) next.beforePublish(this::flushNow);
    }

    /** Sends everything pending and, if output was left out, the note saying so. */
    void endCell() {
        flushNow();
        out.note();
        err.note();
    }

    /** Sends all pending output now. */
    void flushNow() {
        synchronized (outPrint) {
            out.flushNow();
        }
        synchronized (errPrint) {
            err.flushNow();
        }
    }

    private void flushLoop() {
        while (true) {
            LockSupport.parkNanos(10_000_000L);
            try {
                long now = System.nanoTime();
                if (out.isDue(now)) synchronized (outPrint) { out.flushIfDue(now); }
                if (err.isDue(now)) synchronized (errPrint) { err.flushIfDue(now); }
            } catch (Throwable e) {
                KernelLog.warn("output flush: " + e);
            }
        }
    }

    /**
     * A PrintStream whose methods lock the stream object itself (true for PrintStream subclasses on
     * every JDK), so the flusher thread, which locks it too, never sends half of a {@code println}.
     */
    private static final class CellPrintStream extends PrintStream {
        CellPrintStream(Stream target) {
            super(target, false, StandardCharsets.UTF_8);
        }
    }

    /** One stream (stdout or stderr) of the cells. */
    private final class Stream extends OutputStream {
        private final String name;
        private final PublishStream.StreamType type;
        private final PrintStream beforeFirstCell;
        private byte[] buf = new byte[16 * 1024];
        private int len;
        private volatile long pendingSince;   // System.nanoTime() of the oldest unsent byte; meaningful when len > 0
        private volatile boolean pending;
        private long lastSent;
        // per cell
        private String liveId;
        private long sentBytes;
        private long droppedBytes;
        private long droppedLines;

        Stream(String name, PublishStream.StreamType type, PrintStream beforeFirstCell) {
            this.name = name;
            this.type = type;
            this.beforeFirstCell = beforeFirstCell;
        }

        @Override
        public synchronized void write(int b) {
            ensure(1);
            buf[len++] = (byte) b;
            written();
        }

        @Override
        public synchronized void write(byte[] b, int off, int n) {
            if (n <= 0) return;
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
            written();
        }

        private void ensure(int n) {
            if (len + n > buf.length) {
                byte[] bigger = new byte[Math.max(buf.length * 2, len + n)];
                System.arraycopy(buf, 0, bigger, 0, len);
                buf = bigger;
            }
        }

        private void written() {
            if (!pending) {
                pendingSince = System.nanoTime();
                pending = true;
            }
            if (len >= FLUSH_BYTES) flushLines();
        }

        /** {@code flush()} of the user's code: send soon, but at most one message per 50 ms. */
        @Override
        public synchronized void flush() {
            if (len > 0 && System.nanoTime() - lastSent >= FLUSH_NANOS) flushNow();
        }

        boolean isDue(long now) {
            return pending && now - pendingSince >= FLUSH_NANOS;
        }

        synchronized void flushIfDue(long now) {
            if (len > 0 && now - pendingSince >= FLUSH_NANOS) flushNow();
        }

        /** Sends everything pending; a trailing "\r" + status becomes the live display. */
        synchronized void flushNow() {
            if (len == 0) return;
            int cut = utf8Boundary(buf, len);
            String text = new String(buf, 0, cut, StandardCharsets.UTF_8);
            consume(cut);
            emit(text);
        }

        /** Size-triggered: sends the whole lines, keeps a trailing partial line or status for later. */
        private void flushLines() {
            int lastNewline = -1;
            for (int i = len - 1; i >= 0; i--) {
                if (buf[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            int cut = lastNewline >= 0 ? lastNewline + 1 : utf8Boundary(buf, len);
            if (lastNewline < 0 && len < 8 * FLUSH_BYTES) return;   // one long line in the making: wait a little
            String text = new String(buf, 0, cut, StandardCharsets.UTF_8);
            consume(cut);
            emit(text);
        }

        private void consume(int n) {
            System.arraycopy(buf, n, buf, 0, len - n);
            len -= n;
            if (len == 0) {
                pending = false;
            } else {
                pendingSince = System.nanoTime();
            }
            if (buf.length > 1 << 20 && len < 16 * 1024) buf = java.util.Arrays.copyOf(buf, 16 * 1024);
        }

        /** Splits text into ordinary output and live statuses, in order, and sends them. */
        private void emit(String text) {
            StringBuilder ordinary = new StringBuilder();
            int i = 0, n = text.length();
            String live = null;
            while (i < n) {
                int r = text.indexOf('\r', i);
                if (r < 0) {
                    ordinary.append(text, i, n);
                    break;
                }
                ordinary.append(text, i, r);
                int nl = text.indexOf('\n', r + 1);
                int cr = text.indexOf('\r', r + 1);
                if (nl >= 0 && (cr < 0 || nl < cr)) {        // "\r" + final line + "\n": ordinary output
                    ordinary.append(text, r + 1, nl + 1);
                    i = nl + 1;
                } else if (cr >= 0) {                       // a status superseded by the next one
                    i = cr;
                } else {                                    // the latest status, still live
                    live = text.substring(r + 1);
                    i = n;
                }
            }
            if (ordinary.length() > 0) {
                closeLive();
                sendText(ordinary.toString());
            }
            if (live != null) showLive(live);
            lastSent = System.nanoTime();
        }

        private void sendText(String text) {
            Target e = env;
            if (e == null) {
                beforeFirstCell.print(text);
                beforeFirstCell.flush();
                return;
            }
            long bytes = text.length();   // chars: close enough for a limit, exact for ASCII
            if (sentBytes >= cellLimitBytes) {
                drop(text);
                return;
            }
            if (sentBytes + bytes > cellLimitBytes) {
                int keep = (int) (cellLimitBytes - sentBytes);
                int nl = text.lastIndexOf('\n', keep - 1);
                if (nl >= 0) keep = nl + 1;
                drop(text.substring(keep));
                text = text.substring(0, keep);
                if (text.isEmpty()) return;
            }
            sentBytes += text.length();
            e.publishNow(new Message<>(e.getContext(), PublishStream.MESSAGE_TYPE, new PublishStream(type, text)));
        }

        private void drop(String text) {
            droppedBytes += text.getBytes(StandardCharsets.UTF_8).length;
            droppedLines += text.chars().filter(c -> c == '\n').count();
        }

        private void showLive(String status) {
            Target e = env;
            if (e == null) return;
            DisplayData d = new DisplayData(status);
            if (liveId == null) {
                liveId = "genflow-progress-" + UUID.randomUUID();
                d.setDisplayId(liveId);
                e.publishNow(new Message<>(e.getContext(), PublishDisplayData.MESSAGE_TYPE, new PublishDisplayData(d)));
            } else {
                d.setDisplayId(liveId);
                e.publishNow(new Message<>(e.getContext(), PublishUpdateDisplayData.MESSAGE_TYPE, new PublishUpdateDisplayData(d)));
            }
        }

        /** Ends the live status: its display becomes empty (the final line follows as ordinary output). */
        private void closeLive() {
            if (liveId == null) return;
            Target e = env;
            if (e != null) {
                DisplayData d = new DisplayData("");
                d.setDisplayId(liveId);
                e.publishNow(new Message<>(e.getContext(), PublishUpdateDisplayData.MESSAGE_TYPE, new PublishUpdateDisplayData(d)));
            }
            liveId = null;
        }

        synchronized void note() {
            if (droppedBytes == 0) return;
            long bytes = droppedBytes, lines = droppedLines;
            droppedBytes = 0;
            droppedLines = 0;
            sentBytes = 0;   // the note itself must go out
            sendText(String.format(java.util.Locale.ROOT,
                    "%n[output truncated: %,d more bytes (%,d lines) of %s were not shown; a cell shows at most %s per stream]%n",
                    bytes, lines, name, cellLimitBytes >= 1 << 20 ? (cellLimitBytes >> 20) + " MB" : cellLimitBytes + " bytes"));
        }

        /** Forgets the previous cell's live display and counters. */
        synchronized void reset() {
            liveId = null;
            sentBytes = 0;
            droppedBytes = 0;
            droppedLines = 0;
        }
    }

    /** The largest n ≤ len such that buf[0, n) does not end inside a UTF-8 multi-byte sequence. */
    static int utf8Boundary(byte[] buf, int len) {
        for (int back = 1; back <= Math.min(3, len); back++) {
            int b = buf[len - back] & 0xFF;
            if ((b & 0xC0) == 0x80) continue;          // continuation byte: look further back
            int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? len - back : len;
        }
        return len;
    }
}
