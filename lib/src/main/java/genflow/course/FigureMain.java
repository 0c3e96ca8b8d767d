package genflow.course;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code FigureMain <dir> [id ...]}: writes the figures still listed in the registry (all, or the
 * given ids) into {@code dir}; {@code FigureMain <dir> --manifest} builds {@code manifest.csv} from
 * every figure record in {@code dir} (those the lectures wrote while executing included).
 */
public final class FigureMain {
    private FigureMain() {}

    public static void main(String[] args) {
        if (args == null) throw new IllegalArgumentException("args must not be null");
        Path dir = Path.of(args.length > 0 ? args[0] : "build/figures");
        if (args.length == 2 && args[1].equals("--manifest")) {
            int n = Figures.writeManifest(dir);
            System.out.printf(Locale.ROOT, "manifest of %d figures: %s%n", n, dir.resolve("manifest.csv").toAbsolutePath());
            return;
        }
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
        System.out.printf(Locale.ROOT, "%d registry figures written to %s in %.1f s%n", written.size(), dir.toAbsolutePath(),
                (System.nanoTime() - t0) / 1e9);
    }
}
