package genflow.nn;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The course's progress-line convention for long loops: a live status is written as
 * {@code "\r" + status} without a newline (it may show steps, loss, steps/s and time left; the
 * kernel shows it as a live line that is not stored in notebooks, a terminal overwrites it in
 * place), and the final, permanent line as {@code "\r" + finalLine + "\n"}, which must hold no
 * wall-clock numbers so that re-executing a notebook changes no bytes. Not thread-safe.
 */
final class Progress {
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int width;

    Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Live status after {@code done} of {@code total} steps: the status text, steps/s and the time left. */
    void live(int done, String status) {
        double secs = (System.nanoTime() - start) * 1e-9;
        double rate = done / Math.max(secs, 1e-9);
        String line = String.format(Locale.ROOT, "%s  %.0f steps/s  %s left", status, rate, duration((total - done) / rate));
        write(line);
    }

    /** The permanent last line (no wall-clock numbers); clears the live line first. */
    void done(String finalLine) {
        if (width > 0) out.print("\r" + " ".repeat(width));
        out.print("\r" + finalLine + "\n");
        out.flush();
        width = 0;
    }

    private void write(String line) {
        String padded = line.length() < width ? line + " ".repeat(width - line.length()) : line;
        width = Math.max(width, line.length());
        out.print("\r" + padded);
        out.flush();
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        if (seconds < 60) return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
        long s = (long) Math.ceil(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
