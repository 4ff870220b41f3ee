package io.envforge.render.ansible;

import java.util.Map;

/**
 * Which SQL script of the product distributions creates the tables of each database, and a table the script creates
 * (its presence means the schema is loaded). Scripts are relative to the product's {@code dbscripts} folder, which
 * the playbook takes from a variable ({@link Script#dirVariable}).
 */
final class ProductSchemas {

    /** A schema script: {@code {{ dirVariable }}/relativePath}, loaded unless {@code markerTable} exists. */
    record Script(String dirVariable, String relativePath, String markerTable) {

        String path() {
            return "{{ " + dirVariable + " }}/" + relativePath;
        }
    }

    static final String APIM_DIR = "apim_sql_dir";
    static final String MI_DIR = "mi_sql_dir";

    private static final Map<String, Script> POSTGRES = Map.of(
            // API Manager: its own tables (AM_*) and the shared registry and user store (REG_*, UM_*).
            "apim_db", new Script(APIM_DIR, "apimgt/postgresql.sql", "am_api"),
            "shared_db", new Script(APIM_DIR, "postgresql.sql", "reg_resource"),
            // Micro Integrator: the cluster coordination tables.
            "mi_db", new Script(MI_DIR, "postgres/postgresql_cluster.sql", "leader_status_table"));

    private ProductSchemas() {}

    static Script of(String database) {
        Script script = POSTGRES.get(database);
        if (script == null) {
            throw new IllegalStateException(
                    "no product schema known for database " + database + "; add it to ProductSchemas");
        }
        return script;
    }
}
