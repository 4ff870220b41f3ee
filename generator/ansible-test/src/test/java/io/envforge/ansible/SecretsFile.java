package io.envforge.ansible;

import io.envforge.render.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The extra-vars file a test hands to {@code ansible-playbook}: what the secret store would give (admin and user
 * passwords), and the local server, share and test schema in place of the environment's endpoints.
 */
final class SecretsFile {

    private SecretsFile() {}

    static Path write(Path file, int port, Path nfsRoot, Map<String, String> passwords, String admin)
            throws IOException {
        Map<String, String> users = new TreeMap<>(passwords);
        users.remove(admin);
        Map<String, Object> vars = Yaml.map(
                "database_host",
                "127.0.0.1",
                "database_port",
                port,
                "database_ssl_mode",
                "disable",
                "database_admin_user",
                admin,
                "database_admin_password",
                passwords.get(admin),
                "database_passwords",
                users,
                "nfs_share_root",
                nfsRoot.toString(),
                "apim_sql_dir",
                Repo.testSchema().resolve("apim").toString(),
                "mi_sql_dir",
                Repo.testSchema().resolve("mi").toString());
        Files.writeString(file, Yaml.dump(vars), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * The in-cluster run's non-secret overrides (the local server in place of the environment's endpoint); its
     * secrets, share and schema folders go into {@link #inClusterEnvironment} instead, as the Job passes them.
     */
    static Path writeInClusterOverrides(Path file, int port) throws IOException {
        Map<String, Object> vars =
                Yaml.map("database_host", "127.0.0.1", "database_port", port, "database_ssl_mode", "disable");
        Files.writeString(file, Yaml.dump(vars), StandardCharsets.UTF_8);
        return file;
    }

    /** The variables the preparation Job's pod gets from its Secrets and mounts (ansible/in-cluster-vars.yml). */
    static Map<String, String> inClusterEnvironment(Path nfsRoot, Map<String, String> passwords, String admin) {
        Map<String, String> env = new TreeMap<>();
        env.put("ENVFORGE_DB_ADMIN_USER", admin);
        env.put("ENVFORGE_DB_ADMIN_PASSWORD", passwords.get(admin));
        passwords.forEach((user, password) -> {
            if (!user.equals(admin)) {
                env.put("ENVFORGE_DB_PASSWORD_" + user.toUpperCase(java.util.Locale.ROOT), password);
            }
        });
        env.put("ENVFORGE_NFS_ROOT", nfsRoot.toString());
        env.put("ENVFORGE_APIM_SQL_DIR", Repo.testSchema().resolve("apim").toString());
        env.put("ENVFORGE_MI_SQL_DIR", Repo.testSchema().resolve("mi").toString());
        return env;
    }
}
