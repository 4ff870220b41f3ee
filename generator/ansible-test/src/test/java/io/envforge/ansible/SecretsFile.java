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

    private SecretsFile() {
    }

    static Path write(Path file, int port, Path nfsRoot, Map<String, String> passwords, String admin)
            throws IOException {
        Map<String, String> users = new TreeMap<>(passwords);
        users.remove(admin);
        Map<String, Object> vars = Yaml.map(
                "database_host", "127.0.0.1",
                "database_port", port,
                "database_ssl_mode", "disable",
                "database_admin_user", admin,
                "database_admin_password", passwords.get(admin),
                "database_passwords", users,
                "nfs_share_root", nfsRoot.toString(),
                "apim_sql_dir", Repo.testSchema().resolve("apim").toString(),
                "mi_sql_dir", Repo.testSchema().resolve("mi").toString());
        Files.writeString(file, Yaml.dump(vars), StandardCharsets.UTF_8);
        return file;
    }
}
