package io.envforge.pipeline;

import io.envforge.api.ProgressListener;
import java.util.Arrays;
import java.util.List;

/**
 * The phases of a run, in the order {@link Envforge#generate} runs them. Each has a stable name, used in the timings
 * ({@code phase: <name>}) and in {@link Envforge#steps()}; the front-ends announce the ones that touch disk or Git.
 */
enum Phase {
    /** The platform file and the specs, the selection, new specs and their blocks ({@link Inputs}). */
    LOAD("load", false),
    /** What can be checked before anything is rendered or written ({@link Preconditions}). */
    PRECONDITIONS("preconditions", false),
    /** Environments whose inputs, files and commit are as the last run left them are not rendered ({@link Unchanged}). */
    UNCHANGED("unchanged check", false),
    /** Each environment to render: its spec resolved into the model. */
    RESOLVE("resolve", false),
    /** Each resolved environment through the renderers, into its own tree. */
    RENDER("render", false),
    /** The fleet renderers, once over every environment. */
    FLEET("fleet", false),
    /** The trees against the schemas and the house rules. */
    VALIDATE("validate", false),
    /** The tree compared with the disk: added, changed, stale. */
    PLAN("plan", false),
    /** The change summary, object by object. */
    SUMMARY("summary", false),
    /** The tree written, all or nothing. */
    WRITE("write", true),
    /** The generated paths committed, compared with HEAD. */
    COMMIT("commit", true),
    /** The written files' sizes and times kept, so the next run trusts them without reading ({@link Unchanged}). */
    STAMPS("stamps", false);

    private final String label;
    private final boolean announced;

    Phase(String label, boolean announced) {
        this.label = label;
        this.announced = announced;
    }

    /** The stable name. */
    String label() {
        return label;
    }

    /** True when the front-ends print a line as it begins ({@link ProgressListener#step}). */
    boolean announced() {
        return announced;
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(Phase::label).toList();
    }
}
