package io.envforge.api;

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
 *     for decommission instead of losing its files ({@link StateProbe#NOT_CHECKED}: not checked)
 * @param schemas the folder of strict JSON Schemas the rewritten fleet files are validated against (with the bundled
 *     ones); empty: the bundled schemas
 */
public record RemoveRequest(
        Path workspace,
        String environment,
        Optional<String> confirm,
        boolean commit,
        StateProbe state,
        Optional<Path> schemas) {

    /** Without a state check ({@link StateProbe#NOT_CHECKED}): for environments never applied. */
    public RemoveRequest(Path workspace, String environment, Optional<String> confirm, boolean commit) {
        this(workspace, environment, confirm, commit, StateProbe.NOT_CHECKED);
    }

    /** With a state check, the fleet files validated against the bundled schemas. */
    public RemoveRequest(
            Path workspace, String environment, Optional<String> confirm, boolean commit, StateProbe state) {
        this(workspace, environment, confirm, commit, state, Optional.empty());
    }

    public RemoveRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(schemas, "schemas");
    }

    /** The same removal, validating the rewritten fleet files against the schemas in {@code folder} too. */
    public RemoveRequest withSchemas(Path folder) {
        return new RemoveRequest(workspace, environment, confirm, commit, state, Optional.ofNullable(folder));
    }

    /** True when the flag names this environment or says {@code true}. */
    public boolean confirmed() {
        return confirm.map(c -> c.equals(environment) || c.equals("true")).orElse(false);
    }
}
