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
 * @param schemas the folder of strict JSON Schemas the rewritten fleet files are validated against; empty: the
 *     house rules only
 */
public record RemoveRequest(Path workspace, String environment, Optional<String> confirm, boolean commit,
        Optional<Path> schemas) {

    /** A removal whose rewritten fleet files are checked by the house rules only. */
    public RemoveRequest(Path workspace, String environment, Optional<String> confirm, boolean commit) {
        this(workspace, environment, confirm, commit, Optional.empty());
    }

    public RemoveRequest {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(schemas, "schemas");
    }

    /** The same removal, validating the rewritten fleet files against the schemas in {@code folder}. */
    public RemoveRequest withSchemas(Path folder) {
        return new RemoveRequest(workspace, environment, confirm, commit, Optional.ofNullable(folder));
    }

    /** True when the flag names this environment or says {@code true}. */
    public boolean confirmed() {
        return confirm.map(c -> c.equals(environment) || c.equals("true")).orElse(false);
    }
}
