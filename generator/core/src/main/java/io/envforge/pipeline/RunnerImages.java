package io.envforge.pipeline;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.image.RunnerImage;
import io.envforge.image.RunnerLock;
import io.envforge.model.Registry;
import io.envforge.spec.PlatformSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code images} goal's preparation runner: built on the Python base the platform pins
 * ({@code spec.defaults.preparation.base}: repository, tag, digest) from {@code tools/ansible-runner/lock.yaml} and
 * {@code ansible/}, pushed to {@code <registry>/ansible-runner}; {@link Images} writes the result into the
 * environment's {@code spec.preparation.image} as {@code repository@digest}, so the next {@code generate} renders the
 * preparation Job. No base pinned: no runner is built (and the spec is left as it is).
 */
final class RunnerImages {

    /** The {@link Images.Built#layer()} of the runner. */
    static final String KEY = "preparation";

    private RunnerImages() {}

    /** The pushed runner, or null when the platform pins no Python base. */
    static Images.Built build(Images.Request request, PlatformSpec platform) {
        String at = "spec.defaults.preparation.base";
        String repository = Images.string(platform.spec(), "defaults", "preparation", "base", "repository");
        if (repository == null) {
            return null;
        }
        String tag = Images.string(platform.spec(), "defaults", "preparation", "base", "tag");
        String digest = Images.string(platform.spec(), "defaults", "preparation", "base", "digest");
        if (tag == null || digest == null) {
            throw new EnvforgeException(new Problem(
                    platform.file(),
                    at + (tag == null ? ".tag" : ".digest"),
                    "(none)",
                    "the preparation runner's Python base " + repository + " is not pinned",
                    "give tag and digest, e.g. tag: 3.11-slim-bookworm, digest: sha256:<64 hex digits> (from `crane"
                            + " digest " + repository + ":3.11-slim-bookworm`)"));
        }
        Path ws = request.workspace();
        Path lockFile = ws.resolve(RunnerLock.FILE);
        if (!Files.isRegularFile(lockFile)) {
            throw new EnvforgeException(new Problem(
                    RunnerLock.FILE,
                    "",
                    "(missing)",
                    "the preparation runner's wheels are not locked",
                    "run python3 tools/ansible-runner/lock.py from the repository root"));
        }
        RunnerLock lock;
        try {
            lock = RunnerLock.read(lockFile);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem(
                    RunnerLock.FILE, "", "", e.getMessage(), "run python3 tools/ansible-runner/lock.py again"));
        }
        if (!tag.startsWith(lock.python())) {
            throw new EnvforgeException(new Problem(
                    platform.file(),
                    at + ".tag",
                    tag,
                    "the wheels of " + RunnerLock.FILE + " are for CPython " + lock.python() + " (binary wheels: cp"
                            + lock.python().replace(".", "") + ")",
                    "pin a " + lock.python() + " base, e.g. tag: " + lock.python() + "-slim-bookworm"));
        }
        String base = repository + ":" + tag + "@" + digest;
        String targetRepository = request.registry() + "/" + Registry.PREPARATION_IMAGE;
        String core = lock.packages().stream()
                .filter(w -> w.name().equals("ansible-core"))
                .map(RunnerLock.Wheel::version)
                .findFirst()
                .orElse("unknown");
        String targetTag = "ansible-core-" + core + "-py" + lock.python();
        try {
            String pushed = new RunnerImage(
                            base, targetRepository + ":" + targetTag, request.insecure(), request.cache())
                    .build(lock, ws.resolve("ansible"));
            return new Images.Built(KEY, base, targetRepository, targetTag, pushed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + targetRepository, e);
        } catch (Exception e) {
            throw new EnvforgeException(new Problem(
                    platform.file(),
                    at,
                    base,
                    "building " + targetRepository + ":" + targetTag + " failed: " + e.getMessage(),
                    "check that the base exists, PyPI is reachable and the registry " + request.registry()
                            + " accepts pushes"));
        }
    }
}
