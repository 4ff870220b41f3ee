package io.envforge.api;

import java.util.Objects;

/**
 * How to run, beside what to generate.
 *
 * @param full render every selected environment, even those whose inputs did not change ({@code -Denvforge.full})
 * @param progress hears progress events
 */
public record RunOptions(boolean full, ProgressListener progress) {

    public static final RunOptions DEFAULT = new RunOptions(false, ProgressListener.NONE);

    public RunOptions {
        Objects.requireNonNull(progress, "progress");
    }
}
