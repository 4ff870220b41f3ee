package io.envforge.api;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to publish the generated commit.
 *
 * @param remote a configured remote's name (such as {@code origin}) or a URL of a separate GitOps repository
 * @param mode {@link Mode#BRANCH} pushes to {@code envforge/<env>} for a pull request, {@link Mode#DIRECT} to the
 *     target branch
 * @param target the target branch; the checked-out branch (or, for a URL, the remote's default branch) when empty
 * @param workDir where a separate GitOps repository is cloned; a temporary folder when empty
 * @param attempts how many times to fetch and generate again when the remote branch moved meanwhile
 */
public record Publish(String remote, Mode mode, Optional<String> target, Optional<Path> workDir, int attempts) {

    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@[\\w.-]+:.+");
    public static final int DEFAULT_ATTEMPTS = 5;

    /** Where the commit goes. */
    public enum Mode {
        BRANCH,
        DIRECT;

        /** {@code branch} or {@code direct}, as given to {@code -Denvforge.push} or {@code --push}. */
        public static Mode parse(String option, String value) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "branch" -> BRANCH;
                case "direct" -> DIRECT;
                default ->
                    throw new EnvforgeException(new Problem(
                            option,
                            "",
                            value,
                            "unknown push mode",
                            "use branch (push to envforge/<env> for a pull request) or direct (push to the target"
                                    + " branch)"));
            };
        }
    }

    public Publish {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(workDir, "workDir");
        if (remote == null || remote.isBlank()) {
            throw new IllegalArgumentException("remote: must be a remote name or URL, not blank");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts: must be at least 1, not " + attempts);
        }
    }

    /** Publish to {@code remote} in {@code mode}, to the current branch, with the default attempts. */
    public static Publish to(String remote, Mode mode) {
        return new Publish(remote, mode, Optional.empty(), Optional.empty(), DEFAULT_ATTEMPTS);
    }

    public Publish withTarget(String branch) {
        return new Publish(remote, mode, Optional.ofNullable(branch), workDir, attempts);
    }

    public Publish withWorkDir(Path dir) {
        return new Publish(remote, mode, target, Optional.ofNullable(dir), attempts);
    }

    public Publish withAttempts(int value) {
        return new Publish(remote, mode, target, workDir, value);
    }

    /** True when {@code remote} is a URL (a separate GitOps repository) rather than a configured remote's name. */
    public boolean isUrl() {
        return remote.contains("://") || SCP_LIKE.matcher(remote).matches();
    }

    /** The branch pushed to: the target, or {@code envforge/<env>} ({@code envforge/<n>-environments} for several). */
    public String branchFor(String targetBranch, List<String> environments) {
        if (mode == Mode.DIRECT) {
            return targetBranch;
        }
        return environments.size() == 1
                ? "envforge/" + environments.get(0)
                : "envforge/" + environments.size() + "-environments";
    }
}
