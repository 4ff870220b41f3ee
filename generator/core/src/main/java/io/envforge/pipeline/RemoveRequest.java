package io.envforge.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A deliberate decommission of one environment.
 *
 * @param workspace the GitOps repository's root
 * @param environment the environment to remove
 * @param confirm the confirmation flag: the environment's name or {@code true}; anything else only lists
 * @param commit commit the removal with JGit
 * @param state tells whether the environment's Terraform roots still hold resources: a live environment is marked
 *     for decommission instead of losing its files (see {@link Decommissioning})
 */
public record RemoveRequest(Path workspace, String environment, Optional<String> confirm, boolean commit,
        StateProbe state) {

    public RemoveRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(state, "state");
    }

    /** Without a state check ({@link StateProbe#NOT_CHECKED}): for environments never applied. */
    public RemoveRequest(Path workspace, String environment, Optional<String> confirm, boolean commit) {
        this(workspace, environment, confirm, commit, StateProbe.NOT_CHECKED);
    }

    /** True when the flag names this environment or says {@code true}. */
    public boolean confirmed() {
        return confirm.map(c -> c.equals(environment) || c.equals("true")).orElse(false);
    }
}
