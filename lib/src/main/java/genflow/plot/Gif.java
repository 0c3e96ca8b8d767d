package genflow.plot;

import com.madgag.gif.fmsware.AnimatedGifEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Animated GIFs from frames (charts, {@link Figure}s or images), with the animated-gif-lib
 * encoder that XChart uses (NeuQuant colour quantisation, deterministic: same frames → same
 * bytes). Loops forever. All frames must have the size of the first one. Stateless.
 */
public final class Gif {
    private Gif() {}

    /** Writes an animated GIF; {@code delayMs} ∈ [10, 60000] is the time each frame is shown. */
    public static Path write(List<?> frames, Path file, int delayMs) {
        return Export.write(file, bytes(frames, delayMs));
    }

    /** The animated GIF as bytes (see {@link #write}). */
    public static byte[] bytes(List<?> frames, int delayMs) {
        if (delayMs < 10 || delayMs > 60_000) {
            throw new IllegalArgumentException("delayMs = " + delayMs + " is outside [10, 60000]");
        }
        List<BufferedImage> images = toImages(frames);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnimatedGifEncoder enc = new AnimatedGifEncoder();
        enc.start(out);
        enc.setRepeat(0);
        enc.setDelay(delayMs);
        enc.setQuality(10);
        for (BufferedImage img : images) {
            if (!enc.addFrame(img)) throw new IllegalStateException("GIF encoder rejected a frame");
        }
        if (!enc.finish()) throw new IllegalStateException("GIF encoder failed to finish");
        return out.toByteArray();
    }

    private static List<BufferedImage> toImages(List<?> frames) {
        if (frames == null || frames.isEmpty()) throw new IllegalArgumentException("frames must contain at least one frame");
        List<BufferedImage> out = new ArrayList<>(frames.size());
        int w = -1, h = -1;
        for (int i = 0; i < frames.size(); i++) {
            Object f = frames.get(i);
            BufferedImage img;
            if (f instanceof BufferedImage b) {
                img = toRgb(b);
            } else if (f instanceof Chart<?, ?> c) {
                img = Export.image(c);
            } else if (f instanceof Figure fig) {
                img = Export.image(fig);
            } else {
                throw new IllegalArgumentException("frames[" + i + "] is " + (f == null ? "null" : f.getClass().getName())
                        + "; expected a BufferedImage, an XChart chart or a Figure");
            }
            if (i == 0) {
                w = img.getWidth();
                h = img.getHeight();
            } else if (img.getWidth() != w || img.getHeight() != h) {
                throw new IllegalArgumentException("frames[" + i + "] is " + img.getWidth() + "x" + img.getHeight()
                        + ", expected " + w + "x" + h + " like frames[0]");
            }
            out.add(img);
        }
        return out;
    }

    private static BufferedImage toRgb(BufferedImage b) {
        if (b.getType() == BufferedImage.TYPE_3BYTE_BGR) return b;
        BufferedImage c = new BufferedImage(b.getWidth(), b.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = c.createGraphics();
        g.drawImage(b, 0, 0, java.awt.Color.WHITE, null);
        g.dispose();
        return c;
    }
}
