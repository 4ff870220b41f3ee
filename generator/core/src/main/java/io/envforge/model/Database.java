package io.envforge.model;

/**
 * The environment's managed database (RDS Multi-AZ / Azure Flexible Server zone-redundant).
 *
 * @param engine {@code postgres}, the only engine the spec allows (ansible/roles/database prepares no other)
 * @param version engine major version
 * @param size {@code small}, {@code medium} or {@code large}; each cloud module maps it to an instance class
 * @param storageGb allocated storage
 * @param host the stable private DNS name Terraform points at the server
 * @param port the engine's port
 * @param identifier the server's cloud resource name
 * @param adminSecret the secret store key holding the admin credentials (AWS: where RDS keeps the password)
 * @param adminPasswordVersion Azure: rotation counter of the admin password ({@code spec.secrets.rotation.databaseAdmin},
 *     default 1); AWS: 1, RDS rotates its managed password itself
 */
public record Database(
        String engine,
        String version,
        String size,
        int storageGb,
        String host,
        int port,
        String identifier,
        String adminSecret,
        int adminPasswordVersion) {

    /** PostgreSQL's port, on RDS and Azure Flexible Server alike. */
    public static final int POSTGRES_PORT = 5432;

    public Database {
        Checks.notBlank("database.engine", engine);
        Checks.notBlank("database.host", host);
        Checks.atLeast("database.storageGb", storageGb, 20);
    }
}
