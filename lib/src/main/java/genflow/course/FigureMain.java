package genflow.course;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code FigureMain <dir> --manifest}: builds {@code manifest.csv} from every figure record in
 * {@code dir}, i.e. from the figures the lectures wrote there while executing
 * ({@link Figures#show}, {@link Figures#animate}); used by {@code ./course figures}, {@code render} and {@code test}.
 */
public final class FigureMain {
    private FigureMain() {}

    public static void main(String[] args) {
        if (args == null || args.length != 2 || !args[1].equals("--manifest")) {
            throw new IllegalArgumentException("args must be: <dir> --manifest (got "
                    + (args == null ? "null" : java.util.Arrays.toString(args)) + ")");
        }
        Path dir = Path.of(args[0]);
        int n = Figures.writeManifest(dir);
        System.out.printf(Locale.ROOT, "manifest of %d figures: %s%n", n, dir.resolve("manifest.csv").toAbsolutePath());
    }
}
