package genflow.course;

import java.util.List;

/**
 * The lecture figures of one chapter. Implemented by {@code genflow.course.figures.ChapterNNFigures}
 * (NN = 00..99, with a public no-argument constructor); {@link Figures} finds them by that name.
 */
public interface FigureSource {
    List<LectureFigure> figures();
}
