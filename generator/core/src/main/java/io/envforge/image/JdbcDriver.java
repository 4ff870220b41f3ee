package io.envforge.image;

import java.util.regex.Pattern;

/**
 * A JDBC driver jar from a Maven repository, pinned by version and SHA-256 (checked after every download).
 *
 * @param groupId Maven group
 * @param artifactId Maven artifact
 * @param version exact version
 * @param sha256 hex SHA-256 of the jar
 */
public record JdbcDriver(String groupId, String artifactId, String version, String sha256) {

    /** Before {@link #POSTGRESQL}: static fields initialise in order. */
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    /**
     * The PostgreSQL driver both products' configurations name ({@code org.postgresql.Driver}); neither stock image
     * carries it. SHA-256 of postgresql-42.7.14.jar from Maven Central (whose published .sha1 the jar matched, 0e7c94ce).
     */
    public static final JdbcDriver POSTGRESQL = new JdbcDriver(
            "org.postgresql",
            "postgresql",
            "42.7.14",
            "73914527305a40cce504b0d3d90b23caf565136912d607ae8ae7c5895512332c");

    public JdbcDriver {
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 \"" + sha256 + "\": 64 lowercase hex digits expected");
        }
    }

    public String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    /** Path below a Maven repository's root. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
