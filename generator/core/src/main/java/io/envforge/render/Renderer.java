package io.envforge.render;

import io.envforge.model.Environment;

/**
 * One named, pure rendering step: reads the model, adds files to the tree. Renderers never touch disk or Git and may
 * run for many environments in parallel.
 */
public interface Renderer {

    /** A stable name, shown in errors and timings ({@code helm-values}, {@code kustomize-overlay}). */
    String name();

    /**
     * Adds this step's files. {@code out} already holds the files of earlier steps (a step may read them, as the
     * overlay reads the rendered charts).
     */
    void render(Environment env, OutputTree.Builder out);

    /**
     * Loads what the first {@link #render} would otherwise wait for (a native library, say). Called once per run on a
     * background thread while the pipeline reads inputs; must be safe to run concurrently with {@link #render}.
     */
    default void warmUp() {}
}
