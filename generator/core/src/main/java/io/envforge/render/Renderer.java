package io.envforge.render;

import io.envforge.model.Environment;
import java.util.List;

/**
 * One named, pure rendering step: a function from the resolved model to the files it generates. A renderer reads no
 * other renderer's files; the pipeline merges the steps' files and stops on a path two steps wrote. The order of the
 * list fixes only the order of the timings and of the names the inputs digest hashes ({@link #fingerprintNames}).
 * Renderers never touch disk or Git and may run for many environments in parallel.
 */
public interface Renderer {

    /** A stable name, shown in errors and timings ({@code helm}, {@code kustomize-overlay}). */
    String name();

    /** This step's files for {@code env}, with the documents of the YAML files it dumped or parsed. */
    OutputTree render(Environment env);

    /**
     * The names the inputs digest hashes for this step (see the pipeline's {@code Fingerprint}): its {@link #name}.
     * A step that replaced older steps gives their names, so that the digests committed in every environment's
     * {@code inputs.sha256} stay valid (fingerprint schema v1, see {@code Envforge.renderSteps}).
     */
    default List<String> fingerprintNames() {
        return List.of(name());
    }

    /**
     * Loads what the first {@link #render} would otherwise wait for (a native library, say). Called once per run on a
     * background thread while the pipeline reads inputs; must be safe to run concurrently with {@link #render}.
     */
    default void warmUp() {}

    /**
     * Called at the start of every run, before anything is read: a renderer that keeps what it read of the workspace
     * (charts) forgets it here, since a run may follow another on a changed tree (the publish loop moves to the
     * remote's tree and generates again).
     */
    default void newRun() {}
}
