package genflow.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;

/**
 * Caps on what one cell value may send: text at most {@link #MAX_TEXT_CHARS} characters (cut, with a
 * note saying how much was left out), any other representation (an image, HTML) at most
 * {@link #MAX_OTHER_CHARS} (dropped with a note otherwise). Without these, a value such as
 * {@code "y".repeat(600_000_000)} would be serialized whole and the kernel's request loop would run
 * out of memory.
 */
final class DisplayLimits {
    static final int MAX_TEXT_CHARS = 1_000_000;
    static final int MAX_OTHER_CHARS = 32_000_000;
    private static final Field DATA = dataField();

    private DisplayLimits() {}

    private static Field dataField() {
        try {
            Field f = DisplayData.class.getDeclaredField("data");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            KernelLog.warn("display limits cannot inspect DisplayData: " + e);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    static DisplayData truncate(DisplayData d) {
        if (d == null || DATA == null) return d;
        Map<String, Object> data;
        try {
            data = (Map<String, Object>) DATA.get(d);
        } catch (IllegalAccessException e) {
            return d;
        }
        String note = null;
        for (Map.Entry<String, Object> e : Map.copyOf(data).entrySet()) {
            if (!(e.getValue() instanceof String s)) continue;
            String mime = e.getKey();
            if (mime.equals("text/plain") && s.length() > MAX_TEXT_CHARS) {
                data.put(mime, s.substring(0, MAX_TEXT_CHARS) + String.format(Locale.ROOT,
                        "%n… [value truncated: it has %,d characters, the first %,d are shown]", s.length(), MAX_TEXT_CHARS));
            } else if (!mime.equals("text/plain") && s.length() > (mime.startsWith("text/") ? MAX_TEXT_CHARS : MAX_OTHER_CHARS)) {
                data.remove(mime);
                note = String.format(Locale.ROOT, "[the %s form of this value (%,d characters) is too large to show]", mime, s.length());
            }
        }
        if (note != null) {
            Object plain = data.get("text/plain");
            data.put("text/plain", plain instanceof String p ? p + "\n" + note : note);
        }
        return d;
    }
}
