package genflow.course;

import genflow.math.Require;
import org.knowm.xchart.internal.chartpart.Chart;

import java.util.List;
import java.util.function.LongFunction;

/**
 * One lecture figure: an id such as {@code "06-kac-paths"}, its chapter, its seed, a one-line
 * caption and the code that draws it. The same object draws the figure in the notebook and in
 * {@code build/figures/} (via {@code ./course figures}), so both are the same picture.
 * A figure is either a still picture (an XChart chart or a {@link genflow.plot.Figure} panel grid)
 * or an animation (a list of frames written as a GIF).
 */
public final class LectureFigure {
    private final String id;
    private final String chapter;
    private final long seed;
    private final String caption;
    private final LongFunction<Object> still;
    private final LongFunction<List<?>> frames;
    private final int frameDelayMs;

    private LectureFigure(String id, String chapter, long seed, String caption,
                          LongFunction<Object> still, LongFunction<List<?>> frames, int frameDelayMs) {
        if (id == null || !id.matches("[0-9]{2}-[a-z0-9-]+")) {
            throw new IllegalArgumentException("id = " + id + " must look like 'NN-lower-case-words' (chapter number first)");
        }
        if (chapter == null || !id.startsWith(chapter + "-")) {
            throw new IllegalArgumentException("chapter = " + chapter + " must be the first two digits of id " + id);
        }
        if (caption == null || caption.isBlank()) throw new IllegalArgumentException("caption of " + id + " must not be empty");
        this.id = id;
        this.chapter = chapter;
        this.seed = seed;
        this.caption = caption;
        this.still = still;
        this.frames = frames;
        this.frameDelayMs = frameDelayMs;
    }

    /**
     * A still figure. {@code draw} receives the seed and returns an XChart chart or a
     * {@link genflow.plot.Figure}.
     */
    public static LectureFigure still(String id, long seed, String caption, LongFunction<Object> draw) {
        checkId(id);
        if (draw == null) throw new IllegalArgumentException("draw must not be null");
        return new LectureFigure(id, id.substring(0, 2), seed, caption, draw, null, 0);
    }

    /**
     * An animation: {@code frames} receives the seed and returns the frames (charts, Figures or
     * images); each is shown {@code frameDelayMs} ∈ [10, 60000] milliseconds (the GIF's range).
     */
    public static LectureFigure animation(String id, long seed, String caption, int frameDelayMs, LongFunction<List<?>> frames) {
        checkId(id);
        Require.atLeast("frameDelayMs", frameDelayMs, 10);
        if (frameDelayMs > 60_000) throw new IllegalArgumentException("frameDelayMs = " + frameDelayMs + " must be <= 60000");
        if (frames == null) throw new IllegalArgumentException("frames must not be null");
        return new LectureFigure(id, id.substring(0, 2), seed, caption, null, frames, frameDelayMs);
    }

    private static void checkId(String id) {
        if (id == null || !id.matches("[0-9]{2}-[a-z0-9-]+")) {
            throw new IllegalArgumentException("id = " + id + " must look like 'NN-lower-case-words' (chapter number first)");
        }
    }

    public String id() { return id; }
    public String chapter() { return chapter; }
    public long seed() { return seed; }
    public String caption() { return caption; }
    public boolean isAnimation() { return frames != null; }
    public int frameDelayMs() { return frameDelayMs; }

    /** Draws the still figure with its seed: an XChart chart or a {@link genflow.plot.Figure}. */
    public Object draw() {
        if (still == null) throw new IllegalStateException(id + " is an animation: use frames()");
        Object o = still.apply(seed);
        if (!(o instanceof Chart<?, ?>) && !(o instanceof genflow.plot.Figure)) {
            throw new IllegalStateException(id + " drew a " + (o == null ? "null" : o.getClass().getName())
                    + ", expected an XChart chart or a genflow.plot.Figure");
        }
        return o;
    }

    /** Draws the frames of the animation with its seed. */
    public List<?> frames() {
        if (frames == null) throw new IllegalStateException(id + " is a still figure: use draw()");
        List<?> f = frames.apply(seed);
        if (f == null || f.isEmpty()) throw new IllegalStateException(id + " produced no frames");
        return f;
    }

    @Override
    public String toString() {
        return id + " (chapter " + chapter + ", seed " + seed + "): " + caption;
    }
}
