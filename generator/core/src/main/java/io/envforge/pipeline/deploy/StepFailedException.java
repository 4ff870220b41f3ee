package io.envforge.pipeline.deploy;

import java.nio.file.Path;

/** A pipeline step that failed: the environment, the step, what went wrong, and the step's log. */
public final class StepFailedException extends RuntimeException {

    private final String environment;
    private final String step;
    private final transient Path log;

    public StepFailedException(String environment, String step, String message, Path log) {
        super(environment + ": step " + step + " failed: " + message + " (log: " + log + ")");
        this.environment = environment;
        this.step = step;
        this.log = log;
    }

    public String environment() {
        return environment;
    }

    public String step() {
        return step;
    }

    public Path log() {
        return log;
    }
}
