package genflow.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code ./course figures [dir] [id ...]}: writes lecture figures and the manifest, printing each with its time. */
public final class FigureMain {
    private FigureMain() {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "build/figures");
        long t0 = System.nanoTime();
        List<Figures.Written> written;
        if (args.length > 1) {
            written = new java.util.ArrayList<>();
            for (int i = 1; i < args.length; i++) written.add(Figures.write(Figures.get(args[i]), dir));
        } else {
            written = Figures.writeAll(dir);
        }
        for (Figures.Written w : written) {
            System.out.printf(Locale.ROOT, "%-32s %s%n", w.figure().id(),
                    w.files().stream().map(p -> p.getFileName().toString()).toList());
        }
        System.out.printf(Locale.ROOT, "%d figures written to %s in %.1f s%n", written.size(), dir.toAbsolutePath(),
                (System.nanoTime() - t0) / 1e9);
    }
}
