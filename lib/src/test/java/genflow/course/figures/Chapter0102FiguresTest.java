package genflow.course.figures;

import genflow.course.LectureFigure;
import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class Chapter0102FiguresTest {
    @Test
    void idsCarryTheirChapterAndCaptions() {
        List<LectureFigure> one = new Chapter01Figures().figures(), two = new Chapter02Figures().figures();
        assertEquals(3, one.size());
        assertEquals(4, two.size());
        for (LectureFigure f : one) { assertTrue(f.id().startsWith("01-"), f.id()); assertFalse(f.caption().isBlank()); }
        for (LectureFigure f : two) { assertTrue(f.id().startsWith("02-"), f.id()); assertFalse(f.caption().isBlank()); }
    }

    @Test
    void linearFieldIsMinusThetaX() {
        double[][] v = Chapter01Figures.linearField(2.0).apply(0.3, new double[][]{{1.5, -0.25}});
        assertArrayEquals(new double[]{-3.0, 0.5}, v[0], 0);
    }

    @Test
    void reverseFieldUndoesTheFlowAndIsMinusVAtOneMinusT() {
        VectorField v = Chapter02Figures.swirl();
        double[][] x = {{0.4, -0.7}};
        double[][] w = Chapter02Figures.reverse(v).apply(0.2, x);
        double[][] expected = v.apply(0.8, x);
        assertEquals(-expected[0][0], w[0][0], 0);
        assertEquals(-expected[0][1], w[0][1], 0);
        double[][] x0 = {{1.0, 0.0}, {-0.5, 0.8}};
        RungeKutta4 rk4 = new RungeKutta4();
        double[][] x1 = rk4.integrate(v, x0, 0, 1, 100);
        assertTrue(Math.abs(x1[0][0] - x0[0][0]) > 0.3, "the swirl must actually move particles");
        double[][] back = rk4.integrate(Chapter02Figures.reverse(v), x1, 0, 1, 100);
        for (int i = 0; i < 2; i++) assertArrayEquals(x0[i], back[i], 1e-8);
        assertThrows(IllegalArgumentException.class, () -> Chapter02Figures.reverse(null));
    }

    @Test
    void cheapFiguresDraw() {
        for (LectureFigure f : new Chapter02Figures().figures()) {
            if (f.id().equals("02-fokker-planck-half") || f.id().equals("02-ce-residual")) assertNotNull(f.draw());
        }
        assertNotNull(new Chapter01Figures().figures().get(0).draw());
    }
}
