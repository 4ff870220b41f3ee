package io.envforge.maven;

import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/**
 * envforge's own messages for its Maven parameters. Maven's are about the goal's parameter names ("The parameters
 * 'env' for goal io.envforge:envforge-maven-plugin:...:generate are missing or invalid") and its boolean conversion
 * reads anything but {@code true} as false ({@code -Dforce=yes} would silently not force); so these parameters are
 * taken as text and checked here, with the user's own {@code -D} name, the bad value and a fix.
 */
final class Parameters {

    private Parameters() {}

    /** The environments selector of {@code generate} and {@code diff}; required. */
    static String env(String value, String goal) throws MojoFailureException {
        return required(value, goal, " (a name, a comma-separated list, a glob such as 'perf-*', or all)");
    }

    /** The one environment {@code remove} takes; required. */
    static String oneEnv(String value, String goal) throws MojoFailureException {
        return required(value, goal, " -Dconfirm=dev1 (one environment)");
    }

    private static String required(String value, String goal, String hint) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            throw new MojoFailureException(
                    "-Denv: no environment named; for example mvn " + goal + " -Denv=dev1" + hint);
        }
        return value;
    }

    /** {@code true} or {@code false} (any case); unset gives {@code defaultValue}. */
    static boolean flag(String name, String value, boolean defaultValue) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new MojoFailureException("-D" + name + " \"" + value + "\": is neither true nor false;"
                        + " write -D" + name + "=true or -D" + name + "=false");
        };
    }
}
