package genflow.jjava;

import genflow.course.Display;
import genflow.course.LectureFigure;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.RenderedImage;
import java.util.Arrays;

/**
 * How the course shows cell values: XChart charts, genflow panel figures and images as PNG, lecture
 * animations as GIF, Tablesaw tables as HTML, arrays readably. The bytes come from
 * {@link genflow.course.Display}, so a notebook shows exactly what {@code ./course figures} writes.
 * <p>
 * One registration serves both kernels: the course kernel calls {@link #register(Renderer)} on its
 * renderer, and under JJava {@link GenflowExtension} does the same on JJava's renderer.
 */
public final class CourseRenderers {
    private CourseRenderers() {}

    /** Registers the course's renderers on {@code renderer} (later registrations win over JJava's defaults). */
    public static void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((chart, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Display.pngBase64(chart));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Display.describe(chart));
                });
        renderer.createRegistration(genflow.plot.Figure.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((fig, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Display.pngBase64(fig));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "figure " + fig.width() + "x" + fig.height());
                });
        renderer.createRegistration(LectureFigure.class)
                .preferring(MIMEType.IMAGE_PNG, MIMEType.IMAGE_GIF)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.IMAGE_GIF, MIMEType.TEXT_PLAIN)
                .register((f, ctx) -> {
                    ctx.renderIfRequested(f.isAnimation() ? MIMEType.IMAGE_GIF : MIMEType.IMAGE_PNG, () -> Display.base64(f));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, f::toString);
                });
        renderer.createRegistration(RenderedImage.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.IMAGE_PNG, MIMEType.TEXT_PLAIN)
                .register((img, ctx) -> {
                    ctx.renderIfRequested(MIMEType.IMAGE_PNG, () -> Display.pngBase64(img));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "image " + img.getWidth() + "x" + img.getHeight());
                });
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN)
                .register((table, ctx) -> {
                    ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Display.html(table));
                    ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print());
                });
        renderer.createRegistration(double[].class).preferring(MIMEType.TEXT_PLAIN)
                .register((a, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Arrays.toString(a)));
        renderer.createRegistration(int[].class).preferring(MIMEType.TEXT_PLAIN)
                .register((a, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Arrays.toString(a)));
        renderer.createRegistration(long[].class).preferring(MIMEType.TEXT_PLAIN)
                .register((a, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Arrays.toString(a)));
        renderer.createRegistration(Object[].class).preferring(MIMEType.TEXT_PLAIN)
                .register((a, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Display.text(a)));
    }
}
