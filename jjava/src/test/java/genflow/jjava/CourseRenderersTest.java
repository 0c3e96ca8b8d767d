package genflow.jjava;

import genflow.course.Display;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The renderers JJava gets from the extension show the same bytes as the course kernel. */
class CourseRenderersTest {
    private static Renderer renderer() {
        Renderer r = new Renderer();
        CourseRenderers.register(r);
        return r;
    }

    @Test
    void chartsArePngWithTheCourseBytes() {
        XYChart chart = new XYChart(200, 100);
        chart.addSeries("s", new double[]{0, 1}, new double[]{0, 1});
        DisplayData d = renderer().render(chart);
        assertEquals(Display.pngBase64(chart), d.getData(MIMEType.IMAGE_PNG));
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).startsWith("XYChart"), (String) d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void tablesAreHtmlAndImagesPng() {
        Table t = Table.create("t", DoubleColumn.create("w2", new double[]{0.5}));
        assertEquals(Display.html(t), renderer().render(t).getData(MIMEType.TEXT_HTML));
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_ARGB);
        assertEquals(Display.pngBase64(img), renderer().render(img).getData(MIMEType.IMAGE_PNG));
        assertEquals("[1.0, 2.5]", renderer().render(new double[]{1, 2.5}).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void jjavaFindsTheExtensionThroughItsServiceFile() {
        List<String> found = ServiceLoader.load(Extension.class).stream()
                .map(p -> p.type().getName()).collect(Collectors.toList());
        assertEquals(List.of(GenflowExtension.class.getName()), found);
    }
}
