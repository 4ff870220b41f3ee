package io.envforge.spec;

import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import io.envforge.network.Cidr;
import java.util.Objects;

/**
 * One entry of the address ledger ({@code environments/.reservations/<env>.yaml}): the block handed out to an
 * environment on the target branch, before its pull request exists.
 *
 * @param file the path shown to users, relative to the workspace
 * @param name the environment, equal to the file's base name and {@code metadata.name}
 * @param cidr {@code spec.cidr} as written
 * @param account {@code spec.account}: the account the environment is placed in, or null
 * @param region {@code spec.region}: its region there, or null
 */
public record Reservation(String file, String name, String cidr, String account, String region) {

    public Reservation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
    }

    /** The parsed block; a malformed one is this file's problem. */
    public Cidr block() {
        try {
            return Cidr.parse(cidr);
        } catch (IllegalArgumentException e) {
            throw new EnvforgeException(new Problem(
                    file,
                    "spec.cidr",
                    cidr,
                    e.getMessage(),
                    "release it (envforge remove --env " + name + ") and reserve again; for example 10.64.0.0/20"));
        }
    }
}
