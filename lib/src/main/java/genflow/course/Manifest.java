package genflow.course;

import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

/** The figure manifest, written with Tablesaw: one row per file. */
final class Manifest {
    private Manifest() {}

    static Table table(List<Figures.Written> written) {
        StringColumn id = StringColumn.create("id"), chapter = StringColumn.create("chapter"),
                caption = StringColumn.create("caption"), file = StringColumn.create("file"), sha = StringColumn.create("sha256");
        LongColumn seed = LongColumn.create("seed");
        for (Figures.Written w : written) {
            for (int i = 0; i < w.files().size(); i++) {
                id.append(w.figure().id());
                chapter.append(w.figure().chapter());
                caption.append(w.figure().caption());
                seed.append(w.figure().seed());
                file.append(w.files().get(i).getFileName().toString());
                sha.append(w.sha256().get(i));
            }
        }
        return Table.create("figures", id, chapter, caption, seed, file, sha);
    }

    static void write(List<Figures.Written> written, Path csv) {
        table(written).write().csv(csv.toFile());
    }
}
