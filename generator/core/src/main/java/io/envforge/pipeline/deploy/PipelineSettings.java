package io.envforge.pipeline.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the pipeline runs.
 *
 * @param workspace the GitOps repository's root (a clone with history)
 * @param workDir where plans, logs, kubeconfigs, locks and {@code report.json} go (never committed)
 * @param parallelism environments applied at once (a fleet change); each environment's own steps run in order
 * @param lockTimeout how long to wait for another apply of the same environment (this runner's lock and the state
 *     backend's)
 * @param readyTimeout how long the GitOps controller may take to report the environment Ready
 * @param smokeTimeout how long the fixed API addresses may take to answer
 * @param smokePorts the API ports checked on each address
 * @param resume skip steps {@code report.json} records as done for the same revision
 * @param environment the process environment: the CI secret store's variables ({@code ENVFORGE_GIT_TOKEN},
 *     {@code ENVFORGE_ARGOCD_KUBECONFIG}); values are passed to tools, never printed
 */
public record PipelineSettings(
        Path workspace,
        Path workDir,
        int parallelism,
        Duration lockTimeout,
        Duration readyTimeout,
        Duration smokeTimeout,
        List<Integer> smokePorts,
        boolean resume,
        Map<String, String> environment) {

    /** The variable holding the Git token (the CI secret), passed to stage 2 as {@code TF_VAR_git_token}. */
    public static final String GIT_TOKEN = "ENVFORGE_GIT_TOKEN";

    public PipelineSettings {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(workDir, "workDir");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        smokePorts = List.copyOf(smokePorts);
        environment = Map.copyOf(environment);
    }

    /** Defaults for {@code workspace}: work folder {@code target/envforge-pipeline}, 4 at once, 443 and 9443. */
    public static PipelineSettings defaults(Path workspace, Map<String, String> environment) {
        return new PipelineSettings(
                workspace,
                workspace.resolve("target/envforge-pipeline"),
                4,
                Duration.ofMinutes(30),
                Duration.ofMinutes(30),
                Duration.ofMinutes(10),
                List.of(443, 9443),
                true,
                environment);
    }

    /**
     * Stage 2's variables from the secret store: {@code TF_VAR_git_token} (the generated root's ephemeral
     * {@code git_token}) from {@code ENVFORGE_GIT_TOKEN}, unless the runner sets {@code TF_VAR_git_token} itself.
     */
    Map<String, String> stage2Variables() {
        if (environment.containsKey("TF_VAR_git_token") || !environment.containsKey(GIT_TOKEN)) {
            return Map.of();
        }
        return Map.of("TF_VAR_git_token", environment.get(GIT_TOKEN));
    }

    String terraformLockTimeout() {
        return lockTimeout.toSeconds() + "s";
    }
}
