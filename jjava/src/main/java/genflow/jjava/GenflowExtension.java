package genflow.jjava;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * A JJava extension: when this jar is on {@code JJAVA_CLASSPATH} (or on JJava's own class path),
 * JJava finds it through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} and calls
 * {@link #install(BaseKernel)}, which registers the course's renderers ({@link CourseRenderers}) so
 * that charts, figures, animations and tables show as in the course kernel. It adds no imports and
 * no magics: notebooks import what they use in their first cell.
 */
public final class GenflowExtension implements Extension {
    /** Called by JJava's service loader. */
    public GenflowExtension() {}

    @Override
    public void install(BaseKernel kernel) {
        CourseRenderers.register(kernel.getRenderer());
    }
}
