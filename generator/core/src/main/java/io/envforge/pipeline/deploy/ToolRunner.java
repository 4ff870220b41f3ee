package io.envforge.pipeline.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one of the pipeline's tools ({@code terraform} or {@code tofu}, {@code kubectl}, {@code aws}, {@code az},
 * {@code kubelogin}) as a process: the one seam between the pipeline and the outside world, so that a test can put a
 * recording stand-in in its place.
 */
public interface ToolRunner {

    /**
     * Runs {@code tool} with {@code args} in {@code dir}.
     *
     * @param env variables added to the runner's own environment for this call (values may be secrets: never logged)
     * @param log file the call's stderr, and its stdout unless captured, are appended to
     * @param capture return stdout instead of logging it (machine-readable output such as {@code show -json}, which
     *     holds sensitive values in clear and must never reach a log)
     */
    Result run(String tool, List<String> args, Path dir, Map<String, String> env, Path log, boolean capture);

    /** The exit code and, when captured, stdout. */
    record Result(int exit, String stdout) {

        public Result {
            Objects.requireNonNull(stdout, "stdout");
        }

        public boolean ok() {
            return exit == 0;
        }
    }
}
