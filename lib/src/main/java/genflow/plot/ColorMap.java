package genflow.plot;

import java.awt.Color;

/**
 * A perceptually uniform colour map: u ∈ [0, 1] → colour, by piecewise-linear interpolation
 * between anchor colours. {@link #viridis()} uses 11 anchors sampled from matplotlib's viridis
 * (van der Walt &amp; Smith, 2015). Immutable.
 */
public final class ColorMap {
    private final int[] anchors;

    private ColorMap(int[] anchors) {
        this.anchors = anchors;
    }

    /** Viridis: dark purple (low) → blue → green → yellow (high). */
    public static ColorMap viridis() {
        return new ColorMap(new int[] {
                0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
                0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725});
    }

    /** The colour at {@code u} ∈ [0, 1] (linear interpolation in sRGB between anchors). */
    public Color at(double u) {
        return new Color(rgb(u));
    }

    /** Packed 0xRRGGBB at {@code u} ∈ [0, 1]. */
    public int rgb(double u) {
        genflow.math.Require.inRange("u", u, 0, 1);
        double pos = u * (anchors.length - 1);
        int i = Math.min((int) Math.floor(pos), anchors.length - 2);
        double f = pos - i;
        int a = anchors[i], b = anchors[i + 1];
        int r = mix((a >> 16) & 0xFF, (b >> 16) & 0xFF, f);
        int g = mix((a >> 8) & 0xFF, (b >> 8) & 0xFF, f);
        int bl = mix(a & 0xFF, b & 0xFF, f);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
