/**
 * The hands-on modelling layer: networks and losses students write themselves as ND4J SameDiff
 * graphs, differentiated automatically, trained by the same {@link genflow.nn.Trainer} as the
 * fused {@link genflow.nn.Mlp} and sampled by every solver of {@code genflow.ode}.
 *
 * <ul>
 *   <li>{@link genflow.nn.samediff.SameDiffModel}: a time-conditioned field v_θ(t, x) declared in a
 *       few lines on a {@link genflow.nn.samediff.NetworkGraph} (dense layers, activations, time
 *       features); it is a {@link genflow.nn.FieldModel}, so the losses of {@code genflow.loss}
 *       accept it and {@code asVectorField()} samples it.</li>
 *   <li>{@link genflow.nn.samediff.SameDiffObjective}: a loss written as a SameDiff expression on
 *       placeholders that a {@link genflow.nn.samediff.Batch} fills, typically from a path's
 *       {@code sample(t, data, noise)}.</li>
 * </ul>
 * How a step runs (measured as the fastest correct way here): one call of the graph's gradient
 * function returns the loss and all parameter gradients in one pass; the parameters live in a
 * double vector updated by genflow's {@link genflow.nn.Adam} and are copied into the graph before
 * each pass. SameDiff's "Added differentiated op" lines are filtered out of {@code System.out}.
 */
package genflow.nn.samediff;
